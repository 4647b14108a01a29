// The report-back register (技术员复电登记表) from the board: a dispatcher reads the day,
// records a departure phoned in and a call after a visit with the keyboard (zh-CN); a
// departure ahead of the clock is refused by the service on its field, a note too long in the form,
// the filters live in the address (en); a manager reads it without the desk's buttons.
// Two technicians of its own (a plotter line no other spec's work needs, so no other spec's
// work goes to them), compared with what the API says, so it holds whatever else is on the
// server and whatever the hour.
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, PASSWORD, token } from './global-setup';
import { assignedWorkOrder, base, call, shanghaiDay } from './api';
import { noSeriousA11yViolations, settle, shot, signIn, useLanguage } from './helpers';
import { within } from './time';

test.describe.configure({ mode: 'serial' });

const tag = String(Date.now() % 100_000);
/** Out on a visit: left with the work order's en-route step, not reported back yet. */
const OUT = `赵立新${tag}`;
/** Nothing yet today: phones in that he left. */
const HOME = `钱海${tag}`;
/** Not left yet: a departure typed ahead of the clock is refused. */
const LATE = `孙强${tag}`;
const MANAGER = `mgr-register-${tag}`;
let admin = '';
let number = '';
const ids: Record<string, string> = {};

interface Row {
  technician_id: string;
  departure: string;
  departed_at?: string | null;
}

/** The API's row of a technician on a day, to compare the page with. */
async function apiRow(name: string, day = shanghaiDay()): Promise<Row> {
  const reg = await call<{ rows: Row[] }>(admin, 'GET', `/report-back-register/${day}?technician_id=${ids[name]}`);
  const row = reg.rows[0];
  if (!row) throw new Error(`${name} is not on the register of ${day}`);
  return row;
}

test.beforeAll(async () => {
  admin = await token(base(), 'admin', ADMIN_PASSWORD);
  for (const [name, skills] of [
    [OUT, ['plotter', 'oce']],
    [HOME, ['plotter']],
    [LATE, ['plotter']],
  ] as const) {
    const t = await call<{ id: string }>(admin, 'POST', '/technicians', {
      name,
      district: 'baiyun',
      daily_capacity: 5,
      skills,
      certifications: [{ skill: 'plotter', expires_on: shanghaiDay(365) }],
    }, { 'idempotency-key': crypto.randomUUID() });
    ids[name] = t.id;
  }
  await call(admin, 'POST', '/accounts', { login: MANAGER, display_name: '孙经理', role: 'manager', password: PASSWORD });
  const ticket = await call<{ id: string }>(admin, 'POST', '/tickets', {
    channel: 'phone',
    type: 'fault',
    symptom: '绘图仪走纸歪斜 plotter skews the paper',
    customer: { name: '白云工程图文', phone: '+86 20 5555 0909', district: 'baiyun' },
    machine: { product_line: 'plotter', brand: 'Oce', model: 'PW-340', serial: `SN-REG-${tag}`, purchase_date: shanghaiDay(-400) },
  });
  let wo = await assignedWorkOrder(admin, ticket.id, ids[OUT]!, '白云片区 baiyun');
  for (const to of ['accepted', 'en_route']) {
    wo = await call(admin, 'POST', `/workorders/${wo.id}/transitions`, { to }, { 'if-match': `"${wo.version}"` });
  }
  number = wo.number;
});

/** A time of today (Shanghai) at least two hours ahead of now, or the day's last minute. */
function aheadOfTheClock(): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  const minutes = Math.min(now.getUTCHours() * 60 + now.getUTCMinutes() + 120, 23 * 60 + 59);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

async function openRegister(page: Page, login: string, lang: 'zh-CN' | 'en'): Promise<void> {
  await signIn(page, login);
  await useLanguage(page, lang);
  await page.getByTestId('nav-board').click();
  await page.getByTestId('to-register').click();
  await expect(page).toHaveURL(/\/board\/register$/);
  await expect(page.getByTestId(`reg-${OUT}`)).toBeVisible();
}

test('a dispatcher records a departure phoned in and a call after a visit with the keyboard (zh-CN)', async ({ page }) => {
  await openRegister(page, 'dispatch1', 'zh-CN');
  const out = page.getByTestId(`reg-${OUT}`);
  const home = page.getByTestId(`reg-${HOME}`);

  // Out on the visit: left with the en-route step, the visit not reported back yet.
  await expect(out.getByTestId('departed-at')).not.toBeEmpty();
  await expect(out).toContainText('工单在途');
  await expect(out.getByTestId(`visit-${number}`)).toHaveAttribute('data-reported', 'false');
  await expect(out.getByTestId(`visit-${number}`)).toContainText('未复电');
  await expect(out.getByTestId('departure')).toHaveAttribute('data-state', (await apiRow(OUT)).departure);
  await expect(page.getByTestId(`record-departure-${OUT}`)).toHaveCount(0);

  // 钱海 phones in that he left: the button, Enter, the time proposed is now, Enter.
  await expect(home.getByTestId('departure')).toHaveAttribute('data-state', (await apiRow(HOME)).departure);
  await page.getByTestId(`record-departure-${HOME}`).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#departure_occurred_at')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('departure-dialog')).toHaveCount(0);
  const left = await apiRow(HOME);
  expect(left.departed_at).toBeTruthy();
  await expect(home.getByTestId('departed-at')).not.toBeEmpty();
  await expect(home).toContainText('登记');
  await expect(home.getByTestId('departure')).toHaveAttribute('data-state', left.departure);
  await expect(page.getByTestId(`record-departure-${HOME}`)).toHaveCount(0);

  // 赵立新 phones after the visit: the visit is proposed, Tab past the time, the note, Ctrl+Enter.
  await page.getByTestId(`record-call-${OUT}`).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#call_work_order_id')).toBeFocused();
  await expect(page.getByTestId('call-dialog')).toContainText(number);
  // The dialog's focus trap sends a Tab made during its opening animation back.
  await settle(page);
  await page.keyboard.press('Tab');
  await expect(page.locator('#call_occurred_at')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('#call_note')).toBeFocused();
  await page.keyboard.type('已修好，客户满意；下午去下一家');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('call-dialog')).toHaveCount(0);
  await expect(out.getByTestId(`visit-${number}`)).toHaveAttribute('data-reported', 'true');
  await expect(out.getByTestId(`visit-${number}`)).toContainText('已复电');
  await expect(out.getByTestId('reported-count')).toHaveText('已复电 1 / 1');
  await expect(out.getByTestId('call-count')).toHaveText('1 次');
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: within(15_000) });
  await settle(page);
  await shot(page, 'register-zh-CN');
  await noSeriousA11yViolations(page);

  // His day in the drawer: the visit reported back by phone, the call with its note.
  await out.getByRole('button', { name: OUT }).click();
  await expect(page).toHaveURL(/technician=/);
  const drawer = page.getByTestId('register-drawer');
  await expect(drawer).toContainText('电话');
  await expect(drawer.getByTestId('register-calls')).toContainText('已修好，客户满意；下午去下一家');
  await expect(drawer.getByTestId('register-calls')).toContainText('你');
  await settle(page);
  await shot(page, 'register-day-zh-CN');
  await noSeriousA11yViolations(page);
});

test('a departure ahead of the clock is refused on its field, a note too long in the form, filters in the address (en)', async ({ page }) => {
  await openRegister(page, 'dispatch1', 'en');

  // A day before the technicians were added: they are not on its register.
  const past = shanghaiDay(-4);
  await page.locator('#register-date').click();
  await page.locator('#register-date').fill(past);
  await page.locator('#register-date').press('Enter');
  await expect(page).toHaveURL(new RegExp(`date=${past}`));
  await expect(page.getByTestId(`reg-${LATE}`)).toHaveCount(0);
  await expect(page.getByTestId(`reg-${OUT}`)).toHaveCount(0);

  // Back to today: a departure typed later than the server's clock allows is refused by the
  // service on its field, and nothing is recorded.
  await page.locator('#register-date').click();
  await page.locator('#register-date').fill(shanghaiDay());
  await page.locator('#register-date').press('Enter');
  await expect(page).not.toHaveURL(/date=/);
  await page.getByTestId(`record-departure-${LATE}`).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#departure_occurred_at')).toBeFocused();
  // Typed, then Enter: the time is taken and the form sent (the drop-down covers the button).
  await page.locator('#departure_occurred_at').fill(aheadOfTheClock());
  await page.locator('#departure_occurred_at').press('Enter');
  await expect(page.locator('#departure_occurred_at_help')).toContainText("must not be more than 5 minutes after the server's time");
  await expect(page.getByRole('dialog')).toBeVisible();
  // Tab on to the button: the time's drop-down closes, the message stays on the field.
  await page.locator('#departure_occurred_at').focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('.ant-picker-dropdown:visible')).toHaveCount(0);
  await expect(page.locator('#departure_occurred_at_help')).toBeVisible();
  await settle(page);
  await shot(page, 'register-departure-en');
  await noSeriousA11yViolations(page);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('departure-dialog')).toHaveCount(0);
  expect((await apiRow(LATE)).departed_at ?? null).toBeNull();

  // A note over 500 characters is refused before it is sent, then recorded.
  await page.getByTestId(`record-call-${HOME}`).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#call_work_order_id')).toBeFocused();
  await page.locator('#call_note').fill('x'.repeat(501));
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('#call_note_help')).toContainText('At most 500 characters');
  await page.locator('#call_note').fill('on the way to the second customer');
  await expect(page.locator('#call_note_help')).toHaveCount(0);
  await page.getByTestId('call-submit').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('call-dialog')).toHaveCount(0);
  await expect(page.getByTestId(`reg-${HOME}`).getByTestId('call-count')).toHaveText('1');

  // Filters live in the address: only technicians with a visit not reported back.
  await page.getByTestId('register-unreported').click();
  await expect(page).toHaveURL(/unreported=1/);
  await expect(page.getByTestId('register-unreported')).toBeChecked();
  await expect(page.getByTestId(`reg-${OUT}`)).toHaveCount(0);
  await page.getByTestId('register-unreported').click();
  await expect(page).not.toHaveURL(/unreported=1/);
  await expect(page.getByTestId(`reg-${OUT}`)).toHaveCount(1);
  await expect(page.getByTestId(`reg-${HOME}`)).toHaveCount(1);
  await page.locator('#register-search').fill(tag);
  await page.locator('#register-search').press('Enter');
  await expect(page).toHaveURL(new RegExp(`q=${tag}`));
  await expect(page.locator('tr[data-testid^="reg-"]')).toHaveCount(3);
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: within(15_000) });
  await settle(page);
  await shot(page, 'register-en');
  await noSeriousA11yViolations(page);
});

test('a manager reads the register without the desk\'s buttons', async ({ page }) => {
  await openRegister(page, MANAGER, 'zh-CN');
  await expect(page.getByTestId(`reg-${HOME}`).getByTestId('departed-at')).not.toBeEmpty();
  await expect(page.locator('[data-testid^="record-"]')).toHaveCount(0);
  await noSeriousA11yViolations(page);
});

test('an agent, who takes the technicians\' calls, has the register in the desk\'s menu (en)', async ({ page }) => {
  await signIn(page, 'agent1');
  await useLanguage(page, 'en');
  await page.getByTestId('nav-register').click();
  await expect(page).toHaveURL(/\/register$/);
  await expect(page.getByTestId(`reg-${OUT}`)).toBeVisible();
  // No way back to a board the desk does not have; the desk's buttons are there.
  await expect(page.getByText('Back to the board')).toHaveCount(0);
  await expect(page.locator('[data-testid^="record-"]').first()).toBeVisible();
  await settle(page);
  await shot(page, 'register-agent-en');
  await noSeriousA11yViolations(page);
  // The account remembers its language; other tests expect the desk's Chinese.
  await useLanguage(page, 'zh-CN');
});
