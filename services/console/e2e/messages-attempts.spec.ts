// A message's sending attempts in its drawer. A system of its own (started here) sends SMS
// through a provider on loopback that first answers 429 with `Retry-After: 2`, then accepts:
// the ticket's "request received" text is sent on its second attempt, no sooner than the
// provider asked, and the drawer lists both attempts (when, outcome, the provider's code and
// what it said), in Chinese and English.
import { expect, test } from '@playwright/test';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ADMIN_PASSWORD, startServer, token, type Server } from './global-setup';
import { go, noSeriousA11yViolations, settle, shot, signIn, useLanguage } from './helpers';
import { within } from './time';

let server: Server;
let provider: HttpServer;
const received: { at: number; key: string }[] = [];
let messageId = '';

interface Attempt {
  attempt: number;
  at: string;
  outcome: string;
  provider_status?: number;
}

test.beforeAll(async () => {
  test.setTimeout(within(180_000));
  provider = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received.push({ at: Date.now(), key: String(req.headers['idempotency-key'] ?? '') });
      if (received.length === 1) {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '2' });
        res.end('{"error":"too many requests"}');
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"message_id":"sms-42"}');
      }
    });
  });
  await new Promise<void>((ok) => provider.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/v1/messages`;
  server = await startServer({
    AFTERCARE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    AFTERCARE_NOTIFY_SMS_URL: url,
    AFTERCARE_NOTIFY_SMS_KEY: 'sk-console-test',
    AFTERCARE_NOTIFY_RETRY_SECS: '1',
  });
  const admin = await token(server.base, 'admin', ADMIN_PASSWORD);
  const get = async <T>(path: string): Promise<T> => {
    const r = await fetch(server.base + '/api/v1' + path, { headers: { authorization: `Bearer ${admin}` } });
    return (await r.json()) as T;
  };
  const r = await fetch(server.base + '/api/v1/tickets', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({
      channel: 'phone',
      type: 'consultation',
      symptom: '询问保养周期 / asks about maintenance',
      customer: { name: '发送记录测试', phone: '13800138000', address: '广州市海珠区 8 号', district: 'haizhu' },
    }),
  });
  expect(r.status).toBeLessThan(300);
  for (let i = 0; i < 60 && !messageId; i++) {
    const page = await get<{ items: { id: string; status: string }[] }>('/messages?status=sent');
    messageId = page.items[0]?.id ?? '';
    if (!messageId) await new Promise((s) => setTimeout(s, 500));
  }
  expect(messageId, 'the text sent on its second attempt').not.toBe('');
  const one = await get<{ attempts: number; attempt_history: Attempt[] }>(`/messages/${messageId}`);
  expect(one.attempts).toBe(2);
  expect(one.attempt_history.map((a) => [a.attempt, a.outcome, a.provider_status])).toEqual([
    [1, 'failed', 429],
    [2, 'sent', 200],
  ]);
  // The provider saw the same message twice, the second time no sooner than it asked.
  expect(received.map((r) => r.key)).toEqual([messageId, messageId]);
  expect(received[1]!.at - received[0]!.at).toBeGreaterThanOrEqual(1_900);
});

test.afterAll(async () => {
  await server?.stop();
  provider?.close();
});

test('the drawer lists each sending attempt in Chinese and English', async ({ page }) => {
  await page.goto(`${server.base}/messages?message=${messageId}`);
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await useLanguage(page, 'zh-CN');
  const drawer = page.getByTestId('message-drawer');
  const attempts = drawer.getByTestId('message-attempts');
  await expect(drawer).toContainText('发送记录');
  await expect(attempts.getByTestId('attempt-1')).toContainText('失败');
  await expect(attempts.getByTestId('attempt-1')).toContainText('429');
  await expect(attempts.getByTestId('attempt-1')).toContainText('too many requests');
  await expect(attempts.getByTestId('attempt-2')).toContainText('已接收');
  await expect(attempts.getByTestId('attempt-2')).toContainText('200');
  await expect(drawer.getByTestId('status-sent')).toHaveText('已发送');
  await noSeriousA11yViolations(page);
  await settle(page);
  await shot(page, 'messages-attempts-zh-CN', false);

  // The header's language switch is under the drawer's mask: close it, switch, open again.
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await useLanguage(page, 'en');
  await go(page, `/messages?message=${messageId}`);
  await expect(drawer).toContainText('Sending attempts');
  await expect(attempts.getByTestId('attempt-1')).toContainText('Failed');
  await expect(attempts.getByTestId('attempt-2')).toContainText('Accepted');
  await expect(attempts).toContainText('Provider code');
  await settle(page);
  await shot(page, 'messages-attempts-en', false);
});
