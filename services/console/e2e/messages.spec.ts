// Sent messages (已发送消息) in the trial configuration (`aftercare up` with no channel): a
// ticket of its own opened through the API tells its customer it was received; an agent
// finds that message by the ticket's number with the trial banner, opens it, and sees it on
// the ticket's drawer (zh-CN); the same in English, where it is also found by its customer
// typed into the customer field. Filtered by its own ticket or customer, so it holds
// whatever other specs left on the server.
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, PASSWORD, token } from './global-setup';
import { base, call, poll } from './api';
import { go, noSeriousA11yViolations, settle, shot, signIn, useLanguage } from './helpers';

test.describe.configure({ mode: 'serial' });

const tag = String(Date.now() % 100_000);
const AGENT = `msg-desk-${tag}`;
let ticket = { id: '', number: '' };

test.beforeAll(async () => {
  const admin = await token(base(), 'admin', ADMIN_PASSWORD);
  await call(admin, 'POST', '/accounts', { login: AGENT, display_name: '消息台', role: 'agent', password: PASSWORD });
  ticket = await call<{ id: string; number: string }>(admin, 'POST', '/tickets', {
    channel: 'phone',
    type: 'consultation',
    symptom: '询问保养周期 / asks about maintenance',
    customer: { name: `消息测试${tag}`, phone: '13800138000', address: '广州市海珠区 8 号', district: 'haizhu' },
    machine: { product_line: 'copier', brand: 'Sharp', model: 'AR-2048', serial: `SN-MSG-${tag}` },
  });
  await poll('the message kept', async () => (await call<{ items: unknown[] }>(admin, 'GET', `/tickets/${ticket.id}/messages`)).items.length > 0);
});

async function findIt(page: Page) {
  await go(page, `/messages?number=${ticket.number}`);
  await expect(page.getByTestId('messages')).toBeVisible();
  const row = page.locator('[data-testid^="message-0"]');
  await expect(row).toHaveCount(1);
  return row;
}

test('an agent finds the message kept in trial mode and sees it on the ticket (zh-CN)', async ({ page }) => {
  await signIn(page, AGENT);
  await useLanguage(page, 'zh-CN');
  await page.getByRole('menuitem', { name: '已发送消息' }).click();
  await expect(page.getByTestId('trial-banner')).toContainText('试用模式');
  const row = await findIt(page);
  await expect(row).toContainText(ticket.number);
  await expect(row).toContainText('报修已受理');
  await expect(row.getByTestId('status-unsent')).toHaveText('未发送（试用）');
  await expect(row).toContainText('138****8000');
  await row.click();
  const drawer = page.getByTestId('message-drawer');
  await expect(drawer.getByTestId('message-text')).toContainText(ticket.number);
  await expect(drawer).toContainText('未配置该渠道');
  await noSeriousA11yViolations(page);
  await settle(page);
  await shot(page, 'messages-drawer-zh-CN', false);
  await drawer.getByRole('button', { name: 'Close' }).or(drawer.locator('.ant-drawer-close')).first().click();

  await go(page, `/queue?ticket=${ticket.id}`);
  const section = page.getByTestId('ticket-messages');
  await expect(section).toContainText('通知');
  await expect(section.getByTestId('ticket-message-request_received')).toContainText('短信 · 138****8000');
  await section.scrollIntoViewIfNeeded();
  await settle(page);
  await shot(page, 'messages-ticket-zh-CN', false);
});

test('the same in English', async ({ page }) => {
  await signIn(page, AGENT);
  await useLanguage(page, 'en');
  await findIt(page);
  await expect(page.getByTestId('trial-banner')).toContainText('Trial mode');
  const row = await findIt(page);
  await expect(row.getByTestId('status-unsent')).toHaveText('Not sent (trial)');
  await expect(row).toContainText('Request received');
  await expect(page.getByTestId('message-list')).toContainText(/1 message$/);
  await settle(page);
  await shot(page, 'messages-en');
  await page.getByTestId('messages-status').click();
  await page.getByTitle('Sent', { exact: true }).click();
  await expect(page.getByTestId('message-list')).toContainText('No messages match');
  await go(page, `/queue?ticket=${ticket.id}`);
  await expect(page.getByTestId('ticket-messages')).toContainText('SMS · 138****8000');
});

test('the customer field finds the message by its customer', async ({ page }) => {
  await signIn(page, AGENT);
  await useLanguage(page, 'en');
  await go(page, '/messages');
  const field = page.getByTestId('messages-customer');
  await field.click();
  await page.keyboard.type(`消息测试${tag}`);
  const option = page.locator('.ant-select-item-option').filter({ hasText: `消息测试${tag}` });
  await expect(option).toHaveCount(1);
  await option.click();
  await expect(page).toHaveURL(/[?&]customer=[0-9a-f-]{36}/);
  const rows = page.locator('[data-testid^="message-0"]');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(ticket.number);
  // The field names the customer it filters by, also when opened from the address.
  await page.reload();
  await signIn(page, AGENT);
  await expect(page.getByTestId('messages-customer')).toContainText(`消息测试${tag} · C`);
  await expect(page.locator('[data-testid^="message-0"]')).toHaveCount(1);
  await settle(page);
  await shot(page, 'messages-customer-en');
  await page.getByTestId('messages-customer').hover();
  await page.getByTestId('messages-customer').locator('.ant-select-clear').click();
  await expect(page).not.toHaveURL(/customer=/);
});
