// A technician reads the whole service history of the machine a work order sends him to,
// on a phone (360 × 740, touch): the machine had five earlier tickets, each visited and
// reported (the last with a fault code, a diagnosis, a part, the meter); the history opens from the
// work order, lists the tickets newest first as the API answers them, five at a time, and
// loads the rest on demand. zh-CN first, then English; axe-core and screenshots in both.
// Offline, with the page closed and opened again, the first page kept with the day is read
// from IndexedDB, the app says so, and loading more says it needs a connection.
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, PASSWORD, token } from './global-setup';
import { assignedWorkOrder, base, call, shanghaiDay } from './api';
import { noSeriousA11yViolations, settle, signIn, useLanguage } from './helpers';
import { within } from './time';

interface Entry {
  ticket_id: string;
  ticket_number: string;
  visits: { number: string; technician_name?: string; diagnosis?: string; fault?: string; meter_reading?: number; outcome?: string }[];
}
interface HistoryPage {
  items: Entry[];
  next_cursor?: string;
}

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const SERIAL = `SN-HIST-${Date.now()}`;
let admin = '';
let machineId = '';
let current = '';
let reported = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  admin = await token(base(), 'admin', ADMIN_PASSWORD);
  await call(admin, 'POST', '/parts', { sku: 'DRUM-H1', name: '感光鼓 Drum unit', list_price: { amount_minor: 38000, currency: 'CNY' } }, { 'idempotency-key': crypto.randomUUID() }).catch(() => undefined);
  await call(admin, 'POST', '/parts/DRUM-H1/receipts', { quantity: 2, location: 'main', reference: 'PO-H1' }, { 'idempotency-key': crypto.randomUUID() });
  const tech = await call<{ id: string }>(admin, 'POST', '/technicians', {
    name: '赵磊',
    district: 'zengcheng',
    daily_capacity: 20,
    skills: ['copier', 'kyocera'],
    certifications: [{ skill: 'copier', expires_on: shanghaiDay(365) }],
  }, { 'idempotency-key': crypto.randomUUID() });
  await call(admin, 'POST', '/accounts', { login: 'tech-zhao-history', display_name: '赵磊', role: 'technician', technician_id: tech.id, password: PASSWORD });
  const customer = await call<{ id: string }>(admin, 'POST', '/customers', {
    company: '增城印务',
    contacts: [{ name: '林经理', phones: ['+86 20 5555 0818'] }],
    address: '广州市增城区荔城街 8 号',
    district: 'zengcheng',
  });
  const open = async (symptom: string) => {
    const t = await call<{ id: string; machine_id?: string }>(admin, 'POST', '/tickets', {
      channel: 'phone',
      type: 'fault',
      symptom,
      customer_id: customer.id,
      customer: { name: '增城印务', phone: '+86 20 5555 0818', district: 'zengcheng' },
      machine: { product_line: 'copier', brand: 'Kyocera', model: 'TASKalfa 2554ci', serial: SERIAL },
    });
    machineId = t.machine_id ?? machineId;
    return assignedWorkOrder(admin, t.id, tech.id, '增城片区');
  };
  // Five earlier requests; the last one visited and reported.
  for (let i = 1; i <= 5; i++) {
    const w = await open(`第 ${i} 次报修：复印件发灰 grey copies`);
    const now = Date.now();
    await call(admin, 'POST', `/workorders/${w.id}/complete`, {
      diagnosis: i === 5 ? '感光鼓磨损 worn drum' : `清洁后正常 ${i}`,
      fault: i === 5 ? 'drum_unit' : 'image_quality',
      result: i === 5 ? '更换感光鼓' : '已清洁',
      started_at: new Date(now - 3 * 3600_000).toISOString(),
      finished_at: new Date(now - 2 * 3600_000).toISOString(),
      parts: i === 5 ? [{ sku: 'DRUM-H1', quantity: 1 }] : [],
      parts_consent: true,
      meter_reading: 80_000 + i * 2_000,
    }, { 'if-match': `"${w.version}"` });
    if (i === 5) reported = w.number;
  }
  // The machine fails again: today's visit.
  current = (await open('今天：卡纸 paper jam')).number;
  expect(machineId).not.toBe('');
});

async function openHistory(page: Page): Promise<void> {
  await page.getByTestId(`stop-${current}`).getByTestId('stop-open').tap();
  await expect(page.getByTestId('order-detail')).toBeVisible();
  await page.getByTestId('machine-history-open').tap();
  await expect(page.getByTestId('machine-history')).toBeVisible();
}

test('a technician reads the whole history of the machine of his work order, five tickets at a time (zh-CN, en)', async ({ browser }) => {
  test.setTimeout(within(120_000));
  const context = await browser.newContext({ baseURL: base(), timezoneId: 'Asia/Shanghai', locale: 'zh-CN', ...PHONE });
  const page = await context.newPage();
  await signIn(page, 'tech-zhao-history');
  await useLanguage(page, 'zh-CN');
  await expect(page.getByTestId(`stop-${current}`)).toBeVisible();
  await openHistory(page);
  const button = page.getByTestId('history-more');
  await expect(button).toBeVisible();
  expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);

  // What the API answers the technician, page by page.
  const tech = await token(base(), 'tech-zhao-history', PASSWORD);
  const first = await call<HistoryPage>(tech, 'GET', `/machines/${machineId}/visits?limit=5`);
  const second = await call<HistoryPage>(tech, 'GET', `/machines/${machineId}/visits?limit=5&cursor=${first.next_cursor}`);
  expect(first.items).toHaveLength(5);
  expect(second.items).toHaveLength(1);
  expect(second.next_cursor).toBeUndefined();
  const tickets = page.getByTestId('history-ticket');
  await expect(tickets).toHaveCount(5);
  expect(await tickets.evaluateAll((es) => es.map((e) => e.getAttribute('data-number')))).toEqual(first.items.map((e) => e.ticket_number));

  // The reported visit as the API has it: technician, fault named from the list, diagnosis, part, meter.
  const visit = first.items.flatMap((e) => e.visits).find((v) => v.number === reported)!;
  expect(visit).toMatchObject({ technician_name: '赵磊', fault: 'drum_unit', diagnosis: '感光鼓磨损 worn drum', meter_reading: 90_000, outcome: 'completed' });
  const shown = page.locator(`[data-testid="history-visit"][data-number="${reported}"]`);
  await expect(shown).toContainText('赵磊');
  await expect(shown).toContainText('感光鼓');
  await expect(shown).toContainText('感光鼓磨损 worn drum');
  await expect(shown).toContainText('DRUM-H1 × 1');
  await expect(shown).toContainText('90,000');
  await expect(shown).toContainText('已修复');
  // The meter over time: the newest reading and the pages since the one before.
  await expect(page.getByTestId('history-meter')).toContainText('90,000');
  await expect(page.getByTestId('history-meter')).toContainText('比上次多 2,000 张');
  await settle(page);
  // Nothing in the history is wider than the phone, and nothing scrolls sideways in it.
  const panel = page.getByTestId('machine-history');
  expect((await panel.boundingBox())!.width).toBeLessThanOrEqual(360);
  expect(await panel.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
  await noSeriousA11yViolations(page);
  await page.screenshot({ path: 'artifacts/screenshots/field-history-zh-CN.png' });
  await shown.scrollIntoViewIfNeeded();
  await settle(page);
  await page.screenshot({ path: 'artifacts/screenshots/field-history-visit-zh-CN.png' });

  // The rest on demand, then the end of the list.
  await button.tap();
  await expect(tickets).toHaveCount(6);
  expect(await tickets.evaluateAll((es) => es.map((e) => e.getAttribute('data-number')))).toEqual([...first.items, ...second.items].map((e) => e.ticket_number));
  await expect(page.getByTestId('history-more')).toHaveCount(0);
  await expect(page.getByTestId('history-end')).toBeVisible();

  // In English.
  await page.locator('.ant-drawer-close').last().tap();
  await expect(page.getByTestId('machine-history')).toHaveCount(0);
  await page.locator('.ant-drawer-close').last().tap();
  await expect(page.getByTestId('order-detail')).toHaveCount(0);
  await useLanguage(page, 'en');
  await openHistory(page);
  await expect(page.getByTestId('machine-history-open')).toContainText('Machine history');
  await expect(page.locator(`[data-testid="history-visit"][data-number="${reported}"]`)).toContainText('Drum unit');
  await expect(page.getByTestId('history-meter')).toContainText('2,000 pages since the reading before');
  await settle(page);
  await noSeriousA11yViolations(page);
  await page.locator(`[data-testid="history-visit"][data-number="${reported}"]`).scrollIntoViewIfNeeded();
  await settle(page);
  await page.screenshot({ path: 'artifacts/screenshots/field-history-en.png' });
  // The account keeps the language last chosen: give it back its Chinese.
  await page.locator('.ant-drawer-close').last().tap();
  await expect(page.getByTestId('machine-history')).toHaveCount(0);
  await page.locator('.ant-drawer-close').last().tap();
  await expect(page.getByTestId('order-detail')).toHaveCount(0);
  await useLanguage(page, 'zh-CN');
  await context.close();
});

test('offline, the page closed and opened again, the history shows the first page kept on the phone; more needs a connection (zh-CN)', async ({ browser }) => {
  test.setTimeout(within(120_000));
  const context = await browser.newContext({ baseURL: base(), timezoneId: 'Asia/Shanghai', locale: 'zh-CN', ...PHONE });
  const page = await context.newPage();
  await signIn(page, 'tech-zhao-history');
  await useLanguage(page, 'zh-CN');
  await expect(page.getByTestId(`stop-${current}`)).toBeVisible();
  // The service worker holds the shell and the field app's chunk before the connection goes.
  await page.waitForFunction(async () => !!(await navigator.serviceWorker.ready).active && !!navigator.serviceWorker.controller, undefined, { timeout: within(20_000) }).catch(async () => {
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: within(20_000) });
  });
  await page.waitForFunction(async () => {
    const keys = await (await caches.open('aftercare-shell-v1')).keys();
    return keys.some((r) => r.url.includes('/assets/FieldPage-'));
  }, undefined, { timeout: within(20_000) });
  // The day kept on the phone holds the machine's first page as the API answers it.
  const tech = await token(base(), 'tech-zhao-history', PASSWORD);
  const first = await call<HistoryPage>(tech, 'GET', `/machines/${machineId}/visits?limit=5`);
  const keptNumbers = async () =>
    page.evaluate(
      (id) =>
        new Promise<string[]>((ok) => {
          const r = indexedDB.open('aftercare-field');
          r.onsuccess = () => {
            const get = r.result.transaction('kv').objectStore('kv').get('day');
            get.onsuccess = () => ok(((get.result?.histories?.[id]?.items ?? []) as { ticket_number: string }[]).map((e) => e.ticket_number));
            get.onerror = () => ok([]);
          };
          r.onerror = () => ok([]);
        }),
      machineId,
    );
  await expect.poll(keptNumbers, { timeout: within(20_000) }).toEqual(first.items.map((e) => e.ticket_number));

  // No connection; the page is closed and opened again.
  await context.setOffline(true);
  await page.close();
  const again = await context.newPage();
  await again.goto('/field');
  await expect(again.getByTestId(`stop-${current}`)).toBeVisible();
  await expect(again.getByTestId('from-phone')).toBeVisible();
  await openHistory(again);
  // The first page from the phone, said to be so, in the order the API gave it.
  await expect(again.getByTestId('history-from-phone')).toContainText('离线');
  const tickets = again.getByTestId('history-ticket');
  await expect(tickets).toHaveCount(5);
  expect(await tickets.evaluateAll((es) => es.map((e) => e.getAttribute('data-number')))).toEqual(first.items.map((e) => e.ticket_number));
  const shown = again.locator(`[data-testid="history-visit"][data-number="${reported}"]`);
  await expect(shown).toContainText('感光鼓磨损 worn drum');
  await expect(shown).toContainText('DRUM-H1 × 1');
  await expect(again.getByTestId('history-meter')).toContainText('90,000');
  // Loading more needs the connection: no button, the app says so.
  await expect(again.getByTestId('history-more')).toHaveCount(0);
  await expect(again.getByTestId('history-offline-more')).toHaveText('联网后可加载更多记录');
  await expect(again.getByTestId('history-end')).toHaveCount(0);
  await settle(again);
  await noSeriousA11yViolations(again);
  await again.screenshot({ path: 'artifacts/screenshots/field-history-offline-zh-CN.png' });
  await again.getByTestId('history-offline-more').scrollIntoViewIfNeeded();
  await settle(again);
  await again.screenshot({ path: 'artifacts/screenshots/field-history-offline-more-zh-CN.png' });
  await context.close();
});
