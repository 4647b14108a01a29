// The cashier's contracts and claim fields against a real `aftercare up`: a cashier finds a
// customer by name and signs an annual maintenance contract for their copier in a drawer, a
// period longer than three years refused by the server on its field with everything typed
// kept (zh-CN); once the contract is listed for renewal the cashier renews it, the renewal
// price filled in and checked on its field (en); a Ricoh claim's form shows the fields the
// claim requirements setting asks of Ricoh, refuses them empty before sending (en), and a
// field Ricoh came to require after the form opened is refused by the server and added to
// the form with its refusal, what was typed kept (zh-CN). Its data carries its own names
// (花都印刷社 in huadu, a district no other spec counts; the Ricoh brand) so what other specs
// leave behind does not matter.
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, PASSWORD, token } from './global-setup';
import { assignedWorkOrder, base, call, poll, shanghaiDay } from './api';
import { go, noSeriousA11yViolations, settle, shot, signIn, useLanguage } from './helpers';
import { within } from './time';
import { termEnd } from '../src/cashier/cashier';

interface Contract {
  number: string;
  customer_name: string;
  starts_on: string;
  ends_on: string;
  price: { amount_minor: number };
  machines: { serial: string }[];
  coverage: { call_out: boolean; labour: boolean; parts: boolean; visit_every_months: number };
}
interface Renewal {
  id: string;
  source: string;
  status: string;
  renewed_by?: string;
  price?: { amount_minor: number };
}
interface Claim {
  id: string;
  number: string;
  brand: string;
  status: string;
  fields: Record<string, string>;
}

let admin: string;
let customerId: string;
let claim: Claim;
const company = '花都印刷社';
// Started 345 days ago, the year ends within the month: billing lists it for renewal at once.
const starts = shanghaiDay(-345);
const ends = termEnd(starts);

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  admin = await token(base(), 'admin', ADMIN_PASSWORD);
  await call(admin, 'POST', '/accounts', { login: 'cashier-k1', display_name: '出纳 何静', role: 'finance', password: PASSWORD });
  const card = await call<{ customer: { id: string } }>(admin, 'POST', '/warranty-cards', {
    card_number: 'WC-PY-0001',
    customer: { company, contacts: [{ name: '何经理', phones: ['+86 20 8888 0123'] }], address: '广州市花都区新华街 12 号', district: 'huadu' },
    machine: { product_line: 'copier', brand: 'Canon', model: 'iR-2206', serial: 'SN-PY-1', purchase_date: shanghaiDay(-500) },
  });
  customerId = card.customer.id;

  // Ricoh's own warranty pays parts and labour for five years, so a Ricoh visit is claimed.
  const schedules = await call<{ items: { effective_from: string; terms: Record<string, unknown> & { brand_warranties?: { brand: string }[] } }[] }>(admin, 'GET', '/fee-schedules');
  const latest = schedules.items[0];
  const today = shanghaiDay(0);
  if (!latest?.terms.brand_warranties?.some((b) => b.brand.toLowerCase() === 'ricoh')) {
    const terms = latest?.terms ?? { currency: 'CNY', call_out: [{ amount_minor: 5000 }], labour_per_hour_minor: 12000, tax_rate_bp: 1300, warranty_months: 12 };
    await call(admin, 'POST', '/fee-schedules', { effective_from: today, terms: { ...terms, brand_warranties: [...(latest?.terms.brand_warranties ?? []), { brand: 'Ricoh', months: 60, covers_labour: true }] } });
  }
  const tech = await call<{ id: string }>(admin, 'POST', '/technicians', { name: '林涛', district: 'huadu', daily_capacity: 6, skills: ['copier', 'ricoh'], certifications: [{ skill: 'copier', expires_on: shanghaiDay(365) }] }, { 'idempotency-key': crypto.randomUUID() });
  const ticket = await call<{ id: string }>(admin, 'POST', '/tickets', {
    channel: 'phone',
    type: 'fault',
    symptom: '定影器异响 fuser noise',
    customer: { name: '花都设计院', phone: '+86 20 8888 0456', district: 'huadu' },
    machine: { product_line: 'copier', brand: 'Ricoh', model: 'MP 2014', serial: 'SN-RICOH-1', purchase_date: shanghaiDay(-700) },
  });
  const wo = await assignedWorkOrder(admin, ticket.id, tech.id, '花都片区 huadu district');
  const finished = Date.now() - 10 * 60_000;
  await call(
    admin,
    'POST',
    `/workorders/${wo.id}/complete`,
    { diagnosis: '定影辊轴承磨损 worn fuser bearing', started_at: new Date(finished - 40 * 60_000).toISOString(), finished_at: new Date(finished).toISOString() },
    { 'if-match': `"${wo.version}"` },
  );
  claim = await poll('the Ricoh claim', async () => (await call<{ items: Claim[] }>(admin, 'GET', '/claims?brand=Ricoh&status=draft')).items[0]);
  await call(admin, 'POST', '/claim-requirements', { brand: 'Ricoh', required_fields: ['经销商代码', '索赔单号'] });
});

/** Types a day into an antd date field and takes it by leaving the field (Enter would send the form). */
async function typeDay(page: Page, id: string, day: string): Promise<void> {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.press('Control+A');
  await input.pressSequentially(day);
  await input.press('Tab');
  await expect(input).toHaveValue(day);
}

test('a cashier signs a contract for a customer’s copier; a period over three years is refused on its field (zh-CN)', async ({ page }) => {
  test.setTimeout(within(180_000));
  await signIn(page, 'cashier-k1');
  await useLanguage(page, 'zh-CN');
  await go(page, '/cashier/contracts');
  await page.getByTestId('contract-new').click();
  const drawer = page.getByTestId('contract-drawer');
  await expect(drawer.getByRole('dialog')).toBeVisible();
  // Nothing chosen yet: said on the fields before anything is sent.
  await drawer.getByTestId('contract-submit').click();
  await expect(drawer.getByText('请选择客户', { exact: true })).toBeVisible();

  await page.locator('#contract_customer_id').fill('花都印刷');
  await page.locator('.ant-select-item-option', { hasText: company }).click();
  await expect(page.getByTestId('contract-district')).toHaveValue('huadu');
  // The customer's one machine is chosen for them.
  await expect(drawer.getByLabel(/Canon iR-2206 · SN-PY-1/)).toBeChecked();
  await page.getByTestId('contract-address').fill('广州市花都区新华街 12 号 3 楼');
  await typeDay(page, 'contract_starts_on', starts);
  // The end follows the start to a year on until it is set by hand.
  await expect(page.locator('#contract_ends_on')).toHaveValue(ends);
  const tooLong = `${Number(starts.slice(0, 4)) + 4}${starts.slice(4)}`;
  await typeDay(page, 'contract_ends_on', tooLong);
  await page.getByTestId('coverage-visits').fill('3');
  await page.getByTestId('contract-price').fill('1800');
  await drawer.getByTestId('contract-submit').click();
  const endItem = drawer.locator('.ant-form-item').filter({ has: page.locator('#contract_ends_on') });
  await expect(endItem.locator('.ant-form-item-explain')).toContainText('合同最长三年');
  await expect(page.getByTestId('contract-price')).toHaveValue('1800');
  await expect(page.getByTestId('contract-address')).toHaveValue('广州市花都区新华街 12 号 3 楼');
  await expect(page.locator('#contract_ends_on')).toHaveValue(tooLong);
  expect((await call<{ items: Contract[] }>(admin, 'GET', `/contracts?customer_id=${customerId}`)).items).toEqual([]);
  await settle(page);
  await shot(page, 'contracts-sign-refused-zh-CN', false);
  await noSeriousA11yViolations(page);

  await typeDay(page, 'contract_ends_on', ends);
  await drawer.getByTestId('contract-submit').click();
  await expect(drawer).toHaveCount(0);
  const signed = (await call<{ items: Contract[] }>(admin, 'GET', `/contracts?customer_id=${customerId}`)).items;
  expect(signed).toHaveLength(1);
  expect(signed[0]).toMatchObject({ customer_name: company, starts_on: starts, ends_on: ends, price: { amount_minor: 180000 }, machines: [{ serial: 'SN-PY-1' }], coverage: { call_out: true, labour: true, parts: true, visit_every_months: 3 } });
  const row = page.getByTestId('contracts').locator('tr', { hasText: signed[0]?.number ?? '?' });
  await expect(row).toContainText(company);
  await expect(row).toContainText('¥1,800.00');
  await settle(page);
  await shot(page, 'contracts-list-zh-CN');
  await noSeriousA11yViolations(page);
});

test('the contract comes up for renewal and is renewed at its renewal price, a missing price refused on its field (en)', async ({ page }) => {
  // Billing lists renewals on its sweep (every 30 s by default).
  test.setTimeout(within(150_000));
  const contract = (await call<{ items: Contract[] }>(admin, 'GET', `/contracts?customer_id=${customerId}`)).items.find((c) => c.starts_on === starts);
  expect(contract).toBeTruthy();
  const renewal = await poll('the renewal', async () => (await call<{ items: Renewal[] }>(admin, 'GET', '/renewals?status=open')).items.find((r) => r.source === contract?.number));
  expect(renewal.price?.amount_minor).toBe(180000);

  await signIn(page, 'cashier-k1');
  await useLanguage(page, 'en');
  await go(page, '/cashier/renewals');
  const row = page.getByTestId('renewals').locator('tr', { hasText: renewal.source });
  await row.getByTestId('renewal-outcome').click();
  const dialog = page.getByTestId('renewal-dialog');
  await expect(dialog.getByTestId('renewal-ending')).toContainText("¥1,800.00 (the ending contract's price)");
  await expect(page.getByTestId('renewal-price')).toHaveValue('1800');
  await expect(page.locator('#renewal_ends_on')).toHaveValue(termEnd(shanghaiDay(0, Date.parse(`${ends}T12:00:00+08:00`) + 86400_000)));
  await page.getByTestId('renewal-price').fill('');
  await dialog.getByTestId('renewal-submit').click();
  const priceItem = dialog.locator('.ant-form-item').filter({ has: page.getByTestId('renewal-price') });
  await expect(priceItem.getByText('Required', { exact: true })).toBeVisible();
  await page.getByTestId('renewal-price').fill('1980');
  await page.getByTestId('renewal-note').fill('Agreed the new price on the phone');
  await settle(page);
  await shot(page, 'contracts-renewal-en', false);
  await noSeriousA11yViolations(page);
  await dialog.getByTestId('renewal-submit').click();
  await expect(dialog).toHaveCount(0);

  const done = await call<Renewal>(admin, 'GET', `/renewals/${renewal.id}`);
  expect(done.status).toBe('renewed');
  const next = await call<Contract>(admin, 'GET', `/contracts/${done.renewed_by}`);
  const dayAfterEnd = shanghaiDay(0, Date.parse(`${ends}T12:00:00+08:00`) + 86400_000);
  expect(next).toMatchObject({ starts_on: dayAfterEnd, ends_on: termEnd(dayAfterEnd), price: { amount_minor: 198000 }, machines: [{ serial: 'SN-PY-1' }], coverage: { visit_every_months: 3 } });
  await go(page, '/cashier/contracts');
  await expect(page.getByTestId('contracts').locator('tr', { hasText: next.number })).toContainText('¥1,980.00');
  await settle(page);
  await shot(page, 'contracts-renewed-en');
});

test('a Ricoh claim asks for the fields Ricoh requires and refuses them empty before sending (en)', async ({ page }) => {
  await signIn(page, 'cashier-k1');
  await useLanguage(page, 'en');
  await go(page, '/cashier/claims?brand=Ricoh');
  const row = page.getByTestId('claims').locator('tr', { hasText: claim.number });
  await row.getByTestId('claim-submitted').click();
  const drawer = page.getByTestId('claim-fields-drawer');
  await expect(drawer.getByTestId('claim-requires')).toHaveText('Ricoh requires on its claims: 经销商代码, 索赔单号');
  await expect(drawer.getByText('required by Ricoh')).toHaveCount(2);
  await drawer.getByTestId('claim-fields-submit').click();
  await expect(drawer.getByText('Ricoh requires this field', { exact: true })).toHaveCount(2);
  await settle(page);
  await shot(page, 'contracts-claim-fields-en', false);
  await noSeriousA11yViolations(page);
  expect((await call<Claim>(admin, 'GET', `/claims/${claim.id}`)).status).toBe('draft');
});

test('a field Ricoh came to require meanwhile is refused by the server on its own field, what was typed kept, then the claim is submitted (zh-CN)', async ({ page }) => {
  await signIn(page, 'cashier-k1');
  await useLanguage(page, 'zh-CN');
  await go(page, '/cashier/claims?brand=Ricoh');
  const row = page.getByTestId('claims').locator('tr', { hasText: claim.number });
  await row.getByTestId('claim-submitted').click();
  const drawer = page.getByTestId('claim-fields-drawer');
  await expect(drawer.getByTestId('claim-requires')).toHaveText('Ricoh 要求索赔单填写：经销商代码、索赔单号');
  await drawer.getByLabel(/经销商代码/).fill('GZ-RC-01');
  await drawer.getByLabel(/索赔单号/).fill('RC-2026-118');
  // Meanwhile the administrator makes Ricoh require a third field.
  await call(admin, 'POST', '/claim-requirements', { brand: 'Ricoh', required_fields: ['经销商代码', '索赔单号', '机身照片编号'] });
  await drawer.getByTestId('claim-fields-submit').click();
  const added = drawer.locator('.ant-form-item').filter({ hasText: '机身照片编号' });
  await expect(added.locator('.ant-form-item-explain')).toHaveText('Ricoh 要求填写此项');
  await expect(drawer.getByLabel(/经销商代码/)).toHaveValue('GZ-RC-01');
  await expect(drawer.getByLabel(/索赔单号/)).toHaveValue('RC-2026-118');
  const between = await call<Claim>(admin, 'GET', `/claims/${claim.id}`);
  expect(between.status).toBe('draft');
  expect(between.fields).toEqual({ 经销商代码: 'GZ-RC-01', 索赔单号: 'RC-2026-118' });
  await settle(page);
  await shot(page, 'contracts-claim-refused-zh-CN', false);
  await noSeriousA11yViolations(page);

  await drawer.getByLabel(/机身照片编号/).fill('IMG-0042');
  await drawer.getByTestId('claim-fields-submit').click();
  await expect(drawer).toHaveCount(0);
  const submitted = await call<Claim>(admin, 'GET', `/claims/${claim.id}`);
  expect(submitted.status).toBe('submitted');
  expect(submitted.fields).toEqual({ 经销商代码: 'GZ-RC-01', 索赔单号: 'RC-2026-118', 机身照片编号: 'IMG-0042' });
  await expect(row).toContainText('已提交');
  await settle(page);
  await shot(page, 'contracts-claim-submitted-zh-CN');
});
