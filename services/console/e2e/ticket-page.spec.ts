// The agent's ticket page: the drawer's history timeline, work order, receipt, callback
// with its score and follow-ups, each with its empty state; and the queue's saved views,
// kept with the account. A system of its own (started here) holds a whole visit: opened,
// priority overridden, assigned, completed, receipted, called back with an unhappy answer.
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, PASSWORD, startServer, token, type Server } from './global-setup';
import { noSeriousA11yViolations, settle, shot, signIn, useLanguage } from './helpers';
import { within } from './time';

let server: Server;
let visited = '';
let consultation = '';

async function api<T>(path: string, bearer: string, method = 'GET', body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T; etag: string }> {
  const r = await fetch(server.base + '/api/v1' + path, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  return { status: r.status, body: (text ? JSON.parse(text) : null) as T, etag: r.headers.get('etag') ?? '' };
}

async function until<T>(what: string, get: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 120; i++) {
    const v = await get();
    if (v !== undefined) return v;
    await new Promise((s) => setTimeout(s, 500));
  }
  throw new Error(`waited in vain for ${what}`);
}

test.beforeAll(async () => {
  test.setTimeout(within(180_000));
  server = await startServer({ AFTERCARE_ADMIN_PASSWORD: ADMIN_PASSWORD });
  const admin = await token(server.base, 'admin', ADMIN_PASSWORD);
  const post = async <T>(path: string, body: unknown, headers: Record<string, string> = {}) => {
    const r = await api<T>(path, admin, 'POST', body, headers);
    if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  await post('/accounts', { login: 'desk1', display_name: '王芳', role: 'agent', password: PASSWORD });
  const agent = await token(server.base, 'desk1', PASSWORD);
  await post('/technicians', { name: '李伟', district: 'tianhe', daily_capacity: 8, skills: ['copier', 'sharp'], certifications: [{ skill: 'copier', expires_on: '2099-12-31' }] });
  const customer = { name: '天河印务有限公司', phone: '+86 20 5555 0101', address: '广州市天河路 1 号', district: 'tianhe' };
  const t = await post<{ id: string }>('/tickets', {
    channel: 'phone',
    type: 'fault',
    symptom: '复印件有黑线 / black streaks',
    customer,
    machine: { product_line: 'copier', brand: 'Sharp', model: 'AR-2048', serial: 'SN-PAGE-1' },
  });
  visited = t.id;
  const wo = await until('the work order', async () => {
    const r = await api<{ items: { id: string; status: string }[] }>(`/workorders?ticket_id=${t.id}`, admin);
    return r.body.items[0]?.status === 'assigned' ? r.body.items[0] : undefined;
  });
  // The agent overrides the priority with a reason (the history shows who and why).
  await until('the ticket to know its work order', async () => {
    const r = await api<{ work_order_id?: string }>(`/tickets/${t.id}`, admin);
    return r.body.work_order_id ? true : undefined;
  });
  const current = await api<{ version: number }>(`/tickets/${t.id}`, agent);
  const p = await api(`/tickets/${t.id}/priority`, agent, 'POST', { priority: 'p1', reason: '医院唯一的复印机 / the hospital’s only copier' }, { 'if-match': `"${current.body.version}"` });
  expect(p.status).toBe(200);
  // The visit is reported, receipted and called back with an unhappy answer.
  const w = await api<{ version: number }>(`/workorders/${wo.id}`, admin);
  const done = await api(`/workorders/${wo.id}/complete`, admin, 'POST', {
    diagnosis: '感光鼓磨损 / worn drum',
    started_at: new Date(Date.now() - 3600_000).toISOString(),
    finished_at: new Date(Date.now() - 600_000).toISOString(),
    parts: [],
    parts_consent: true,
  }, { 'if-match': `"${w.body.version}"` });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  await until('the receipt', async () => {
    const r = await api<{ items: unknown[] }>(`/invoices?work_order_id=${wo.id}`, admin);
    return r.body.items.length ? true : undefined;
  });
  const cb = await until('the callback', async () => {
    const r = await api<{ items: { id: string; version: number }[] }>(`/callbacks?work_order_id=${wo.id}`, admin);
    return r.body.items[0];
  });
  const answers = [
    { key: 'machine_working', yes: true },
    { key: 'explained', yes: true },
    { key: 'technician_attitude', level: 'dissatisfied' },
    { key: 'technician_skill', level: 'satisfied' },
    { key: 'agent_attitude', level: 'very_satisfied' },
    { key: 'on_site_speed', level: 'satisfied' },
    { key: 'comments', text: '师傅态度不好 / the technician was rude' },
  ];
  const rec = await api(`/callbacks/${cb.id}/attempts`, admin, 'POST', { outcome: 'completed', answers }, { 'if-match': `"${cb.version}"` });
  expect(rec.status, JSON.stringify(rec.body)).toBe(200);
  await until('the follow-up', async () => {
    const r = await api<{ items: unknown[] }>(`/followups?ticket_id=${t.id}`, admin);
    return r.body.items.length ? true : undefined;
  });
  const c = await post<{ id: string }>('/tickets', { channel: 'web', type: 'consultation', symptom: '如何双面复印 / how to copy on both sides', customer });
  consultation = c.id;
});

test.afterAll(async () => {
  await server?.stop();
});

async function openAs(page: Page, lang: 'zh-CN' | 'en', path: string): Promise<void> {
  await page.goto(server.base + '/');
  await expect(page.locator('#signin_login')).toBeVisible();
  await useLanguage(page, lang);
  await signIn(page, 'desk1');
  // The console opens the agent's desk after signing in; then the page asked for, navigated
  // to inside the application (a reload would end the in-memory session).
  await expect(page).toHaveURL(/\/desk$/);
  await useLanguage(page, lang);
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await expect(page).toHaveURL(new RegExp(path.replace(/[?]/g, '\\?') + '$'));
}

/** Lets the pointer's hover, click effects and the dialog's opening motion end before anything is measured. */
for (const lang of ['zh-CN', 'en'] as const) {
  const en = lang === 'en';

  test(`the ticket page shows history, work order, receipt, callback and follow-ups (${lang})`, async ({ page }) => {
    await openAs(page, lang, `/queue?ticket=${visited}`);
    const drawer = page.getByTestId('ticket-drawer');
    const history = page.getByTestId('ticket-history');
    await expect(history).toContainText(en ? /Priority P\d \w+ → P1 urgent/ : /优先级 P\d.* → P1/);
    await expect(history).toContainText('the hospital’s only copier');
    await expect(history).toContainText(en ? 'You' : '我');
    const wo = page.getByTestId('work-order-panel');
    await expect(wo).toContainText(/W\d{4}-\d{6}/);
    await expect(wo).toContainText('李伟');
    await expect(wo).toContainText(en ? 'Completed' : '已完成');
    await expect(wo).toContainText(en ? 'Work order created for 李伟' : '生成派工单，派给 李伟');
    const receipt = page.getByTestId('receipt-panel');
    await expect(receipt).toContainText(/R\d{4}-\d{6}/);
    await expect(receipt).toContainText('¥');
    await expect(page.getByTestId('callback-score')).toHaveText(/^\d\.\d{3}$/);
    await expect(page.getByTestId('callback-panel')).toContainText(en ? 'Answered' : '已回访');
    await expect(page.getByTestId('follow-up-panel')).toContainText(en ? 'Open' : '待跟进');
    await expect(drawer).toBeVisible();
    await expect(drawer).toContainText(/W\d{4}-\d{6}/);
    await page.waitForTimeout(300);
    await shot(page, `ticket-page-${lang}`);
    await noSeriousA11yViolations(page);
    await wo.scrollIntoViewIfNeeded();
    await shot(page, `ticket-page-work-order-${lang}`);
    await page.getByTestId('follow-up-panel').scrollIntoViewIfNeeded();
    await shot(page, `ticket-page-callback-${lang}`);
  });

  test(`a ticket without a visit shows each panel's empty state (${lang})`, async ({ page }) => {
    await openAs(page, lang, `/queue?ticket=${consultation}`);
    await expect(page.getByTestId('ticket-history')).toContainText(en ? 'Opened as' : '受理');
    await expect(page.getByTestId('work-order-panel')).toContainText(en ? 'No work order' : '暂无派工单');
    await expect(page.getByTestId('receipt-panel')).toContainText(en ? 'No receipt' : '暂无收据');
    await expect(page.getByTestId('callback-panel')).toContainText(en ? 'No callback' : '暂无回访');
    await expect(page.getByTestId('follow-up-panel')).toContainText(en ? 'No follow-up' : '暂无跟进');
    await page.getByTestId('follow-up-panel').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await shot(page, `ticket-page-empty-${lang}`);
    await noSeriousA11yViolations(page);
  });

  test(`an agent saves the queue's filters as a view, finds it after signing in again and deletes it (${lang})`, async ({ page }) => {
    const name = en ? 'P1 faults' : '一级故障';
    await openAs(page, lang, '/queue?type=fault&priority=p1');
    const views = page.getByTestId('queue-views');
    await expect(page.getByTestId('queue')).toContainText(/T\d{4}-\d{6}/);
    await page.getByTestId('save-view').click();
    const dialog = page.getByRole('dialog');
    // A name is required, and a name already taken is refused on the field.
    await dialog.locator('.ant-btn-primary').click();
    await expect(dialog).toContainText(en ? 'Required' : '必填');
    await page.locator('#view_name').fill(name);
    await settle(page);
    await shot(page, `queue-save-view-${lang}`);
    await noSeriousA11yViolations(page);
    await page.keyboard.press('Enter');
    await expect(views).toContainText(name);
    await expect(page).toHaveURL(/view=saved/);
    // Another browser session: the view is the account's.
    await page.getByTestId('sign-out').click();
    await openAs(page, lang, '/queue');
    await expect(views).toContainText(name);
    await views.getByText(name).click();
    await expect(page).toHaveURL(/type=fault/);
    await expect(page).toHaveURL(/priority=p1/);
    await page.getByTestId('save-view').click();
    await page.locator('#view_name').fill(name.toUpperCase());
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toContainText(en ? 'Another view has this name' : '已有同名视图');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    await settle(page);
    await shot(page, `queue-saved-view-${lang}`);
    await noSeriousA11yViolations(page);
    await page.getByTestId('delete-view').click();
    await page.getByRole('button', { name: en ? 'Delete view' : '删除视图' }).last().click();
    await expect(views).not.toContainText(name);
  });
}
