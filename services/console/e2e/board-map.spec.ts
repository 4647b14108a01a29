// The board's map of the day (plain plane, and tiles from a configured tile server), the
// waiting reasons in both languages, booking an appointment window, and paging.
import { expect, test, type Page } from '@playwright/test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ADMIN_PASSWORD, startServer, token } from './global-setup';
import { base } from './api';
import { noSeriousA11yViolations, shot, signIn, useLanguage } from './helpers';
import { within } from './time';

async function openBoard(page: Page, login: string, lang: 'zh-CN' | 'en', password?: string): Promise<void> {
  await signIn(page, login, password);
  await useLanguage(page, lang);
  await page.getByTestId('nav-board').click();
  await expect(page.getByTestId('lane-李伟')).toBeVisible();
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'online');
}

test('the day on a plain plane in Chinese: markers by technician, a route from the start, hover and keyboard focus show the work order', async ({ page }) => {
  await openBoard(page, 'dispatch1', 'zh-CN');
  const map = page.getByTestId('map');
  await expect(map).toBeVisible();
  await expect(map).toHaveAttribute('data-tiles', '0');
  await expect(map).toContainText('平面图');
  const lane = page.getByTestId('lane-李伟');
  const first = lane.locator('[data-testid^="wo-"]').first();
  await expect(first).toBeVisible();
  const number = ((await first.getAttribute('data-testid')) ?? '').slice(3);
  // 李伟's two located visits: a polyline from his start through both.
  const route = page.getByTestId('route-李伟');
  await expect(route).toBeAttached();
  expect(((await route.getAttribute('points')) ?? '').trim().split(/\s+/).length).toBeGreaterThanOrEqual(3);
  // The waiting orders at 天河印务 are grey markers too.
  expect(Number(await map.getAttribute('data-markers'))).toBeGreaterThanOrEqual(5);

  // Hover shows the order…
  await page.getByTestId(`marker-${number}`).hover();
  await expect(page.getByTestId('map-tip')).toContainText(number);
  await expect(page.getByTestId('map-tip')).toContainText('技术员 李伟');
  await page.mouse.move(0, 0);
  await expect(page.getByTestId('map-tip')).toHaveCount(0);
  // …and so does the keyboard: Tab reaches the markers, Enter keeps one shown.
  await page.getByTestId('map-card').locator('[role="button"]').first().focus();
  await expect(page.getByTestId('map-tip')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('map-tip')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('[role="button"][aria-pressed="true"]')).toHaveCount(1);
  await page.getByTestId('map-card').scrollIntoViewIfNeeded();
  await shot(page, 'board-map-zh-CN');
  await noSeriousA11yViolations(page);
});

test('why an order waits reads in both languages; unknown text stays as it came', async ({ page }) => {
  await openBoard(page, 'dispatch1', 'zh-CN');
  const unassigned = page.getByTestId('lane-unassigned');
  await expect(unassigned).toContainText('没有在岗技术员');
  await expect(unassigned).toContainText('王芳 不具备技能 canon');
  await expect(unassigned).toContainText('李伟 不具备技能 fax, canon');
  await useLanguage(page, 'en');
  await expect(unassigned).toContainText('No active technicians');
  await expect(unassigned).toContainText('王芳 lacks the skill canon');
  await shot(page, 'board-reasons-en');
  await noSeriousA11yViolations(page);
});

test('a dispatcher books an appointment window from a card with the keyboard; a booking made meanwhile is said and the card shows the window', async ({ page }) => {
  await openBoard(page, 'dispatch1', 'en');
  const lane = page.getByTestId('lane-李伟');
  const card = lane.locator('[data-testid^="wo-"]').first();
  const number = ((await card.getAttribute('data-testid')) ?? '').slice(3);
  await page.getByTestId(`book-${number}`).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#book_date')).toBeFocused();
  // The day stays the board's; Tab to the times and type them.
  await page.keyboard.press('Tab');
  await expect(page.locator('#book_from')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('16:00');
  await page.keyboard.press('Tab');
  await expect(page.locator('#book_to')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('15:00');
  await page.keyboard.press('Enter');
  await expect(page.locator('#book_to_help')).toContainText('end after it starts');
  await page.waitForFunction(() => !document.querySelector('[class*="show-help-appear"], [class*="show-help-enter"]'));
  await shot(page, 'board-book-en');
  await noSeriousA11yViolations(page);

  // Meanwhile an agent books the same order on the phone with the customer.
  const admin = await token(base(), 'admin', ADMIN_PASSWORD);
  const headers = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
  const list = (await (await fetch(`${base()}/api/v1/workorders?limit=500`, { headers })).json()) as { items: { id: string; number: string; version: number }[] };
  const wo = list.items.find((w) => w.number === number);
  if (!wo) throw new Error(`${number} is not listed`);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const booked = await fetch(`${base()}/api/v1/workorders/${wo.id}/appointment`, {
    method: 'POST',
    headers: { ...headers, 'if-match': `"${wo.version}"` },
    body: JSON.stringify({ window: { start: `${today}T10:00:00+08:00`, end: `${today}T11:00:00+08:00` } }),
  });
  expect(booked.status).toBe(200);

  // The dialog was opened on the old version: 412, said, and the order reloaded.
  await page.locator('#book_to').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('18:00');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('book-submit')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('book-error')).toContainText('changed this work order meanwhile');
  // Escape goes to the topmost layer: wait for the time picker's panel to finish closing, so the
  // key closes the dialog rather than the panel.
  await expect(page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('book-error')).toHaveCount(0);
  await expect(page.getByTestId(`wo-${number}`)).toContainText(/Window 10:00\sAM–11:00\sAM/);

  // Opened again, the dialog shows the window booked meanwhile; the dispatcher moves it.
  await page.getByTestId(`book-${number}`).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#book_from')).toHaveValue('10:00');
  await page.locator('#book_from').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('16:00');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('18:00');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('book-submit')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // English shows times on the 12-hour clock.
  await expect(page.getByTestId(`wo-${number}`)).toContainText(/Window 04:00\sPM–06:00\sPM/);
});

test('the board reads every page of work orders, however small the pages', async ({ page }) => {
  const cursors: string[] = [];
  // Ask for pages of two instead of 500: the board must follow next_cursor to the end.
  await page.route(/\/api\/v1\/workorders\?/, async (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set('limit', '2');
    cursors.push(url.searchParams.get('cursor') ?? '');
    await route.continue({ url: url.toString() });
  });
  await openBoard(page, 'dispatch1', 'en');
  await expect(page.getByTestId('lane-unassigned')).toContainText('No active technicians');
  await expect(page.getByTestId('lane-unassigned')).toContainText('王芳 lacks the skill canon');
  await expect(page.getByTestId('lane-李伟').locator('[data-testid^="wo-"]')).not.toHaveCount(0);
  expect(cursors.filter((c) => c !== '').length).toBeGreaterThanOrEqual(2);
});

test('with a tile server configured, its tiles are drawn under the plane and the policy allows that host only', async ({ page }) => {
  test.setTimeout(within(180_000));
  const requested: string[] = [];
  const tiles = createServer((req, res) => {
    requested.push(req.url ?? '');
    const label = (req.url ?? '').replace(/\.svg$/, '');
    res.writeHead(200, { 'content-type': 'image/svg+xml', 'access-control-allow-origin': '*' });
    res.end(
      `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="#e8f0e0" stroke="#c8d4bc"/>` +
        `<path d="M0 128H256M128 0V256" stroke="#d4dccb"/><text x="8" y="20" font-size="12" fill="#7a8870">${label}</text></svg>`,
    );
  });
  await new Promise<void>((ok) => tiles.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}`;
  const server = await startServer({ AFTERCARE_ADMIN_PASSWORD: ADMIN_PASSWORD, AFTERCARE_MAP_TILE_URL: `${origin}/{z}/{x}/{y}.svg` });
  try {
    const csp = (await fetch(server.base + '/')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`img-src 'self' data: ${origin};`);
    expect(csp).toContain("connect-src 'self';");
    const admin = await token(server.base, 'admin', ADMIN_PASSWORD);
    const call = async (path: string, body: unknown) => {
      const r = await fetch(server.base + '/api/v1' + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify(body),
      });
      expect(r.status, path).toBeLessThan(300);
      return (await r.json()) as { id: string };
    };
    const settings = await fetch(server.base + '/api/v1/map-settings', { headers: { authorization: `Bearer ${admin}` } });
    expect(await settings.json()).toEqual({ tile_url: `${origin}/{z}/{x}/{y}.svg` });
    await call('/technicians', { name: '李伟', district: 'tianhe', daily_capacity: 4, skills: [], start_location: { lat: 23.1291, lon: 113.2644 } });
    for (const [i, loc] of [{ lat: 23.1375, lon: 113.3292 }, { lat: 23.0996, lon: 113.3171 }].entries()) {
      const c = await call('/customers', { company: `客户 ${i + 1}`, contacts: [{ name: '前台', phones: [`+86 20 5555 070${i}`] }], district: 'tianhe', location: loc });
      await call('/tickets', { channel: 'phone', type: 'fault', symptom: '卡纸 paper jam', customer_id: c.id, customer: { name: `客户 ${i + 1}`, phone: `+86 20 5555 070${i}`, district: 'tianhe' } });
    }
    await page.goto(server.base + '/');
    await openBoard(page, 'admin', 'en', ADMIN_PASSWORD);
    const map = page.getByTestId('map');
    await expect(page.getByTestId('route-李伟')).toBeAttached({ timeout: within(15_000) });
    await expect(map.getByTestId('map-tile').first()).toBeAttached();
    expect(Number(await map.getAttribute('data-tiles'))).toBeGreaterThan(0);
    // The browser fetched them from the tile server (the policy let it).
    await expect.poll(() => requested.length).toBeGreaterThan(0);
    expect(requested.every((u) => /^\/\d+\/\d+\/\d+\.svg$/.test(u))).toBe(true);
    await expect(map).not.toContainText('Plain plane');
    await page.getByTestId('map-card').scrollIntoViewIfNeeded();
    await shot(page, 'board-map-tiles-en');
    await noSeriousA11yViolations(page);
  } finally {
    await server.stop();
    tiles.close();
  }
});
