// The manager's workspace (经理) against a real `aftercare up`: tickets are opened through the
// public API for customers of both tiers in districts only this test uses, and the dashboards
// for today show per district the numbers of tickets this test counts by hand from what it
// opened, and per priority and tier what the day held before plus those, with a chart
// drawn beside each table and a CSV export; the daily report written at start-up for the last
// working day whose 18:00 has passed is listed and read; the rankings page prints. Both
// languages, axe-core on each page, screenshots at desktop and phone widths.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ADMIN_PASSWORD, PASSWORD, token } from './global-setup';
import { base } from './api';
import { noSeriousA11yViolations, settle, shot, signIn, useLanguage } from './helpers';

async function call<T = unknown>(admin: string, method: string, path: string, body?: unknown): Promise<T> {
  const r = await fetch(base() + '/api/v1' + path, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, 'idempotency-key': crypto.randomUUID() },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** The local day in Shanghai, `offset` days from now. */
const shanghaiDay = (offset = 0) => new Date(Date.now() + offset * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);

/** The last weekday whose 18:00 in Shanghai has passed (December has no holidays). */
function lastReportDay(): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (now.getUTCHours() < 18 || d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() - 1);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

interface Ticket {
  priority: string;
}

/** Tickets opened per priority and per tier, counted from what the API answered. */
const perPriority = new Map<string, number>();
const perTier = new Map<string, number>();
const perDistrict = new Map<string, number>();
/** What the report held before this test opened its tickets (the shared server's other tickets). */
const before = { priority: new Map<string, number>(), tier: new Map<string, number>() };
const today = shanghaiDay();

/** Today's local day in Shanghai as the ticket report's instants. */
function todayInstants(): string {
  const from = new Date(`${today}T00:00:00+08:00`);
  const to = new Date(from.getTime() + 86400_000);
  return `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
}

async function ticketCounts(admin: string, group: string): Promise<Map<string, number>> {
  const r = await call<{ rows: { key: string; tickets: number }[] }>(admin, 'GET', `/reports/tickets?${todayInstants()}&group_by=${group}`);
  return new Map(r.rows.map((x) => [x.key, x.tickets]));
}

const add = (a: Map<string, number>, b: Map<string, number>) => {
  const out = new Map(a);
  for (const [k, n] of b) out.set(k, (out.get(k) ?? 0) + n);
  return out;
};

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const admin = await token(base(), 'admin', ADMIN_PASSWORD);
  await call(admin, 'POST', '/accounts', { login: 'boss1', display_name: '经理 黄伟', role: 'manager', password: PASSWORD });
  before.priority = await ticketCounts(admin, 'priority');
  before.tier = await ticketCounts(admin, 'tier');
  const seeds = [
    { company: '从化印务', tier: 'key_account', district: 'conghua', type: 'fault', symptom: '复印机不能开机 copier does not power on' },
    { company: '南沙文具', tier: 'standard', district: 'nansha', type: 'fault', symptom: '传真机卡纸 fax jams' },
    { company: '南沙会计', tier: 'standard', district: 'nansha', type: 'maintenance', symptom: '月度保养 monthly maintenance' },
    { company: '番禺物流', tier: 'key_account', district: 'panyu', type: 'consultation', symptom: '如何扫描到邮箱 how to scan to e-mail' },
    { company: '从化贸易', tier: 'standard', district: 'conghua', type: 'fault', symptom: '打印有黑线 black lines on copies' },
  ];
  for (const [i, s] of seeds.entries()) {
    const phone = `+86 20 5555 31${String(i).padStart(2, '0')}`;
    const customer = await call<{ id: string }>(admin, 'POST', '/customers', {
      company: s.company,
      contacts: [{ name: '联系人', phones: [phone] }],
      address: `广州市${s.district} 路 ${i + 1} 号`,
      district: s.district,
      tier: s.tier,
    });
    const t = await call<Ticket>(admin, 'POST', '/tickets', {
      channel: 'phone',
      type: s.type,
      symptom: s.symptom,
      customer_id: customer.id,
      customer: { name: s.company, phone, district: s.district },
    });
    perPriority.set(t.priority, (perPriority.get(t.priority) ?? 0) + 1);
    perTier.set(s.tier, (perTier.get(s.tier) ?? 0) + 1);
    perDistrict.set(s.district, (perDistrict.get(s.district) ?? 0) + 1);
  }
});

/** The tickets column of a dashboard table, by the row's first cell. */
async function ticketsByRow(page: Page, table: string): Promise<Map<string, number>> {
  const rows = page.getByTestId(table).locator('tbody tr.ant-table-row');
  const out = new Map<string, number>();
  for (const row of await rows.all()) {
    const cells = await row.locator('td').allInnerTexts();
    out.set(cells[0]!.trim(), Number(cells[1]!.trim()));
  }
  return out;
}

test('the dashboards show the numbers of the seeded period, each chart drawn with its table (zh-CN)', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`/manager?from=${today}&to=${today}`);
  await signIn(page, 'boss1');
  await useLanguage(page, 'zh-CN');
  await expect(page.getByTestId('dashboards')).toBeVisible();
  await expect(page.getByTestId('period-text')).toHaveText(`${today} – ${today}`);

  // Per district (districts only this test uses): exactly the tickets it opened.
  const districts = await ticketsByRow(page, 'table-repeats');
  for (const [d, n] of perDistrict) expect(districts.get(d), d).toBe(n);
  expect([...perDistrict.values()].reduce((a, b) => a + b, 0)).toBe(5);
  // Per priority and tier, labelled as the desk shows them: what the day held before plus
  // what this test opened, as the API answered each ticket's priority.
  const zhPriority: Record<string, string> = { p1: 'P1 紧急', p2: 'P2 停机', p3: 'P3 降级', p4: 'P4 常规' };
  const priorities = add(before.priority, perPriority);
  await expect(page.getByTestId('table-sla-priority').locator('tbody tr.ant-table-row')).toHaveCount(priorities.size);
  const shown = await ticketsByRow(page, 'table-sla-priority');
  expect(shown).toEqual(new Map([...priorities].map(([k, n]) => [zhPriority[k]!, n])));
  const tiers = await ticketsByRow(page, 'table-sla-tier');
  expect(tiers).toEqual(new Map([...add(before.tier, perTier)].map(([k, n]) => [k === 'key_account' ? '大客户' : '普通', n])));

  // Each chart is drawn: an SVG with one bar per group and the group names on the axis.
  const chart = page.getByTestId('chart-sla-priority');
  await expect(chart.locator('svg')).toBeVisible();
  for (const k of perPriority.keys()) await expect(chart.locator('svg')).toContainText(zhPriority[k]!);
  await expect(page.getByTestId('chart-sla-tier').locator('svg')).toContainText('大客户');
  await expect(page.getByTestId('chart-coverage').locator('svg')).toBeVisible();
  await expect(page.getByTestId('table-receivables').locator('tbody tr.ant-table-row')).toHaveCount(4);

  // The CSV export downloads the same report.
  const download = page.waitForEvent('download');
  await page.getByTestId('csv-sla-priority').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('sla-priority.csv');
  const csv = readFileSync((await file.path())!, 'utf8');
  for (const [k, n] of priorities) expect(csv).toMatch(new RegExp(`^${k},${n},`, 'm'));

  await settle(page);
  await shot(page, 'manager-dashboards-zh');
  await noSeriousA11yViolations(page);
});

test('the dashboards in English keep the period in the address', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`/manager?from=${today}&to=${today}`);
  await signIn(page, 'boss1');
  await useLanguage(page, 'en');
  await expect(page.getByRole('heading', { name: 'SLA compliance by priority' })).toBeVisible();
  const tiers = await ticketsByRow(page, 'table-sla-tier');
  expect(tiers).toEqual(new Map([...add(before.tier, perTier)].map(([k, n]) => [k === 'key_account' ? 'Key account' : 'Standard', n])));
  const districts = await ticketsByRow(page, 'table-repeats');
  for (const [d, n] of perDistrict) expect(districts.get(d), d).toBe(n);
  await expect(page.getByTestId('chart-sla-tier').locator('svg')).toContainText('Key account');
  expect(new URL(page.url()).searchParams.get('from')).toBe(today);
  await settle(page);
  await shot(page, 'manager-dashboards-en');
  await noSeriousA11yViolations(page);
});

test('the daily report of the last working day is listed, read and printable in both languages', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('/manager/daily');
  await signIn(page, 'boss1');
  await useLanguage(page, 'zh-CN');
  const day = lastReportDay();
  await expect(page.getByTestId('daily-list')).toContainText(day);
  await page.getByTestId('daily-list').getByRole('button', { name: day }).click();
  await expect(page.getByTestId('daily-title')).toHaveText(`${day} 日报`);
  await expect(page).toHaveURL(new RegExp(`/manager/daily/${day}$`));
  await expect(page.getByTestId('daily-stats')).toContainText('新开工单');
  await expect(page.getByTestId('print-daily')).toBeVisible();
  await settle(page);
  await shot(page, 'manager-daily-zh');
  await noSeriousA11yViolations(page);
  await useLanguage(page, 'en');
  await expect(page.getByTestId('daily-title')).toHaveText(`Daily report of ${day}`);
  await settle(page);
  await shot(page, 'manager-daily-en');
  await noSeriousA11yViolations(page);
  // Printed, the report stands alone: the list and the print button are hidden.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-daily')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
});

test('the rankings page and the dashboards fit a phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/manager/rankings');
  await signIn(page, 'boss1');
  await useLanguage(page, 'zh-CN');
  await expect(page.getByTestId('ranking-weekly')).toBeVisible();
  await expect(page.getByTestId('ranking-monthly')).toBeVisible();
  await settle(page);
  await shot(page, 'manager-rankings-phone-zh');
  await noSeriousA11yViolations(page);
  await page.goto(`/manager?from=${today}&to=${today}`);
  await signIn(page, 'boss1');
  await expect(page.getByTestId('chart-sla-priority').locator('svg')).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await settle(page);
  await shot(page, 'manager-dashboards-phone-zh');
});
