import { expect, test } from '@playwright/test';
import { PASSWORD } from './global-setup';
import { base } from './api';
import { noSeriousA11yViolations, shot, signIn, useLanguage } from './helpers';
import { within } from './time';

for (const lang of ['zh-CN', 'en'] as const) {
  test(`sign-in page, queue and ticket drawer in ${lang} pass axe-core`, async ({ page }) => {
    await page.goto('/');
    await useLanguage(page, lang);
    await shot(page, `signin-${lang}`);
    await noSeriousA11yViolations(page);
    await signIn(page, 'agent1');
    await page.getByTestId('nav-queue').click();
    await expect(page).toHaveURL(/\/queue/);
    await expect(page.getByTestId('queue').locator('tbody tr').first()).toBeVisible();
    await shot(page, `queue-${lang}`);
    await noSeriousA11yViolations(page);
    await page.getByTestId('queue').locator('tbody tr').first().getByRole('button').first().click();
    await expect(page.locator('.ant-drawer-title')).toContainText(/T\d{4}-\d{6}/);
    await shot(page, `ticket-${lang}`);
    await noSeriousA11yViolations(page);
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-home').click();
    await shot(page, `home-${lang}`);
    await noSeriousA11yViolations(page);
  });
}

test('a warehouse clerk sees no tickets menu and no desk', async ({ page }) => {
  await signIn(page, 'clerk1');
  await expect(page.getByTestId('role')).toBeVisible();
  await expect(page.getByTestId('nav-home')).toBeVisible();
  await expect(page.getByTestId('nav-warehouse')).toBeVisible();
  await expect(page.getByTestId('nav-desk')).toHaveCount(0);
  await expect(page.getByTestId('nav-queue')).toHaveCount(0);
  // A typed address of a workspace the role may not open lands on its own page.
  await page.evaluate(() => {
    history.pushState({}, '', '/queue');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(page).toHaveURL(/\/warehouse$/);
  await page.getByTestId('nav-home').click();
  await expect(page).toHaveURL(/\/home$/);
  await shot(page, 'home-warehouse-zh-CN');
});

test('an expired session returns to sign-in over the page and keeps the form', async ({ page }) => {
  await signIn(page, 'agent2');
  await expect(page).toHaveURL(/\/desk$/);
  const symptom = page.getByTestId('symptom');
  await symptom.fill('卡纸，打印到一半停下');
  await page.locator('#ticket_customer_name').fill('新来电客户');
  // The password is changed elsewhere: every other sign-in of the account ends, its
  // refresh tokens included, so this browser's session can no longer be renewed.
  const NEW = PASSWORD + '-changed';
  const login = await fetch(base() + '/api/v1/auth/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'agent2', password: PASSWORD }),
  }).then((r) => r.json() as Promise<{ access_token: string }>);
  const changed = await fetch(base() + '/api/v1/me/password', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${login.access_token}` },
    body: JSON.stringify({ current_password: PASSWORD, new_password: NEW }),
  });
  expect(changed.status).toBe(200);
  await expect(page.getByTestId('session-expired')).toBeVisible({ timeout: within(20_000) });
  const dialog = page.getByRole('dialog');
  await page.waitForFunction(() => !document.querySelector('[class*="zoom-appear"], [class*="zoom-enter"]'));
  await shot(page, 'session-expired-zh-CN');
  await dialog.locator('#signin_login').fill('agent2');
  await dialog.locator('#signin_password').fill(NEW);
  await dialog.locator('#signin_password').press('Enter');
  await expect(page.getByTestId('session-expired')).toHaveCount(0);
  await expect(symptom).toHaveValue('卡纸，打印到一半停下');
  await expect(page.locator('#ticket_customer_name')).toHaveValue('新来电客户');
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'online', { timeout: within(15_000) });
});

test("the server's 422 lands on the field it names and nothing typed is lost", async ({ page }) => {
  await signIn(page, 'agent1');
  // The account keeps the language another test chose last.
  await useLanguage(page, 'zh-CN');
  await page.locator('#desk-lookup').fill('020 5555 0101');
  await page.locator('#desk-lookup').press('Enter');
  await expect(page.getByTestId('customer-title')).toBeVisible();
  // A return must name the machine: the OpenAPI document cannot say so, the service does.
  await page.locator('#ticket_type').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="退货"]').click();
  await page.locator('#ticket_machine').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="不涉及设备"]').click();
  await page.getByTestId('symptom').fill('买错型号，要求退货');
  await page.getByTestId('submit-ticket').click();
  // Neither field has a rule in the form: these errors are the service's, in the agent's language.
  const machineItem = page.locator('.ant-form-item').filter({ has: page.locator('#ticket_machine') });
  await expect(machineItem.locator('.ant-form-item-explain-error')).toHaveText('必填');
  const reasonItem = page.locator('.ant-form-item').filter({ has: page.locator('#ticket_return_reason') });
  await expect(reasonItem.locator('.ant-form-item-explain-error')).toHaveText('必填');
  await expect(page.getByTestId('symptom')).toHaveValue('买错型号，要求退货');
  await shot(page, 'desk-422-zh-CN');
});
