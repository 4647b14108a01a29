// The warehouse (备件库) against a real `aftercare up`: a clerk finds a part and receives
// stock with the keyboard, moves units to a van and books a removed part back; a part with
// a SKU in use is refused on its field with what was typed kept; a purchase request goes
// from the clerk through the manager's approval to the receipt; a stocktake counted on
// screen is approved by a manager and its variance booked; a forecast plan with its
// methods and backtests is approved into purchase requests. Both languages, axe-core on
// each page, screenshots at desktop and phone widths.
import { expect, test, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, PASSWORD, token } from './global-setup';
import { base } from './api';
import { go, noSeriousA11yViolations, settle, shot, signIn, useLanguage } from './helpers';
import { within } from './time';

async function call(admin: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const r = await fetch(base() + '/api/v1' + path, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

async function onHand(sku: string, location: string): Promise<number> {
  const admin = await token(base(), 'admin', ADMIN_PASSWORD);
  const part = (await call(admin, 'GET', `/parts/${sku}`)) as { locations: { location: string; on_hand: number }[] };
  return part.locations.find((l) => l.location === location)?.on_hand ?? 0;
}

/** Lets the last click's effects and fade-ins end before colours are measured or a picture taken. */
/** A page in a context of its own (another person at another browser). */
async function open(browser: Browser, options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext({ baseURL: base(), timezoneId: 'Asia/Shanghai', ...options });
  return context.newPage();
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const admin = await token(base(), 'admin', ADMIN_PASSWORD);
  await call(admin, 'POST', '/accounts', { login: 'manager1', display_name: 'manager1', role: 'manager', password: PASSWORD });
  await call(admin, 'POST', '/locations', { code: 'van-li', kind: 'van', name: '李伟车载库' });
  await call(admin, 'POST', '/parts', {
    sku: 'DRUM-AR2048',
    name: '感光鼓 Drum unit',
    list_price: { amount_minor: 38000, currency: 'CNY' },
    unit_cost: { amount_minor: 26000, currency: 'CNY' },
    compatible_models: ['AR-2048'],
    failure_prone: 3,
  });
  await call(admin, 'POST', '/parts', {
    sku: 'TONER-MX3050',
    name: '墨粉 Toner black',
    list_price: { amount_minor: 45000, currency: 'CNY' },
    category: 'consumable',
    page_yield: 20000,
    compatible_models: ['MX-3050'],
  });
  await call(admin, 'POST', '/parts/DRUM-AR2048/receipts', { quantity: 6, location: 'main', reference: 'PO-1' });
  await call(admin, 'POST', '/parts/TONER-MX3050/receipts', { quantity: 10, location: 'main', reference: 'PO-1' });
});

test('a clerk finds a part and receives stock with the keyboard, moves units to a van and books a removed part (zh-CN)', async ({ page }) => {
  await signIn(page, 'clerk1');
  await useLanguage(page, 'zh-CN');
  await expect(page).toHaveURL(/\/warehouse$/);
  await expect(page.getByTestId('part-DRUM-AR2048')).toBeVisible();
  await expect(page.getByTestId('part-TONER-MX3050')).toContainText('耗材');
  await settle(page);
  await shot(page, 'warehouse-parts-zh-CN');
  await noSeriousA11yViolations(page);

  // The keyboard path: the search has the focus; a single match opens; its first action is receiving.
  await page.reload();
  await signIn(page, 'clerk1');
  await expect(page.locator('#part-search')).toBeFocused();
  await page.keyboard.type('ar-2048');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('part-drawer')).toBeVisible();
  await expect(page.getByTestId('receive')).toBeFocused();
  await page.keyboard.press('Enter');
  // The dialog opens with the quantity focused, and keeps it once its animation is over.
  await expect(page.locator('#receive_quantity')).toBeFocused();
  await settle(page);
  await expect(page.locator('#receive_quantity')).toBeFocused();
  await page.keyboard.type('5');
  await page.keyboard.press('Tab');
  await expect(page.locator('#receive_location')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('#receive_reference')).toBeFocused();
  await page.keyboard.type('PO-7');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('receive-dialog')).toHaveCount(0);
  await expect(page.getByTestId('level-main').getByTestId('on-hand')).toHaveText('11');
  await expect(page.getByTestId('ledger')).toContainText('PO-7');

  // Two units to the van.
  await page.getByTestId('transfer').click();
  await expect(page.locator('#move_to')).toBeVisible();
  await page.locator('#move_quantity').fill('2');
  await page.locator('#move_reason').fill('补充车载库存');
  await page.getByTestId('move-submit').click();
  await expect(page.getByTestId('move-dialog')).toHaveCount(0);
  await expect(page.getByTestId('level-van-li')).toContainText('车载库');
  await expect(page.getByTestId('level-van-li').getByTestId('on-hand')).toHaveText('2');

  // More than the van holds is refused; what was typed stays.
  await page.getByTestId('transfer').click();
  await page.locator('#move_location').fill('van-li');
  await page.locator('#move_location').press('Enter');
  await page.locator('#move_to').fill('main');
  await page.locator('#move_to').press('Enter');
  await page.locator('#move_quantity').fill('9');
  await page.locator('#move_reason').fill('退回总仓');
  await page.getByTestId('move-submit').click();
  await expect(page.getByTestId('move-error')).toBeVisible();
  await expect(page.locator('#move_reason')).toHaveValue('退回总仓');
  await page.getByRole('button', { name: '取 消' }).or(page.getByRole('button', { name: '取消' })).click();

  // A part removed at a visit, back into the workshop for the claim.
  await page.getByTestId('return').click();
  await expect(page.locator('#move_removed_part')).toBeChecked();
  await page.locator('#move_quantity').fill('1');
  await page.locator('#move_reason').fill('拆机件，留作夏普索赔');
  await page.locator('#move_reference').fill('W2026-000001');
  await page.getByTestId('move-submit').click();
  await expect(page.getByTestId('move-dialog')).toHaveCount(0);
  await expect(page.getByTestId('ledger')).toContainText('拆机件入库');
  await expect(page.getByTestId('level-workshop').getByTestId('on-hand')).toHaveText('1');
  await settle(page);
  await shot(page, 'warehouse-part-drawer-zh-CN');
  await noSeriousA11yViolations(page);
});

test('a part with a SKU in use is refused on its field, nothing typed is lost (en)', async ({ page }) => {
  await signIn(page, 'clerk1');
  await useLanguage(page, 'en');
  await expect(page.getByTestId('tab-parts')).toHaveText('Parts catalogue');
  await page.getByTestId('new-part').click();
  await expect(page.locator('#part_sku')).toBeFocused();
  await page.locator('#part_sku').fill('DRUM-AR2048');
  await page.locator('#part_name').fill('Drum unit, second source');
  await page.locator('#part_list_price_amount_minor').fill('350');
  // A consumable must state its page yield: said in the form before anything is sent.
  await page.getByLabel('Consumable').check();
  await page.getByTestId('part-submit').click();
  await expect(page.locator('#part_page_yield_help')).toContainText('pages it lasts');
  await page.getByLabel('Spare part').check();
  await page.getByTestId('part-submit').click();
  // The service knows the SKU is in use: its 422 lands on the SKU field.
  await expect(page.locator('#part_sku_help')).toContainText('already exists');
  await expect(page.locator('#part_name')).toHaveValue('Drum unit, second source');
  await expect(page.locator('#part_list_price_amount_minor')).toHaveValue('350.00');
  await settle(page);
  await shot(page, 'warehouse-part-error-en');
  await noSeriousA11yViolations(page);
  await page.locator('#part_sku').fill('DRUM-AR2048-B');
  await page.getByTestId('part-submit').click();
  await expect(page.getByTestId('part-dialog')).toHaveCount(0);
  await expect(page.getByTestId('part-drawer')).toContainText('DRUM-AR2048-B');
  await expect(page.getByTestId('stock-levels')).toContainText('No stock at any location');
  await settle(page);
  await shot(page, 'warehouse-new-part-en');
  await noSeriousA11yViolations(page);
});

test('a purchase request goes from the clerk through the manager to the receipt', async ({ browser }) => {
  const clerk = await open(browser, { locale: 'en', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
  await signIn(clerk, 'clerk1');
  await useLanguage(clerk, 'en');
  await clerk.getByTestId('tab-purchases').click();
  await expect(clerk).toHaveURL(/\/warehouse\/purchases$/);
  await clerk.getByTestId('new-purchase').click();
  await clerk.locator('#newpr_sku').fill('TONER-MX3050');
  await clerk.locator('#newpr_quantity').fill('12');
  await clerk.getByTestId('new-purchase-submit').click();
  await expect(clerk.locator('#newpr_basis_help')).toContainText('Required');
  await clerk.locator('#newpr_basis').fill('Two key accounts start in January');
  await clerk.getByTestId('new-purchase-submit').click();
  const row = clerk.locator('[data-testid^="pr-PR"]').filter({ hasText: 'TONER-MX3050' });
  await expect(row).toContainText('To approve');
  // A clerk cannot approve.
  await expect(row.getByTestId('pr-approved')).toHaveCount(0);
  await expect(row.getByTestId('pr-cancelled')).toBeVisible();
  await settle(clerk);
  await shot(clerk, 'warehouse-purchases-en');
  await noSeriousA11yViolations(clerk);

  const manager = await open(browser, { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
  await signIn(manager, 'manager1');
  await useLanguage(manager, 'zh-CN');
  await manager.getByTestId('nav-warehouse').click();
  await manager.getByTestId('tab-purchases').click();
  const mrow = manager.locator('[data-testid^="pr-PR"]').filter({ hasText: 'TONER-MX3050' });
  await mrow.getByTestId('pr-approved').click();
  await manager.getByTestId('pr-submit').click();
  await expect(manager.getByTestId('pr-dialog')).toHaveCount(0);
  await manager.getByTestId('purchase-views').getByText('已批准').click();
  await expect(mrow).toContainText('已批准');
  await settle(manager);
  await shot(manager, 'warehouse-purchases-zh-CN');
  await noSeriousA11yViolations(manager);
  await manager.context().close();

  await clerk.getByTestId('purchase-views').getByText('Approved').click();
  await row.getByTestId('pr-ordered').click();
  await expect(clerk.locator('#prstep_reference')).toBeFocused();
  await clerk.locator('#prstep_reference').press('Enter');
  await expect(clerk.locator('#prstep_reference_help')).toContainText('Required');
  await clerk.locator('#prstep_reference').fill('SO-88');
  await clerk.locator('#prstep_reference').press('Enter');
  await expect(clerk.getByTestId('pr-dialog')).toHaveCount(0);
  await clerk.getByTestId('purchase-views').getByText('Ordered').click();
  await expect(row).toContainText('SO-88');
  await row.getByTestId('pr-received').click();
  await clerk.locator('#prstep_reference').fill('DN-3');
  await clerk.getByTestId('pr-submit').click();
  await expect(clerk.getByTestId('pr-dialog')).toHaveCount(0);
  await clerk.getByTestId('purchase-views').getByText('Received').click();
  await expect(row).toContainText('Received');
  expect(await onHand('TONER-MX3050', 'main')).toBe(22);
  await clerk.context().close();
});

test('a stocktake counted on screen waits for the manager, who approves it and the variance is booked', async ({ browser }) => {
  // Two people in turn, each signing in and checked with axe.
  test.setTimeout(within(120_000));
  const clerk = await open(browser, { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
  await signIn(clerk, 'clerk1');
  await useLanguage(clerk, 'zh-CN');
  await clerk.getByTestId('tab-stocktakes').click();
  await clerk.locator('#sheet-location').fill('main');
  await clerk.locator('#sheet-location').press('Enter');
  await expect(clerk.getByLabel('DRUM-AR2048 的实盘数量')).toBeVisible();
  // Counting with the keyboard: Enter goes to the next line.
  await clerk.getByLabel('DRUM-AR2048 的实盘数量').fill('7');
  await clerk.getByLabel('DRUM-AR2048 的实盘数量').press('Enter');
  // The next line on the sheet, whichever part other work has left at this location.
  await expect(clerk.locator('[data-testid="count-row-DRUM-AR2048"] + tr input[aria-label]')).toBeFocused();
  await clerk.getByLabel('TONER-MX3050 的实盘数量').fill('22');
  await settle(clerk);
  await shot(clerk, 'warehouse-count-sheet-zh-CN');
  await noSeriousA11yViolations(clerk);
  await clerk.getByTestId('sheet-submit').click();
  const drawer = clerk.getByTestId('stocktake-drawer');
  await expect(drawer.getByTestId('stocktake-status')).toHaveText('待审批');
  // 6 + 5 received − 2 to the van = 9 on the books; 7 counted.
  await expect(drawer.getByTestId('line-DRUM-AR2048').getByTestId('variance')).toHaveText('−2');
  await expect(drawer).toContainText('等待经理审批');
  await expect(drawer.getByTestId('stocktake-approve')).toHaveCount(0);
  await clerk.context().close();

  const manager = await open(browser, { locale: 'en', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
  await signIn(manager, 'manager1');
  await useLanguage(manager, 'en');
  // In English the manager's header menu folds the warehouse into its "…" overflow at this width.
  await go(manager, '/warehouse');
  await manager.getByTestId('tab-stocktakes').click();
  await expect(manager.getByTestId('count-sheet')).toHaveCount(0);
  await manager.getByTestId('stocktake-main').click();
  const md = manager.getByTestId('stocktake-drawer');
  await expect(md.getByTestId('line-DRUM-AR2048').getByTestId('variance')).toHaveText('−2');
  await settle(manager);
  await shot(manager, 'warehouse-stocktake-en');
  await noSeriousA11yViolations(manager);
  await md.getByTestId('stocktake-approve').click();
  await expect(md.getByTestId('stocktake-status')).toHaveText('Approved');
  expect(await onHand('DRUM-AR2048', 'main')).toBe(7);
  await manager.context().close();
});

test('a forecast plan shows each part\'s method and backtest and is approved into purchase requests', async ({ browser }) => {
  const manager = await open(browser, { locale: 'en', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
  await signIn(manager, 'manager1');
  await useLanguage(manager, 'en');
  // In English the manager's header menu folds the warehouse into its "…" overflow at this width.
  await go(manager, '/warehouse');
  await manager.getByTestId('tab-forecasts').click();
  await manager.locator('#forecast_history_months').fill('2');
  await manager.getByTestId('forecast-submit').click();
  await expect(manager.locator('#forecast_history_months_help')).toContainText('From 3 to 36');
  await manager.locator('#forecast_history_months').fill('12');
  await manager.locator('#forecast_note').fill('January plan');
  await manager.getByTestId('forecast-submit').click();
  const drawer = manager.getByTestId('plan-drawer');
  await expect(drawer.getByTestId('plan-status')).toHaveText('To approve');
  await expect(drawer.getByTestId('plan-line-DRUM-AR2048')).toBeVisible();
  await expect(drawer.getByTestId('plan-line-DRUM-AR2048').getByTestId('method')).toContainText('α=');
  await expect(drawer).toContainText('January plan');
  await settle(manager);
  await shot(manager, 'warehouse-forecast-en');
  await noSeriousA11yViolations(manager);
  await drawer.getByTestId('plan-approve').click();
  await expect(drawer.getByTestId('plan-status')).toHaveText('Approved');
  await manager.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await useLanguage(manager, 'zh-CN');
  await manager.getByTestId('plans').getByText('已批准').click();
  await expect(drawer.getByTestId('plan-status')).toHaveText('已批准');
  await expect(drawer).toContainText('SBA α=0.1');
  await settle(manager);
  await shot(manager, 'warehouse-forecast-zh-CN');
  await noSeriousA11yViolations(manager);
  await manager.context().close();
});

test('every tab on a 390 px phone', async ({ browser }) => {
  const phone = await open(browser, { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await signIn(phone, 'manager1');
  await useLanguage(phone, 'zh-CN');
  for (const [path, name] of [
    ['/warehouse', 'parts'],
    ['/warehouse?part=DRUM-AR2048', 'part-drawer'],
    ['/warehouse/purchases', 'purchases'],
    ['/warehouse/stocktakes', 'stocktakes'],
    ['/warehouse/forecasts', 'forecasts'],
  ] as const) {
    await go(phone, path);
    await expect(phone.getByTestId('warehouse')).toBeVisible();
    await expect(phone.locator('.ant-spin-spinning, .ant-skeleton')).toHaveCount(0);
    await settle(phone);
    await shot(phone, `warehouse-${name}-phone-zh-CN`);
    await noSeriousA11yViolations(phone);
    // Nothing sticks out sideways: wide tables scroll inside their own region.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(390);
  }
  // The menu is a drawer behind the header's button on a phone.
  await phone.getByTestId('menu-button').click();
  await expect(phone.getByTestId('nav-warehouse')).toBeVisible();
  await settle(phone);
  await shot(phone, 'warehouse-menu-phone-zh-CN');
  await noSeriousA11yViolations(phone);
  await phone.getByTestId('nav-home').click();
  await expect(phone).toHaveURL(/\/home$/);
  await expect(phone.getByTestId('nav-home')).toBeHidden();
  await phone.context().close();
});
