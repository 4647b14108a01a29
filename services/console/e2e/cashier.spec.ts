// The cashier and finance workspace (收费 / 财务) against a real `aftercare up`: a technician's
// visit is completed with cash collected on site, so a receipt is issued; a cashier finds it
// and records a payment with the keyboard (zh-CN); an amount over what is owed is refused on
// its field with what was typed kept (en); the cashier counts the technician's cash day with
// a variance that a manager approves; the receipt prints on A5 in Chinese; receivables show
// their ageing buckets and the chase list; every tab fits a 390 px phone. axe-core on each
// page, screenshots in both languages.
import { expect, test, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, PASSWORD, token } from './global-setup';
import { assignedWorkOrder, base, call, poll, shanghaiDay } from './api';
import { go, noSeriousA11yViolations, settle, shot, signIn, useLanguage } from './helpers';
import { formatMoney } from '../src/lib/format';

async function open(browser: Browser, options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext({ baseURL: base(), timezoneId: 'Asia/Shanghai', ...options });
  return context.newPage();
}

interface Invoice {
  id: string;
  number: string;
  outstanding: { amount_minor: number };
  paid: { amount_minor: number };
  lines: { kind: string; quantity: number; labour?: { minutes_on_site: number; quarter_hours?: number } }[];
}

/** The receivables report as the spec checks it. */
interface Ageing {
  totals: { bucket: string; owed_minor: number; receipts: number }[];
  items: { number: string; bucket: string; outstanding: { amount_minor: number } }[];
}

let receipt: Invoice;
let cashDay: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const admin = await token(base(), 'admin', ADMIN_PASSWORD);
  await call(admin, 'POST', '/accounts', { login: 'cashier1', display_name: '出纳 刘芳', role: 'finance', password: PASSWORD });
  await call(admin, 'POST', '/accounts', { login: 'finmgr1', display_name: '经理 周强', role: 'manager', password: PASSWORD });
  const tech = await call<{ id: string }>(admin, 'POST', '/technicians', { name: '陈刚', district: 'baiyun', daily_capacity: 6, skills: ['copier', 'sharp'], certifications: [{ skill: 'copier', expires_on: shanghaiDay(365) }] }, { 'idempotency-key': crypto.randomUUID() });
  const customer = await call<{ id: string }>(admin, 'POST', '/customers', {
    company: '白云复印社',
    contacts: [{ name: '赵老板', phones: ['+86 20 5555 0909'] }],
    address: '广州市白云区机场路 8 号',
    district: 'baiyun',
    tier: 'standard',
  });
  const ticket = await call<{ id: string }>(admin, 'POST', '/tickets', {
    channel: 'phone',
    type: 'fault',
    symptom: '复印机卡纸 copier jams',
    customer_id: customer.id,
    customer: { name: '白云复印社', phone: '+86 20 5555 0909', district: 'baiyun' },
    machine: { product_line: 'copier', brand: 'Sharp', model: 'AR-2048', serial: 'SN-CASH-1', purchase_date: shanghaiDay(-1200) },
  });
  const wo = await assignedWorkOrder(admin, ticket.id, tech.id, '白云片区 baiyun district');
  const finished = Date.now() - 20 * 60_000;
  cashDay = shanghaiDay(0, finished);
  await call(
    admin,
    'POST',
    `/workorders/${wo.id}/complete`,
    {
      diagnosis: '搓纸轮磨损 worn pick-up roller',
      started_at: new Date(finished - 50 * 60_000).toISOString(),
      finished_at: new Date(finished).toISOString(),
      payment_collected: { amount_minor: 10000, currency: 'CNY' },
    },
    { 'if-match': `"${wo.version}"` },
  );
  receipt = await poll('the receipt', async () => (await call<{ items: Invoice[] }>(admin, 'GET', `/invoices?work_order_id=${wo.id}`)).items[0]);
  expect(receipt.paid.amount_minor).toBe(10000);
  expect(receipt.outstanding.amount_minor).toBeGreaterThan(5000);
  // 50 minutes on site are charged as 4 started quarter hours, and the line says so.
  expect(receipt.lines.find((l) => l.kind === 'labour')).toMatchObject({ quantity: 4, labour: { minutes_on_site: 50, quarter_hours: 4 } });
});

test('a cashier finds a receipt and records a payment with the keyboard (zh-CN)', async ({ page }) => {
  await signIn(page, 'cashier1');
  await useLanguage(page, 'zh-CN');
  await expect(page).toHaveURL(/\/cashier$/);
  await expect(page.getByTestId(`receipt-${receipt.number}`)).toContainText('白云复印社');
  await expect(page.getByTestId(`receipt-${receipt.number}`)).toContainText('部分收款');
  await settle(page);
  await shot(page, 'cashier-receipts-zh-CN');
  await noSeriousA11yViolations(page);

  // The search has the focus; a single match opens; the drawer's first action is the payment.
  await expect(page.locator('#receipt-search')).toBeFocused();
  await page.keyboard.type('白云复印社');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('receipt-drawer')).toBeVisible();
  await expect(page.getByTestId('receipt-lines')).toContainText('收费');
  await expect(page.getByTestId('receipt-labour')).toContainText('人工 1 小时（4 × 15 分钟）');
  await expect(page.getByTestId('receipt-labour')).toContainText('现场 50 分钟，按开始的每 15 分钟计');
  await expect(page.getByTestId('payments')).toContainText('现金');
  await expect(page.getByTestId('record-payment')).toBeFocused();
  await settle(page);
  await shot(page, 'cashier-receipt-drawer-zh-CN');
  await noSeriousA11yViolations(page);

  await page.keyboard.press('Enter');
  await expect(page.getByTestId('payment-dialog').getByRole('dialog')).toBeVisible();
  const amount = page.getByTestId('payment-amount');
  await expect(amount).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('50');
  // Back to the method (cash is chosen), two along to WeChat Pay, then on to its reference.
  // Each arrow is seen to take effect before the next (a second key pressed while the group
  // re-renders from the first can be lost on a busy machine).
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByLabel('现金')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByLabel('银行转账')).toBeChecked();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByLabel('微信支付')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(amount).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('payment-reference')).toBeFocused();
  await page.keyboard.type('WX-20261206-0001');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('payment-dialog')).toHaveCount(0);
  await expect(page.getByTestId('payments')).toContainText('WX-20261206-0001');
  await expect(page.getByTestId('payments')).toContainText('微信支付');
  await expect(page.getByTestId('receipt-outstanding')).toContainText(((receipt.outstanding.amount_minor - 5000) / 100).toFixed(2));
  await settle(page);
  await shot(page, 'cashier-payment-recorded-zh-CN');
});

test('an amount over what is owed is refused on its field, with what was typed kept (en)', async ({ page }) => {
  await signIn(page, 'cashier1');
  await useLanguage(page, 'en');
  await go(page, `/cashier?receipt=${receipt.number}`);
  await expect(page.getByTestId('receipt-drawer')).toBeVisible();
  await page.getByTestId('record-payment').click();
  await page.getByTestId('payment-amount').fill('99999');
  await page.getByLabel('Bank transfer').check();
  await page.getByTestId('payment-reference').fill('BANK-77');
  await page.getByTestId('payment-submit').click();
  const item = page.getByTestId('payment-dialog').locator('.ant-form-item').filter({ has: page.getByTestId('payment-amount') });
  await expect(item.getByText('More than is owed', { exact: true })).toBeVisible();
  await expect(page.getByTestId('payment-amount')).toHaveValue('99999');
  await expect(page.getByTestId('payment-reference')).toHaveValue('BANK-77');
  await expect(page.getByLabel('Bank transfer')).toBeChecked();
  // Nothing, and less than nothing, is refused before it is sent.
  await page.getByTestId('payment-amount').fill('0');
  await page.getByTestId('payment-submit').click();
  await expect(item.getByText('More than zero', { exact: true })).toBeVisible();
  await page.getByTestId('payment-amount').fill('99999');
  await page.getByTestId('payment-submit').click();
  await expect(item.getByText('More than is owed', { exact: true })).toBeVisible();
  await settle(page);
  await shot(page, 'cashier-payment-refused-en');
  await noSeriousA11yViolations(page);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('payment-dialog')).toHaveCount(0);
  await settle(page);
  await shot(page, 'cashier-receipt-drawer-en');
  await noSeriousA11yViolations(page);
});

test('a cashier counts a technician’s cash day with a variance that a manager approves', async ({ page, browser }) => {
  await signIn(page, 'cashier1');
  await useLanguage(page, 'zh-CN');
  await go(page, `/cashier/cash?day=${cashDay}`);
  const row = page.getByTestId('cash-陈刚');
  await expect(row).toContainText('¥100.00');
  await expect(row.getByTestId('cash-standing')).toHaveText('未清点');
  await settle(page);
  await shot(page, 'cashier-cash-day-zh-CN');
  await noSeriousA11yViolations(page);
  await row.getByTestId('reconcile').click();
  await expect(page.getByTestId('counted')).toBeFocused();
  await page.keyboard.type('90');
  await expect(page.getByTestId('live-variance')).toContainText('-¥10.00');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reconcile-dialog')).toHaveCount(0);
  await expect(row.getByTestId('cash-standing')).toHaveText('待经理审批');
  await expect(row.getByTestId('cash-variance')).toContainText('-¥10.00');
  // The cashier may not approve their own count's variance.
  await expect(row.getByTestId('approve-variance')).toHaveCount(0);

  const manager = await open(browser, { locale: 'en' });
  await signIn(manager, 'finmgr1');
  await useLanguage(manager, 'en');
  await go(manager, `/cashier/cash?day=${cashDay}`);
  const mrow = manager.getByTestId('cash-陈刚');
  await expect(mrow.getByTestId('cash-standing')).toHaveText('Awaiting a manager');
  await settle(manager);
  await shot(manager, 'cashier-cash-day-manager-en');
  await noSeriousA11yViolations(manager);
  await mrow.getByTestId('approve-variance').click();
  await manager.getByTestId('approve-submit').click();
  await expect(manager.getByTestId('approve-dialog').getByText('Required', { exact: true })).toBeVisible();
  await manager.getByLabel('Why it is accepted').fill('¥10 change given, receipt seen');
  await manager.getByTestId('approve-submit').click();
  await expect(manager.getByTestId('approve-dialog')).toHaveCount(0);
  await expect(mrow.getByTestId('cash-standing')).toHaveText('Variance approved');
  await manager.context().close();

  await page.reload();
  await signIn(page, 'cashier1');
  await go(page, `/cashier/cash?day=${cashDay}`);
  await expect(page.getByTestId('cash-陈刚').getByTestId('cash-standing')).toHaveText('差额已批准');
});

test('the receipt prints on A5 in Chinese with the company header and no shell', async ({ page }) => {
  await signIn(page, 'cashier1');
  await useLanguage(page, 'en');
  await go(page, `/cashier?receipt=${receipt.number}`);
  await expect(page.getByTestId('receipt-labour')).toContainText('Labour 1 h (4 × 15 min)');
  await expect(page.getByTestId('receipt-labour')).toContainText('50 min on site, charged per started 15 min');
  await page.getByTestId('print-receipt').click();
  await expect(page).toHaveURL(new RegExp(`/cashier/print/${receipt.number}$`));
  const sheet = page.getByTestId('receipt-sheet');
  // The header is the company's name from its profile, or the console's own name until the
  // administrator saves one (the administrator's spec, run earlier, saves one).
  const admin = await token(base(), 'admin', ADMIN_PASSWORD);
  const company = await call<{ profile?: { name_zh?: string } | null }>(admin, 'GET', '/company-profile');
  await expect(sheet.getByTestId('sheet-company')).toHaveText(company.profile?.name_zh || '售后服务台');
  await expect(sheet).toContainText('收款收据');
  await expect(sheet).toContainText('白云复印社');
  await expect(sheet).toContainText('人工 1 小时（4 × 15 分钟）');
  await expect(sheet.getByTestId('print-labour-basis')).toContainText('现场 50 分钟');
  await expect(sheet.getByTestId('sheet-capitals')).toContainText('元');
  await expect(sheet).toContainText('微信支付');
  await settle(page);
  await shot(page, 'cashier-print-screen-en');
  await noSeriousA11yViolations(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('sign-out')).toBeHidden();
  await expect(page.getByTestId('print-now')).toBeHidden();
  await expect(sheet).toBeVisible();
  await page.setViewportSize({ width: 560, height: 794 });
  await shot(page, 'cashier-print-a5-zh-CN');
  await page.emulateMedia({ media: 'screen' });
});

test('receivables by ageing bucket with the weekly chase list; claims, refunds and renewals', async ({ page }) => {
  // Other specs leave receipts on the same server: each bucket is checked against the
  // report the API gives for the same day, and this spec's receipt against its own row.
  const admin = await token(base(), 'admin', ADMIN_PASSWORD);
  const ageing = (asOf: string) => call<Ageing>(admin, 'GET', `/reports/receivables?as_of=${asOf}`);
  const bucketShown = (r: Ageing, bucket: string) => formatMoney(r.totals.find((b) => b.bucket === bucket)?.owed_minor ?? 0, 'zh-CN');
  const owed = receipt.outstanding.amount_minor - 5000;
  const rowOf = (r: Ageing) => r.items.find((i) => i.number === receipt.number);
  await signIn(page, 'cashier1');
  await useLanguage(page, 'zh-CN');
  // Ages counted to a day 45 days on: the receipt is in 31–60 days.
  const later = shanghaiDay(45);
  const atLater = await ageing(later);
  expect(rowOf(atLater)).toMatchObject({ bucket: 'days31_to60', outstanding: { amount_minor: owed } });
  await go(page, `/cashier/receivables?as_of=${later}`);
  await expect(page.getByTestId('bucket-days31_to60')).toContainText(bucketShown(atLater, 'days31_to60'));
  await expect(page.getByTestId('bucket-days0_to30')).toContainText(bucketShown(atLater, 'days0_to30'));
  await settle(page);
  await shot(page, 'cashier-receivables-zh-CN');
  await noSeriousA11yViolations(page);
  // Today the receipt is new: owed in 0–30 days, nothing to chase.
  const today = await ageing(shanghaiDay(0));
  expect(rowOf(today)).toMatchObject({ bucket: 'days0_to30', outstanding: { amount_minor: owed } });
  await go(page, '/cashier/receivables');
  await expect(page.getByTestId('bucket-days0_to30')).toContainText(bucketShown(today, 'days0_to30'));
  // The weekly chase list holds what billing chased this week; a receipt this new was not
  // chased. The district goes in the address; an agent longer than the server takes is
  // refused on its field, with nothing sent.
  await expect(page.getByTestId('weekly-chases')).toBeVisible();
  await expect(page.getByTestId('chase-list')).not.toContainText(receipt.number);
  await page.locator('#chase-district').fill('tianhe');
  await page.locator('#chase-district').press('Enter');
  await expect(page).toHaveURL(/district=tianhe/);
  // The district's own request may still be on its way: only a request carrying the agent
  // would mean the refused agent was sent.
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/receivable-chases') && new URL(r.url()).searchParams.has('agent')) asked.push(r.url());
  });
  await page.locator('#chase-agent').fill('x'.repeat(101));
  await page.locator('#chase-agent').press('Enter');
  await expect(page.getByTestId('weekly-chases')).toContainText('最多 100 个字符');
  expect(asked).toEqual([]);
  await settle(page);
  await shot(page, 'cashier-chases-zh-CN');
  await go(page, '/cashier/receivables?district=tianhe');
  await useLanguage(page, 'en');
  await expect(page.getByTestId('weekly-chases')).toContainText('Weekly chase list');
  await settle(page);
  await shot(page, 'cashier-receivables-en');
  await noSeriousA11yViolations(page);
  // A receipt number opens the receipt.
  await page.getByTestId('receivables').getByRole('button', { name: receipt.number }).click();
  await expect(page.getByTestId('receipt-drawer')).toBeVisible();
  await go(page, '/cashier/claims');
  await expect(page.getByTestId('claims')).toBeVisible();
  await settle(page);
  await shot(page, 'cashier-claims-en');
  await noSeriousA11yViolations(page);
  await go(page, '/cashier/refunds');
  await expect(page.getByTestId('refunds')).toContainText('No refunds');
  await settle(page);
  await shot(page, 'cashier-refunds-en');
  await noSeriousA11yViolations(page);
  await go(page, '/cashier/renewals');
  await expect(page.getByTestId('renewals')).toBeVisible();
  await useLanguage(page, 'zh-CN');
  await settle(page);
  await shot(page, 'cashier-renewals-zh-CN');
  await noSeriousA11yViolations(page);
});

test('every tab on a 390 px phone', async ({ browser }) => {
  const phone = await open(browser, { locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await signIn(phone, 'cashier1');
  await useLanguage(phone, 'zh-CN');
  for (const [path, name] of [
    ['/cashier', 'receipts'],
    [`/cashier?receipt=${receipt.number}`, 'receipt-drawer'],
    [`/cashier/cash?day=${cashDay}`, 'cash'],
    ['/cashier/receivables', 'receivables'],
    ['/cashier/claims', 'claims'],
    ['/cashier/refunds', 'refunds'],
    ['/cashier/renewals', 'renewals'],
    [`/cashier/print/${receipt.number}`, 'print'],
  ] as const) {
    await go(phone, path);
    await expect(phone.locator('.ant-spin-spinning, .ant-skeleton')).toHaveCount(0);
    await expect(phone.getByTestId(name === 'print' ? 'receipt-sheet' : 'cashier')).toBeVisible();
    await settle(phone);
    await shot(phone, `cashier-${name}-phone-zh-CN`);
    await noSeriousA11yViolations(phone);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(390);
  }
  await phone.context().close();
});
