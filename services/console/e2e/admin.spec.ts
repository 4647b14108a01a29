// The administrator's workspace against a real `aftercare up`: an administrator creates an
// account with the keyboard, changes its role and gives it an API token shown once (zh-CN);
// edits the quality thresholds, sees a bad number refused on its field and the saved version,
// and a stale save said (en); searches the audit log by action, object and day, the search
// kept in the address; and replays a dead letter: an event dispatch cannot read is
// published on the bus as the back-end tests do, dispatch sets it aside, the administrator
// reads its reason and payload, replays it after confirming, and the list updates (the
// letter gone, set aside again under a new number since its cause remains); sets the company
// profile with its refusals on the fields and a stale save said, and a printed receipt is
// headed with it (zh-CN, then en). axe-core on each page, screenshots in both languages and
// at phone width.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { ADMIN_PASSWORD, SERVER_FILE, token } from './global-setup';
import { assignedWorkOrder, shanghaiDay } from './api';
import { go, noSeriousA11yViolations, settle, shot, signIn, useLanguage } from './helpers';
import { within } from './time';

interface ServerInfo {
  base: string;
  nats?: string;
}

function server(): ServerInfo {
  return JSON.parse(readFileSync(SERVER_FILE, 'utf8')) as ServerInfo;
}

async function call<T = unknown>(admin: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const r = await fetch(server().base + '/api/v1' + path, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

async function poll<T>(what: string, f: () => Promise<T | null | undefined>): Promise<T> {
  for (let i = 0; i < within(120); i++) {
    const v = await f();
    if (v) return v;
    await new Promise((s) => setTimeout(s, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Publishes `payload` on `subject` with the NATS text protocol (CONNECT, PUB, then PING to
 * know the server has it), as the services' tests publish a message no producer would send.
 */
async function publishRaw(url: string, subject: string, payload: string): Promise<void> {
  const { hostname, port } = new URL(url.replace(/^nats:/, 'http:'));
  const body = Buffer.from(payload);
  await new Promise<void>((ok, fail) => {
    const socket = connect(Number(port), hostname);
    let seen = '';
    socket.setTimeout(10_000, () => fail(new Error('NATS did not answer')));
    socket.on('error', fail);
    socket.on('data', (chunk) => {
      seen += chunk.toString();
      if (seen.startsWith('INFO') && !seen.includes('sent')) {
        seen += 'sent';
        socket.write(`CONNECT {"verbose":false,"pedantic":false,"name":"admin-spec"}\r\nPUB ${subject} ${body.length}\r\n`);
        socket.write(body);
        socket.write('\r\nPING\r\n');
      }
      if (/-ERR/.test(seen)) fail(new Error(seen));
      if (seen.includes('PONG')) {
        socket.end();
        ok();
      }
    });
  });
}

interface Letter {
  seq: number;
  subject: string;
  consumer: string;
  payload: string;
}

const POISON = 'not an event at all: 无法读取的工单事件';
let admin: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  admin = await token(server().base, 'admin', ADMIN_PASSWORD);
});

async function openAdmin(page: Page, lang: 'zh-CN' | 'en', path = '/admin'): Promise<void> {
  await page.goto('/');
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await useLanguage(page, lang);
  await go(page, path);
  await expect(page.getByTestId('admin')).toBeVisible();
}

test('an administrator creates an account with the keyboard, changes its role and gives it an API token (zh-CN)', async ({ page }) => {
  // Two axe runs, each once the toasts before it have gone.
  test.setTimeout(within(120_000));
  await openAdmin(page, 'zh-CN');
  await expect(page.getByTestId('accounts')).toContainText('agent1');
  // Keyboard only: the new-account dialog, its fields in order, Enter to create.
  await page.getByTestId('new-account').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('account-dialog');
  await expect(dialog.locator('#account_login')).toBeFocused();
  // Typing starts once the dialog has opened: the dialog's focus trap takes hold at the end
  // of its opening animation and sends a Tab made before that back to the field it left.
  await settle(page);
  await expect(dialog.locator('#account_login')).toBeFocused();
  await page.keyboard.type('has space');
  await page.keyboard.press('Tab');
  await page.keyboard.type('客服 孙丽');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('short');
  await page.keyboard.press('Enter');
  // Refused on their fields, nothing typed lost.
  await expect(dialog.locator('#account_login_help')).toContainText('登录名不能含空格');
  await expect(dialog.locator('#account_password_help')).toContainText('至少 12 个字符');
  await expect(dialog.locator('#account_display_name')).toHaveValue('客服 孙丽');
  await settle(page);
  await shot(page, 'admin-new-account-refused-zh');
  await dialog.locator('#account_login').fill('sun.li');
  await dialog.locator('#account_password').fill('Sun-Li-Password-2026');
  await dialog.locator('#account_password').press('Enter');
  // The new account's drawer opens.
  const drawer = page.getByTestId('account-drawer');
  await expect(drawer).toContainText('sun.li');
  await expect(drawer).toContainText('客服');
  // Its role becomes dispatcher at the version read.
  await drawer.getByTestId('account-role').click();
  await page.locator('.ant-select-dropdown:visible').getByText('调度', { exact: true }).click();
  await drawer.getByTestId('change-role').click();
  await expect(page.getByText('sun.li 的角色已改为调度')).toBeVisible();
  await expect(drawer.locator('.ant-descriptions')).toContainText('调度');
  // An API token: its secret shown once.
  await drawer.getByTestId('token-name').fill('路线规划集成');
  await drawer.getByTestId('create-token').click();
  await expect(drawer.getByTestId('token-secret')).toContainText('act_');
  await expect(drawer.getByTestId('tokens')).toContainText('路线规划集成');
  await settle(page);
  await noSeriousA11yViolations(page);
  await shot(page, 'admin-account-drawer-zh');
  // Searched by name, with the search in the address.
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await page.getByTestId('account-search').locator('input').fill('孙丽');
  await page.getByTestId('account-search').locator('input').press('Enter');
  await expect(page).toHaveURL(/q=%E5%AD%99%E4%B8%BD|q=孙丽/);
  await expect(page.getByTestId('account-drawer')).toContainText('sun.li');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('accounts').locator('tbody tr')).toHaveCount(1);
  await settle(page);
  await noSeriousA11yViolations(page);
  await shot(page, 'admin-accounts-zh');
});

test('an administrator edits a setting and sees its version; a bad number and a stale save are said (en)', async ({ page }) => {
  await openAdmin(page, 'en', '/admin/settings/quality');
  const section = page.getByTestId('setting-page-quality');
  await expect(section.getByTestId('setting-version')).toBeVisible();
  const before = await call<{ version: number; thresholds: { window: string; count: number }[] }>(admin, 'GET', '/quality-thresholds');
  await expect(section.getByTestId('quality-row')).toHaveCount(before.thresholds.length);
  const count = section.getByTestId('quality-row').first().locator('input.ant-input-number-input');
  await count.fill('1');
  await count.press('Tab');
  await expect(section).toContainText('A whole number from 2 to 10000');
  await count.fill('7');
  await section.getByTestId('save-quality').click();
  await expect(page.getByText(`Saved as version ${before.version + 1}`)).toBeVisible();
  await expect(section.getByTestId('setting-version')).toHaveText(`Version ${before.version + 1}`);
  const after = await call<{ version: number; thresholds: { count: number }[] }>(admin, 'GET', '/quality-thresholds');
  expect(after.version).toBe(before.version + 1);
  expect(after.thresholds[0]?.count).toBe(7);
  // Someone else saves meanwhile: this save is refused as stale, what was typed is kept.
  await call(admin, 'POST', '/quality-thresholds', { thresholds: after.thresholds }, { 'if-match': `"${after.version}"` });
  await count.fill('9');
  await section.getByTestId('save-quality').click();
  await expect(section.getByTestId('setting-error')).toContainText('Someone changed this record meanwhile');
  await expect(count).toHaveValue('9');
  await settle(page);
  await noSeriousA11yViolations(page);
  await shot(page, 'admin-setting-quality-en');
  // The SLA targets: a resolution shorter than the first response is refused on its field.
  await page.getByTestId('setting-sla').click();
  const sla = page.getByTestId('setting-page-sla');
  await expect(sla.getByTestId('sla-row').first()).toBeVisible();
  await sla.getByTestId('sla-row').first().locator('input.ant-input-number-input').first().fill('99999');
  await sla.getByTestId('save-sla').click();
  await expect(sla).toContainText('Not shorter than the first response');
  await settle(page);
  await noSeriousA11yViolations(page);
  await shot(page, 'admin-setting-sla-en');
  // The fee schedules with the day each applies from.
  await page.getByTestId('setting-fees').click();
  await expect(page.getByTestId('fee-history')).toContainText('In force');
  await settle(page);
  await noSeriousA11yViolations(page);
  await shot(page, 'admin-setting-fees-en');
});

/** A visit completed for 白云复印社, so that a receipt is issued; its number. */
async function seededReceipt(): Promise<string> {
  const tech = await call<{ id: string }>(admin, 'POST', '/technicians', { name: '罗军', district: 'baiyun', daily_capacity: 6, skills: ['copier', 'sharp'], certifications: [{ skill: 'copier', expires_on: shanghaiDay(365) }] }, { 'idempotency-key': crypto.randomUUID() });
  const phone = `+86 20 6${String(Date.now()).slice(-7)}`;
  const customer = await call<{ id: string }>(admin, 'POST', '/customers', { company: '白云文印店', contacts: [{ name: '钱老板', phones: [phone] }], address: '广州市白云区机场路 18 号', district: 'baiyun', tier: 'standard' });
  const ticket = await call<{ id: string }>(admin, 'POST', '/tickets', {
    channel: 'phone',
    type: 'fault',
    symptom: '复印机卡纸 copier jams',
    customer_id: customer.id,
    customer: { name: '白云文印店', phone, district: 'baiyun' },
    machine: { product_line: 'copier', brand: 'Sharp', model: 'AR-2048', serial: 'SN-ADMIN-PRINT-1', purchase_date: shanghaiDay(-1200) },
  });
  const wo = await assignedWorkOrder(admin, ticket.id, tech.id, '白云片区 baiyun district');
  const finished = Date.now() - 20 * 60_000;
  await call(admin, 'POST', `/workorders/${wo.id}/complete`, { diagnosis: '搓纸轮磨损 worn pick-up roller', started_at: new Date(finished - 50 * 60_000).toISOString(), finished_at: new Date(finished).toISOString() }, { 'if-match': `"${wo.version}"` });
  const receipt = await poll('the receipt', async () => (await call<{ items: { number: string }[] }>(admin, 'GET', `/invoices?work_order_id=${wo.id}`)).items[0]);
  return receipt.number;
}

test('an administrator sets the company profile and a printed receipt is headed with it (zh-CN, then en)', async ({ page }) => {
  const number = await seededReceipt();
  await openAdmin(page, 'zh-CN', '/admin/settings/company');
  const section = page.getByTestId('setting-page-company');
  await expect(section.getByTestId('setting-version')).toHaveText('内置默认');
  await expect(section.getByTestId('company-unset')).toBeVisible();
  // Refusals on their fields: a short taxpayer number, an account without its bank, no name.
  await section.getByTestId('company-tax_number').fill('9144');
  await section.getByTestId('company-bank_account').fill('3602 0000 1234 5678');
  await section.getByTestId('save-company').click();
  await expect(section).toContainText('必填');
  await expect(section).toContainText('应为 15–20 位字母和数字');
  await expect(section).toContainText('填写了账号时须填写开户行');
  await section.getByTestId('company-name_zh').fill('广州白云办公设备服务有限公司');
  await section.getByTestId('company-name_en').fill('Guangzhou Baiyun Office Equipment Service Co., Ltd.');
  await section.getByTestId('company-address').fill('广州市白云区机场路 88 号');
  await section.getByTestId('company-phone').fill('020-3888 1234');
  await section.getByTestId('company-tax_number').fill('91440101ma5cxxxx0x');
  await section.getByTestId('company-bank_name').fill('中国工商银行广州白云支行');
  await section.getByTestId('company-receipt_footer').fill('本收据加盖公章有效');
  await section.getByTestId('save-company').click();
  await expect(page.getByText('已保存为第 1 版')).toBeVisible();
  await expect(section.getByTestId('setting-version')).toHaveText('第 1 版');
  await expect(section.getByTestId('company-changed')).toContainText('保存');
  await expect(section.getByTestId('company-tax_number')).toHaveValue('91440101MA5CXXXX0X');
  const saved = await call<{ version: number; updated_by: string; profile: { name_zh: string } }>(admin, 'GET', '/company-profile');
  expect(saved.profile.name_zh).toBe('广州白云办公设备服务有限公司');
  await settle(page);
  await noSeriousA11yViolations(page);
  await shot(page, 'admin-setting-company-zh');
  // Someone else saves meanwhile: this save is refused as stale, what was typed is kept.
  await call(admin, 'POST', '/company-profile', { profile: { ...saved.profile, phone: '020-3888 9999' } }, { 'if-match': `"${saved.version}"` });
  await section.getByTestId('company-receipt_footer').fill('谢谢惠顾');
  await section.getByTestId('save-company').click();
  await expect(section.getByTestId('setting-error')).toContainText('这条记录刚被别人改过');
  await expect(section.getByTestId('company-receipt_footer')).toHaveValue('谢谢惠顾');
  await section.getByTestId('save-company').click();
  await expect(section.getByTestId('setting-version')).toHaveText('第 3 版');
  // The same page in English.
  await useLanguage(page, 'en');
  await expect(section).toContainText('Company name (Chinese)');
  await expect(section.getByTestId('setting-version')).toHaveText('Version 3');
  await expect(section.getByTestId('company-changed')).toContainText('Saved by');
  await section.getByTestId('company-bank_account').fill('IBAN 12');
  await section.getByTestId('company-bank_account').press('Tab');
  await expect(section).toContainText('Only digits, spaces and dashes');
  await section.getByTestId('company-bank_account').fill('3602 0000 1234 5678');
  await settle(page);
  await noSeriousA11yViolations(page);
  await shot(page, 'admin-setting-company-en');
  // The printed receipt carries the profile in its header and foot, in Chinese.
  await go(page, `/cashier/print/${number}`);
  const sheet = page.getByTestId('receipt-sheet');
  await expect(sheet.getByTestId('sheet-company')).toHaveText('广州白云办公设备服务有限公司');
  await expect(sheet).toContainText('Guangzhou Baiyun Office Equipment Service Co., Ltd.');
  await expect(sheet.getByTestId('sheet-particulars')).toContainText('纳税人识别号：91440101MA5CXXXX0X');
  await expect(sheet.getByTestId('sheet-particulars')).toContainText('电话：020-3888 1234');
  await expect(sheet.getByTestId('sheet-bank')).toContainText('开户行：中国工商银行广州白云支行');
  await expect(sheet.getByTestId('sheet-footer')).toHaveText('谢谢惠顾');
  await expect(sheet).not.toContainText('售后服务台');
  await settle(page);
  await noSeriousA11yViolations(page);
  await shot(page, 'admin-receipt-company-en');
});

test('an administrator searches the audit log by action, object and day (zh-CN, then en)', async ({ page }) => {
  await openAdmin(page, 'zh-CN', '/admin/audit');
  const audit = page.getByTestId('audit');
  await expect(audit).toContainText('创建账号');
  await page.getByTestId('audit-action').click();
  await page.locator('.ant-select-dropdown:visible').getByText('更改角色', { exact: true }).click();
  await expect(page).toHaveURL(/action=account\.role/);
  await expect(audit.locator('tbody tr')).toHaveCount(1);
  await expect(audit).toContainText('agent to dispatcher');
  // The object's link narrows to everything about that account.
  await audit.locator('tbody tr').first().getByRole('button', { name: 'sun.li' }).click();
  await expect(page).toHaveURL(/object=/);
  await page.getByTestId('audit-action').locator('.ant-select-clear').click({ force: true });
  await expect(audit.locator('tbody tr')).toHaveCount(3);
  await expect(audit).toContainText('创建 API 令牌');
  // Days: today has them, a day next year has none.
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  await go(page, `/admin/audit?action=account.create&from=${today}&to=${today}`);
  await expect(audit).toContainText('sun.li');
  await settle(page);
  await noSeriousA11yViolations(page);
  await shot(page, 'admin-audit-zh');
  await go(page, '/admin/audit?action=account.create&from=2099-01-01&to=2099-01-02');
  await expect(audit).toContainText('没有符合条件的记录');
  await useLanguage(page, 'en');
  await expect(audit).toContainText('No entry matches');
  await go(page, '/admin/audit?action=account.create');
  await expect(audit).toContainText('Account created');
  await settle(page);
  await shot(page, 'admin-audit-en');
});

test('an administrator replays a dead letter and the list updates (en, then zh-CN)', async ({ page }) => {
  const nats = server().nats;
  expect(nats, 'the global set-up records the NATS URL').toBeTruthy();
  await publishRaw(nats!, 'intake.ticket.opened', POISON);
  const letter = await poll('dispatch to set the event aside', async () => {
    const v = await call<{ items: Letter[] }>(admin, 'GET', '/deadletters');
    return v.items.find((d) => d.payload === POISON && d.consumer === 'dispatch');
  });
  await openAdmin(page, 'en', '/admin/deadletters');
  const row = page.getByTestId(`letter-${letter.seq}`);
  await expect(row).toContainText('intake.ticket.opened');
  await expect(row).toContainText('dispatch');
  await settle(page);
  await noSeriousA11yViolations(page);
  await shot(page, 'admin-deadletters-en');
  // Keyboard: the row's link opens the letter.
  await row.getByRole('button', { name: `#${letter.seq}` }).focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByTestId('letter-drawer');
  await expect(drawer).toContainText(`Dead letter #${letter.seq}`);
  await expect(drawer.getByTestId('letter-payload')).toHaveText(POISON);
  await expect(drawer.getByTestId('letter-reason')).not.toBeEmpty();
  await settle(page);
  await noSeriousA11yViolations(page);
  await shot(page, 'admin-deadletter-drawer-en');
  // Replay, after confirming.
  await drawer.getByTestId('replay').click();
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'Replay' }).click();
  await expect(page.getByText(`Dead letter #${letter.seq} was replayed on intake.ticket.opened`)).toBeVisible();
  await expect(drawer).toBeHidden();
  await expect(page.getByTestId(`letter-${letter.seq}`)).toHaveCount(0);
  // Dispatch still cannot read it: set aside again under a new number, which a reload shows.
  const again = await poll('the replayed event to be set aside again', async () => {
    const v = await call<{ items: Letter[] }>(admin, 'GET', '/deadletters');
    return v.items.find((d) => d.payload === POISON && d.seq !== letter.seq);
  });
  await page.getByTestId('reload-letters').click();
  await expect(page.getByTestId(`letter-${again.seq}`)).toBeVisible();
  // The replay is in the audit log.
  await go(page, '/admin/audit?action=dead_letter.replay');
  await expect(page.getByTestId('audit')).toContainText('Dead letter replayed');
  await expect(page.getByTestId('audit')).toContainText(`${letter.seq} (dispatch`);
  await useLanguage(page, 'zh-CN');
  await go(page, '/admin/deadletters');
  await expect(page.getByTestId(`letter-${again.seq}`)).toContainText('可重放');
  await settle(page);
  await shot(page, 'admin-deadletters-zh');
});

test('the business calendar shows a year of holidays and days worked, and warns of a missing schedule (zh-CN, then en)', async ({ page }) => {
  await openAdmin(page, 'zh-CN', '/admin/calendar?year=2026');
  const days = page.getByTestId('calendar-days');
  await expect(days).toContainText('元旦调休');
  await expect(days).toContainText('调休上班');
  await expect(days).toContainText('春节');
  // 2027 has only its statutory holidays so far: the notice for it is not loaded.
  await expect(page.getByTestId('calendar-next-gap')).toContainText('2027 年只载入了法定假日');
  await settle(page);
  await noSeriousA11yViolations(page);
  await shot(page, 'admin-calendar-zh');
  await go(page, '/admin/calendar?year=2028');
  await expect(page.getByTestId('calendar-gap')).toContainText('2028 年的节假日安排尚未载入');
  await useLanguage(page, 'en');
  await go(page, '/admin/calendar?year=2026');
  await expect(days).toContainText('Weekend day worked');
  await expect(page.getByTestId('calendar-next-gap')).toContainText('Only the statutory holidays of 2027 are loaded');
  await settle(page);
  await noSeriousA11yViolations(page);
  await shot(page, 'admin-calendar-en');
});

test('the workspace fits a phone (zh-CN)', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server().base, viewport: { width: 360, height: 740 }, timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await openAdmin(page, 'zh-CN');
  await expect(page.getByTestId('admin-section')).toBeVisible();
  for (const path of ['/admin', '/admin/audit', '/admin/deadletters', '/admin/settings/sla', '/admin/calendar']) {
    await go(page, path);
    await expect(page.getByTestId('admin')).toBeVisible();
    await settle(page);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide, path).toBeLessThanOrEqual(360);
    await shot(page, `admin-phone-${path.split('/').pop()}-zh`);
  }
  await context.close();
});
