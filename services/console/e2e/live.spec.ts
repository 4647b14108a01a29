import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD, startServer, token } from './global-setup';
import { base } from './api';
import { noSeriousA11yViolations, shot, signIn } from './helpers';
import { within } from './time';

test('the queue shows a ticket another user opened, through the live stream, without a reload', async ({ page }) => {
  await signIn(page, 'agent1');
  await page.getByTestId('nav-queue').click();
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'online');
  await expect(page.getByTestId('queue').locator('tbody tr').first()).toBeVisible();
  const marker = `现场来电 ${Date.now()}`;
  const admin = await token(base(), 'admin', ADMIN_PASSWORD);
  const r = await fetch(base() + '/api/v1/tickets', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ channel: 'web', type: 'consultation', symptom: marker, customer: { name: marker, phone: '020 6666 0202', district: 'yuexiu' } }),
  });
  expect(r.status).toBe(201);
  // No reload, no click: the stream's event refreshes the list.
  await expect(page.getByTestId('queue')).toContainText(marker, { timeout: within(10_000) });
});

test('the first administrator signs in with the one-time password and must choose a new one', async ({ page }) => {
  const server = await startServer({});
  try {
    const m = /one-time password (\S+)/.exec(server.output());
    expect(m?.[1]).toBeTruthy();
    await page.goto(server.base + '/');
    await page.locator('#signin_login').fill('admin');
    await page.locator('#signin_password').fill(m?.[1] ?? '');
    await page.locator('#signin_password').press('Enter');
    await expect(page.locator('#newpassword_new_password')).toBeFocused();
    await shot(page, 'first-sign-in-zh-CN');
    await noSeriousA11yViolations(page);
    await page.locator('#newpassword_new_password').fill('short');
    await page.locator('#newpassword_repeat').fill('short');
    await page.locator('#newpassword_repeat').press('Enter');
    await expect(page.locator('.ant-form-item-explain-error')).toContainText('12');
    await page.locator('#newpassword_new_password').fill('A-new-admin-password-2026');
    await page.locator('#newpassword_repeat').fill('A-new-admin-password-2026');
    await page.locator('#newpassword_repeat').press('Enter');
    await expect(page.getByTestId('sign-out')).toBeVisible();
    await expect(page.getByTestId('nav-desk')).toBeVisible();
  } finally {
    await server.stop();
  }
});

test('the language chosen is remembered with the account, not only in the browser', async ({ page }) => {
  await signIn(page, 'agent3');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/preferences') && r.request().method() === 'POST');
  await page.getByTestId('lang').click();
  expect((await saved).status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByTestId('sign-out').click();
  // Another browser: nothing remembered locally.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await signIn(page, 'agent3');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('nav-desk')).toHaveText('Agent desk');
});

test('the header shows the stream offline and reconnecting, and it comes back by itself', async ({ page, context }) => {
  await signIn(page, 'agent1');
  const live = page.getByTestId('live-status');
  await expect(live).toHaveAttribute('data-status', 'online');
  await expect(page.locator('#desk-lookup')).toBeVisible();
  await context.setOffline(true);
  await expect(live).toHaveAttribute('data-status', /offline|reconnecting/);
  await shot(page, 'offline-zh-CN');
  await context.setOffline(false);
  await expect(live).toHaveAttribute('data-status', 'online', { timeout: within(40_000) });
});
