// The callback desk (回访工作台) against a real `aftercare up`: a warranty card for a fax
// machine queues a welcome call for the callback specialist and a completed work order
// queues its callback. A callback agent works the queue with the keyboard: a busy customer's
// welcome call moves to the agreed time; a callback first rings out unanswered, then is
// answered on screen with the questionnaire, a dissatisfied rating raising a complaint answer;
// in English the complaint answer is closed with what was done, which resolves its
// follow-up. A change made meanwhile answers 412 with a reload and nothing typed lost; a busy
// attempt without its time is refused on its field. Both languages, a 360 px phone,
// axe-core on each screen, screenshots.
import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD, PASSWORD, token } from './global-setup';
import { assignedWorkOrder, base, call, poll, shanghaiDay } from './api';
import { go, noSeriousA11yViolations, settle, shot, signIn, useLanguage } from './helpers';

interface Task {
  id: string;
  kind: string;
  reference: string;
  assignee: string;
  version: number;
  state: string;
  refs: { callback_id?: string | null; followup_id?: string | null };
}

const CARD = 'WK-CALLS-0001';
let workOrderNumber: string;
let admin: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  admin = await token(base(), 'admin', ADMIN_PASSWORD);
  await call(admin, 'POST', '/accounts', { login: 'callback1', display_name: '回访专员 陈丽', role: 'callback_agent', password: PASSWORD });
  // A fax machine's warranty card: the specialist welcomes the customer (the seeds' split).
  await call(admin, 'POST', '/warranty-cards', {
    card_number: CARD,
    customer: { company: '荔湾传真服务部', contacts: [{ name: '李小姐', phones: ['+86 20 5555 0606'] }], address: '广州市荔湾区康王路 6 号', district: 'liwan', tier: 'standard' },
    machine: { product_line: 'fax', brand: 'Canon', model: 'L170', serial: 'SN-CALLS-FAX-1', purchase_date: shanghaiDay(-3) },
  });
  // A completed visit: its callback goes to the specialist too.
  const tech = await call<{ id: string }>(admin, 'POST', '/technicians', { name: '黄涛', district: 'huangpu', daily_capacity: 6, skills: ['copier', 'sharp'], certifications: [{ skill: 'copier', expires_on: shanghaiDay(365) }] }, { 'idempotency-key': crypto.randomUUID() });
  const customer = await call<{ id: string }>(admin, 'POST', '/customers', {
    company: '黄埔文印中心',
    contacts: [{ name: '周先生', phones: ['+86 20 5555 0707'] }],
    address: '广州市黄埔区大沙地 7 号',
    district: 'huangpu',
    tier: 'standard',
  });
  const ticket = await call<{ id: string }>(admin, 'POST', '/tickets', {
    channel: 'phone',
    type: 'fault',
    symptom: '复印件有黑线 black streaks',
    customer_id: customer.id,
    customer: { name: '黄埔文印中心', phone: '+86 20 5555 0707', district: 'huangpu' },
    machine: { product_line: 'copier', brand: 'Sharp', model: 'AR-2048', serial: 'SN-CALLS-1', purchase_date: shanghaiDay(-900) },
  });
  const wo = await assignedWorkOrder(admin, ticket.id, tech.id, '黄埔片区 huangpu district');
  workOrderNumber = wo.number;
  const finished = Date.now() - 30 * 60_000;
  await call(
    admin,
    'POST',
    `/workorders/${wo.id}/complete`,
    { diagnosis: '感光鼓划伤 scratched drum', started_at: new Date(finished - 40 * 60_000).toISOString(), finished_at: new Date(finished).toISOString() },
    { 'if-match': `"${wo.version}"` },
  );
  for (const [kind, reference] of [
    ['welcome_call', CARD],
    ['callback', workOrderNumber],
  ] as const) {
    await poll(`the ${kind} task`, async () => (await call<{ items: Task[] }>(admin, 'GET', `/call-tasks?kind=${kind}&assignee=callback_specialist`)).items.find((t) => t.reference === reference));
  }
});

/** The open task of a kind and reference, as the API has it now. */
async function task(kind: string, reference: string): Promise<Task> {
  return poll(`${kind} ${reference}`, async () => (await call<{ items: Task[] }>(admin, 'GET', `/call-tasks?kind=${kind}`)).items.find((t) => t.reference === reference));
}

test('a callback agent works the specialist queue with the keyboard: a busy welcome call moves to the agreed time (zh-CN)', async ({ page }) => {
  await signIn(page, 'callback1');
  await useLanguage(page, 'zh-CN');
  await expect(page).toHaveURL(/\/calls$/);
  const queue = page.getByTestId('call-tasks');
  await expect(queue.getByTestId(`task-${CARD}`)).toContainText('保修卡首访');
  await expect(queue.getByTestId(`task-${CARD}`)).toContainText('荔湾传真服务部');
  await expect(queue.getByTestId(`task-${workOrderNumber}`)).toContainText('工单回访');
  await expect(page.getByTestId('calls-counts')).toContainText('现在该打');
  await settle(page);
  await shot(page, 'calls-queue-zh-CN');
  await noSeriousA11yViolations(page);

  // The row's link opens the call; the first action (show the phone) has the focus.
  await queue.getByTestId(`task-${CARD}`).getByRole('button', { name: '荔湾传真服务部' }).focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByTestId('call-drawer');
  await expect(drawer.getByTestId('script')).toContainText('您购买了 Canon L170 SN-CALLS-FAX-1（保修卡 WK-CALLS-0001）');
  await expect(page.getByTestId('show-phone')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(drawer.getByTestId('phones')).toContainText('+86 20 5555 0606');
  await expect(drawer.getByTestId('who-to-call')).toContainText('Canon L170 · SN-CALLS-FAX-1');

  // A busy attempt without the agreed time is refused on its field.
  await drawer.getByTestId('outcome-busy').click();
  await drawer.getByTestId('attempt-note').fill('客户在开会');
  await drawer.getByTestId('record-attempt').click();
  const timeItem = drawer.locator('.ant-form-item').filter({ has: page.getByTestId('next-try') });
  await expect(timeItem.getByText('必填', { exact: true })).toBeVisible();
  await expect(drawer.getByTestId('attempt-note')).toHaveValue('客户在开会');
  await settle(page);
  await shot(page, 'calls-busy-refused-zh-CN');
  await noSeriousA11yViolations(page);

  // The agreed time typed with the keyboard, tomorrow at 10:00; Enter takes it and records the call.
  const agreed = `${shanghaiDay(1)} 10:00`;
  await drawer.getByTestId('next-try').click();
  await page.keyboard.type(agreed);
  await expect(drawer.getByTestId('next-try')).toHaveValue(agreed);
  // (The picker's open hour and minute columns are antd's own lists; axe ran before it opened.)
  await settle(page);
  await shot(page, 'calls-drawer-busy-zh-CN');
  await page.keyboard.press('Enter');
  await expect(drawer.getByTestId('attempts')).toContainText('客户忙，约定时间');
  await expect(drawer.getByTestId('attempts')).toContainText('客户在开会');
  await expect(drawer.getByTestId('attempts')).toContainText(`下次：2`);
  const moved = await task('welcome_call', CARD);
  expect(moved.state).toBe('open');
  await page.keyboard.press('Escape');
  await expect(queue.getByTestId(`task-${CARD}`)).toContainText('稍后');
});

test('a change made meanwhile answers 412 with a reload, and what was typed stays (zh-CN)', async ({ page }) => {
  await signIn(page, 'callback1');
  await useLanguage(page, 'zh-CN');
  const t = await task('welcome_call', CARD);
  await go(page, `/calls?task=${t.id}`);
  const drawer = page.getByTestId('call-drawer');
  await expect(drawer.getByTestId('attempt-card')).toBeVisible();
  await settle(page);
  await drawer.getByTestId('outcome-unreachable').click();
  await expect(drawer.getByLabel('无人接听')).toBeChecked();
  await drawer.getByTestId('attempt-note').fill('无人接听，稍后再拨');
  // Someone else records a call on the same task meanwhile.
  await call(admin, 'POST', `/call-tasks/${t.id}/attempts`, { outcome: 'unreachable', note: '经理试拨' }, { 'if-match': `"${t.version}"` });
  await drawer.getByTestId('record-attempt').click();
  await expect(drawer.getByTestId('stale')).toBeVisible();
  await expect(drawer.getByTestId('attempt-note')).toHaveValue('无人接听，稍后再拨');
  await settle(page);
  await shot(page, 'calls-stale-zh-CN');
  await noSeriousA11yViolations(page);
  await drawer.getByTestId('reload').click();
  await expect(drawer.getByTestId('attempts')).toContainText('经理试拨');
  await drawer.getByTestId('record-attempt').click();
  await expect(drawer.getByTestId('stale')).toHaveCount(0);
  await expect(drawer.getByTestId('attempts')).toContainText('无人接听，稍后再拨');
});

test("a work-order callback rings out, then is answered on screen with the questionnaire (zh-CN)", async ({ page }) => {
  await signIn(page, 'callback1');
  await useLanguage(page, 'zh-CN');
  await page.getByTestId('call-tasks').getByTestId(`task-${workOrderNumber}`).click();
  const drawer = page.getByTestId('call-drawer');
  await expect(drawer.getByTestId('script')).toContainText(`关于工单 ${workOrderNumber} 的上门服务`);
  await expect(drawer.getByTestId('who-to-call')).toContainText('黄涛');
  await expect(drawer.getByTestId('link-card')).toBeVisible();

  // Nobody answers: the retry policy sets the next try.
  await settle(page);
  await drawer.getByTestId('outcome-unreachable').click();
  await expect(drawer.getByLabel('无人接听')).toBeChecked();
  await expect(drawer.getByTestId('next-try')).toHaveCount(0);
  await drawer.getByTestId('record-attempt').click();
  await expect(drawer.getByTestId('attempts')).toContainText('无人接听');

  // Reached: the questionnaire of the version in force (other specs may have saved versions), answered on screen.
  const { version } = await call<{ version: number }>(admin, 'GET', '/questionnaire');
  await drawer.getByTestId('outcome-reached').click();
  const form = drawer.getByTestId('questionnaire');
  await expect(form).toContainText(`回访问卷（第 ${version} 版）`);
  await expect(form).toContainText('机器现在使用正常吗？');
  // Required questions left out are said on their fields.
  await drawer.getByTestId('record-attempt').click();
  await expect(form.getByText('请回答此题').first()).toBeVisible();
  await form.getByTestId('q-machine_working').getByLabel('是', { exact: true }).check();
  await form.getByTestId('q-explained').getByLabel('是', { exact: true }).check();
  await form.getByTestId('q-technician_attitude').getByLabel('非常满意', { exact: true }).check();
  await form.getByTestId('q-technician_skill').getByLabel('满意', { exact: true }).check();
  await form.getByTestId('q-agent_attitude').getByLabel('满意', { exact: true }).check();
  await form.getByTestId('q-on_site_speed').getByLabel('不满意', { exact: true }).check();
  await form.getByTestId('q-comments').fill('上门太慢，等了一整天');
  await settle(page);
  await shot(page, 'calls-questionnaire-zh-CN');
  await noSeriousA11yViolations(page);
  await drawer.getByTestId('record-attempt').click();
  await expect(drawer.getByTestId('callback-answers')).toContainText(`回访已记录（第 ${version} 版问卷，电话）`);
  await expect(drawer.getByTestId('callback-answers')).toContainText('上门速度: 不满意');
  await expect(drawer.getByTestId('closed')).toContainText('已完成');
  await expect(drawer.getByTestId('attempt-card')).toHaveCount(0);
  await settle(page);
  await shot(page, 'calls-callback-answered-zh-CN');
});

test('in English, the complaint answer is found in the team view and closed with what was done (en)', async ({ page }) => {
  const complaint = await task('complaint_answer', workOrderNumber);
  await signIn(page, 'callback1');
  await useLanguage(page, 'en');
  await go(page, '/calls?view=team&kind=complaint_answer');
  const row = page.getByTestId('call-tasks').getByTestId(`task-${workOrderNumber}`);
  await expect(row).toContainText('Complaint answer');
  await expect(row).toContainText('黄埔文印中心');
  await settle(page);
  await shot(page, 'calls-team-en');
  await noSeriousA11yViolations(page);
  await row.getByRole('button', { name: '黄埔文印中心' }).click();
  const drawer = page.getByTestId('call-drawer');
  await expect(drawer.getByTestId('script')).toContainText(`the callback for work order ${workOrderNumber}`);
  await expect(drawer.getByTestId('followup')).toContainText('Speed of the visit: Dissatisfied');
  await expect(drawer.getByTestId('followup')).toContainText('Comments and suggestions: 上门太慢，等了一整天');
  // What was done is required: it resolves the follow-up.
  await drawer.getByTestId('close-task').click();
  const noteItem = drawer.locator('.ant-form-item').filter({ has: page.getByTestId('close-note') });
  await expect(noteItem.getByText('Required', { exact: true })).toBeVisible();
  await drawer.getByTestId('close-note').fill('Apologised; the district now books copier visits by 10:00 the same day');
  await settle(page);
  await shot(page, 'calls-complaint-en');
  await noSeriousA11yViolations(page);
  await drawer.getByTestId('close-task').click();
  await expect(drawer.getByTestId('closed')).toContainText('Done');
  await expect(drawer.getByTestId('followup')).toContainText('Answered');
  const f = await call<{ status: string; resolution: string }>(admin, 'GET', `/followups/${complaint.refs.followup_id}`);
  expect(f.status).toBe('resolved');
  expect(f.resolution).toContain('Apologised');
  await settle(page);
  await shot(page, 'calls-complaint-closed-en');
});

test('the queue and a call fit a 360 px phone (en)', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, 'callback1');
  await useLanguage(page, 'en');
  await expect(page.getByTestId('call-tasks').getByTestId(`task-${CARD}`)).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await settle(page);
  await shot(page, 'calls-queue-phone-en');
  await noSeriousA11yViolations(page);
  await page.getByTestId('call-tasks').getByTestId(`task-${CARD}`).click();
  await expect(page.getByTestId('call-drawer').getByTestId('script')).toBeVisible();
  await settle(page);
  await shot(page, 'calls-drawer-phone-en');
  await noSeriousA11yViolations(page);
});
