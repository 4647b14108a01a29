// The manager's rankings (排名) against a real `aftercare up`: the weekly rankings of two closed
// weeks are published through the API; the rankings page shows the latest and, chosen by its
// period, the earlier one (zh-CN), and says the same in English. axe-core, screenshots in both
// languages.
import { expect, test } from '@playwright/test';
import { base, call } from './api';
import { ADMIN_PASSWORD, PASSWORD, token } from './global-setup';
import { go, noSeriousA11yViolations, settle, shot, signIn, useLanguage } from './helpers';
import { within } from './time';

interface Ranking {
  id: string;
  period_start: string;
  period_end: string;
}

/** The company's local day `days` before today, as `YYYY-MM-DD`. */
function daysAgo(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 - days * 86400_000).toISOString().slice(0, 10);
}

test('a manager reads the latest weekly ranking and an earlier one chosen by its period (zh-CN, then en)', async ({ page }) => {
  test.setTimeout(within(120_000));
  const admin = await token(base(), 'admin', ADMIN_PASSWORD);
  const login = `ranks-${Date.now().toString(36).slice(-5)}`;
  await call(admin, 'POST', '/accounts', { login, display_name: '经理 排名', role: 'manager', password: PASSWORD });
  const earlier = await call<Ranking>(admin, 'POST', '/rankings', { kind: 'weekly', day: daysAgo(14) });
  const later = await call<Ranking>(admin, 'POST', '/rankings', { kind: 'weekly', day: daysAgo(7) });
  expect(earlier.period_start < later.period_start).toBe(true);
  const latest = (await call<{ items: Ranking[] }>(admin, 'GET', '/rankings?kind=weekly&limit=1')).items[0];
  expect(latest).toBeDefined();

  await page.goto('/');
  await signIn(page, login);
  await useLanguage(page, 'zh-CN');
  await go(page, '/manager/rankings');
  const weekly = page.getByTestId('ranking-weekly');
  await expect(weekly.getByTestId('ranking-weekly-shown')).toHaveText(`${latest?.period_start} 至 ${latest?.period_end}`);
  const choose = weekly.getByRole('combobox', { name: '显示的期间' });
  await choose.focus();
  await page.keyboard.press('Enter');
  await page.getByTitle(`${earlier.period_start} 至 ${earlier.period_end}`, { exact: true }).click();
  await expect(weekly.getByTestId('ranking-weekly-shown')).toHaveText(`${earlier.period_start} 至 ${earlier.period_end}`);
  await expect(weekly.getByTestId('ranking-weekly-technicians')).toBeVisible();
  await settle(page);
  await noSeriousA11yViolations(page);
  await shot(page, 'manager-rankings-earlier-zh');

  await useLanguage(page, 'en');
  await expect(weekly.getByTestId('ranking-weekly-shown')).toHaveText(`${earlier.period_start} to ${earlier.period_end}`);
  await expect(weekly.getByRole('combobox', { name: 'Period shown' })).toBeVisible();
  await settle(page);
  await shot(page, 'manager-rankings-earlier-en');
});
