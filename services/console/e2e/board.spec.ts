import { expect, test, type Browser, type Page } from '@playwright/test';
import { base } from './api';
import { noSeriousA11yViolations, shot, signIn, useLanguage } from './helpers';
import { within } from './time';

async function openBoard(page: Page, login: string, lang: 'zh-CN' | 'en'): Promise<void> {
  await signIn(page, login);
  await useLanguage(page, lang);
  await page.getByTestId('nav-board').click();
  await expect(page.getByTestId('lane-李伟')).toBeVisible();
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'online');
}

/** The number of the first work order still waiting in the unassigned lane. */
async function firstUnassigned(page: Page): Promise<string> {
  const card = page.getByTestId('lane-unassigned').locator('[data-testid^="wo-"]').first();
  await expect(card).toBeVisible();
  return ((await card.getAttribute('data-testid')) ?? '').slice(3);
}

/** Assigns with the keyboard only: focus the card's button, Enter, type the technician, Enter (the reason takes the focus), reason, Enter. */
async function assignByKeyboard(page: Page, number: string, technician: string, reason: string): Promise<void> {
  await page.getByTestId(`assign-${number}`).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#assign_technician_id')).toBeFocused();
  await page.keyboard.type(technician);
  await page.keyboard.press('Enter');
  await expect(page.locator('#assign_reason')).toBeFocused();
  await page.keyboard.type(reason);
  await page.keyboard.press('Enter');
}

async function secondUser(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: base(), locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto('/');
  await openBoard(page, 'dispatch2', 'zh-CN');
  return page;
}

test('a dispatcher sees the board in Chinese and assigns an unassigned work order with the keyboard', async ({ page }) => {
  await openBoard(page, 'dispatch1', 'zh-CN');
  const unassigned = page.getByTestId('lane-unassigned');
  // Why each waits: the reason the assignment gave, in the reader's language.
  await expect(unassigned).toContainText('没有在岗技术员');
  await expect(page.getByTestId('lane-张敏')).toContainText('休假');
  await expect(page.getByTestId('lane-李伟').getByTestId('load')).toHaveText(/^\d+ \/ 4$/);
  await shot(page, 'board-zh-CN');
  await noSeriousA11yViolations(page);

  const number = await firstUnassigned(page);
  // The reason is required: submitting without one keeps the dialog open on that field.
  await page.getByTestId(`assign-${number}`).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#assign_technician_id')).toBeFocused();
  await page.keyboard.type('李伟');
  await page.keyboard.press('Enter');
  await expect(page.locator('#assign_reason')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#assign_reason_help')).toContainText('必填');
  // Let the message's fade-in end before colours are measured.
  await page.waitForFunction(() => !document.querySelector('[class*="show-help-appear"], [class*="show-help-enter"]'));
  await shot(page, 'board-assign-zh-CN');
  await noSeriousA11yViolations(page);
  await page.keyboard.press('Escape');

  await assignByKeyboard(page, number, '李伟', '客户指定李师傅');
  const card = page.getByTestId('lane-李伟').getByTestId(`wo-${number}`);
  await expect(card).toBeVisible();
  await expect(card).toContainText('已分配');
  await expect(unassigned.getByTestId(`wo-${number}`)).toHaveCount(0);
});

test('another user assigns meanwhile: the board updates without a reload and a stale dialog says so', async ({ page, browser }) => {
  await openBoard(page, 'dispatch1', 'en');
  const number = await firstUnassigned(page);
  // The first dispatcher opens the dialog for the order…
  await page.getByTestId(`assign-${number}`).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#assign_technician_id')).toBeFocused();

  // …while a second dispatcher, in another browser context, assigns it.
  const other = await secondUser(browser);
  try {
    await assignByKeyboard(other, number, '李伟', '就近安排');
    await expect(other.getByTestId('lane-李伟').getByTestId(`wo-${number}`)).toBeVisible();
  } finally {
    await other.context().close();
  }
  // No reload, no click: the live stream moves the card on the first page.
  await expect(page.getByTestId('lane-李伟').getByTestId(`wo-${number}`)).toBeAttached({ timeout: within(10_000) });

  // Submitting the dialog opened on the old version: 412, said and reloaded.
  await page.keyboard.type('李伟');
  await page.keyboard.press('Enter');
  await expect(page.locator('#assign_reason')).toBeFocused();
  await page.keyboard.type('customer asked for Li');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('assign-error')).toContainText('changed this work order meanwhile');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('assign-error')).toHaveCount(0);
});

test('a dispatcher drags a work order onto a lane, publishes the day plan and sees route order and arrival times', async ({ page }) => {
  await openBoard(page, 'dispatch1', 'en');
  const number = await firstUnassigned(page);
  // Drag and drop: the dialog opens with the lane's technician chosen.
  await page.getByTestId(`wo-${number}`).dragTo(page.getByTestId('lane-李伟'));
  await expect(page.locator('#assign_reason')).toBeVisible();
  await expect(page.getByRole('dialog')).toContainText('李伟 · tianhe');
  await page.locator('#assign_reason').fill('dragged onto Li Wei');
  await page.locator('#assign_reason').press('Enter');
  const lane = page.getByTestId('lane-李伟');
  await expect(lane.getByTestId(`wo-${number}`)).toBeVisible();

  await expect(page.getByTestId('plan-status')).toHaveText('No day plan published');
  await page.getByTestId('publish-plan').click();
  await expect(page.getByTestId('plan-status')).toContainText('Plan revision 1');
  // Let the button's click effect and hover colour go before anything is measured.
  await page.mouse.move(0, 0);
  await page.locator('body').focus();
  await page.waitForFunction(() => !document.querySelector('.ant-wave, [class*="wave-motion"]'));
  await page.waitForTimeout(300);
  await expect(lane.locator('[data-testid^="wo-"]').first()).toContainText('Stop 1');
  await expect(lane.locator('[data-testid^="wo-"]').first()).toContainText(/Arrives \d\d:\d\d/);
  await expect(lane).toContainText(/Travel \d+ min/);
  await shot(page, 'board-en');
  await noSeriousA11yViolations(page);

  // The map follows the published route: 李伟's polyline runs from his start through his stops in order.
  const route = page.getByTestId('route-李伟');
  await expect(route).toBeAttached();
  await expect(page.getByTestId(`marker-${number}`)).toBeAttached();
  await page.getByTestId('map-card').scrollIntoViewIfNeeded();
  await page.getByTestId(`marker-${number}`).focus();
  await expect(page.getByTestId('map-tip')).toContainText(number);
  await expect(page.getByTestId('map-tip')).toContainText('Technician 李伟');
  await shot(page, 'board-map-en');
  await noSeriousA11yViolations(page);
});
