import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { PASSWORD } from './global-setup';
import { within } from './time';

/** Signs in through the console's form. */
export async function signIn(page: Page, login: string, password = PASSWORD): Promise<void> {
  // A page opened at a deep link keeps it: wait for its sign-in form (or a shell already
  // signed in) before deciding to start from the root.
  if (page.url() !== 'about:blank') {
    await page.locator('#signin_login, [data-testid="sign-out"]').first().waitFor({ timeout: within(10_000) }).catch(() => undefined);
  }
  if (!(await page.locator('#signin_login').isVisible())) await page.goto('/');
  await page.locator('#signin_login').fill(login);
  await page.locator('#signin_password').fill(password);
  // Signed in, the console reads the account's language and opens in it: wait for that, so
  // that a language chosen next is not undone by the answer arriving after it.
  const preferences = page
    .waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/me/preferences' && r.request().method() === 'GET', { timeout: within(30_000) })
    .catch(() => null);
  await page.locator('#signin_password').press('Enter');
  await expect(page.getByTestId('sign-out')).toBeVisible();
  const answer = await preferences;
  const saved = answer?.ok() ? ((await answer.json().catch(() => null)) as { language?: string } | null)?.language : undefined;
  if (saved) await expect(page.locator('html')).toHaveAttribute('lang', saved);
}

/** Chooses the language from the header when it is not the one wanted. */
export async function useLanguage(page: Page, lang: 'zh-CN' | 'en'): Promise<void> {
  const current = await page.evaluate(() => document.documentElement.lang);
  if (current !== lang) await page.getByTestId('lang').click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  // Let the button's click effect and hover colour go before anything is measured.
  await page.mouse.move(0, 0);
  await page.locator('body').focus();
  await page.waitForFunction(() => !document.querySelector('.ant-wave, [class*="wave-motion"]'));
  await page.waitForTimeout(300);
}

/** Writes a screenshot to artifacts/screenshots/<name>.png: the full page, or only the window
 * (a drawer over a long page is drawn only there). */
export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync('artifacts/screenshots', { recursive: true });
  await page.screenshot({ path: `artifacts/screenshots/${name}.png`, fullPage });
}

/** Fails on any serious or critical accessibility violation axe-core finds. */
export async function noSeriousA11yViolations(page: Page): Promise<void> {
  // A toast fading in or out is drawn at part opacity; measure once the toasts have gone.
  await expect(page.locator('.ant-message-notice, .ant-notification-notice')).toHaveCount(0, { timeout: within(15_000) });
  const r = await new AxeBuilder({ page }).analyze();
  const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 8).join(', ')})`)).toEqual([]);
}

/** Waits until no animation, wave or loading spinner is running, so a screenshot or a
 * keyboard step sees the page at rest. */
export async function settle(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLElement>('.ant-wave, [class*="wave-motion"], [class*="show-help-appear"], [class*="show-help-enter"], .ant-btn-loading, [class*="-motion-enter"], [class*="-enter-active"], [class*="-appear-active"], .ant-zoom-enter, .ant-zoom-appear, .ant-fade-appear')].every((e) => e.offsetParent === null),
  );
  await page.waitForTimeout(400);
}

/** Goes to a path inside the signed-in console without reloading (the tokens live in memory). */
export async function go(page: Page, to: string): Promise<void> {
  await page.evaluate((path) => {
    history.pushState({}, '', path);
    dispatchEvent(new PopStateEvent('popstate'));
  }, to);
}
