// A company setting's history in the administrator's settings: another administrator adds a
// fault code, this one renames it in English on the fault list's page, and the History
// drawer lists both versions newest first with who saved each by name, the rename shown as a
// changed field and the first as an added code (zh-CN, then en). Versions are counted from
// whatever the fault list holds when the spec starts. axe-core on the open drawer, screenshots
// in both languages.
import { expect, test } from '@playwright/test';
import { base, call } from './api';
import { ADMIN_PASSWORD, PASSWORD, token } from './global-setup';
import { go, noSeriousA11yViolations, settle, shot, signIn, useLanguage } from './helpers';

interface FaultCodes {
  version: number;
  codes: { code: string; label_zh: string; label_en: string; active: boolean }[];
}

test('an administrator reads a setting\'s versions with who saved them and what changed (zh-CN, then en)', async ({ page }) => {
  const admin = await token(base(), 'admin', ADMIN_PASSWORD);
  const me = await call<{ account_id: string }>(admin, 'GET', '/me');
  const mine = await call<{ display_name: string }>(admin, 'GET', `/accounts/${me.account_id}`);
  const suffix = Date.now().toString(36);
  const login = `archivist-${suffix}`;
  await call(admin, 'POST', '/accounts', { login, display_name: '周档案', role: 'admin', password: PASSWORD });
  const other = await token(base(), login, PASSWORD);
  const code = `hist_${suffix}`;
  const before = await call<FaultCodes>(other, 'GET', '/fault-codes');
  await call(other, 'POST', '/fault-codes', { codes: [...before.codes, { code, label_zh: '历史测试', label_en: 'History test', active: true }] }, { 'if-match': `"${before.version}"` });
  const added = before.version + 1;
  const renamed = before.version + 2;

  await page.goto('/');
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await useLanguage(page, 'zh-CN');
  await go(page, '/admin/settings/faults');
  const section = page.getByTestId('setting-page-faults');
  await expect(section.getByTestId('setting-version')).toHaveText(`第 ${added} 版`);
  const row = section.getByTestId('fault-row').filter({ has: page.locator(`input[value="${code}"]`) });
  await row.getByTestId('fault-label-en').fill('History test, renamed');
  await section.getByTestId('save-faults').click();
  await expect(section.getByTestId('setting-version')).toHaveText(`第 ${renamed} 版`);

  await section.getByTestId('history-faults').click();
  const drawer = page.getByTestId('setting-history');
  await expect(drawer.getByTestId(`history-version-${renamed}`)).toContainText(mine.display_name);
  await expect(drawer.getByTestId(`history-version-${added}`)).toContainText('周档案');
  await drawer.getByTestId(`history-version-${renamed}`).click();
  const change = drawer.getByTestId(`history-detail-${renamed}`);
  await expect(change).toContainText(`相对版本 ${added} 的改动`);
  await expect(change.getByTestId('history-change-changed')).toBeVisible();
  await expect(change.getByTestId('history-change-changed')).toContainText('History test, renamed');
  await expect(change.getByTestId('history-change-changed')).toContainText('History test →');
  await drawer.getByTestId(`history-version-${added}`).click();
  const first = drawer.getByTestId(`history-detail-${added}`);
  if (added === 1) await expect(first).toContainText(code);
  else await expect(first.getByTestId('history-change-added')).toContainText(code);
  await settle(page);
  await noSeriousA11yViolations(page);
  await shot(page, 'admin-setting-history-zh');

  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await useLanguage(page, 'en');
  await go(page, '/admin/settings/faults');
  await section.getByTestId('history-faults').click();
  await expect(drawer.getByTestId(`history-version-${renamed}`)).toContainText(`Saved by ${mine.display_name}`);
  await expect(drawer.getByTestId(`history-version-${added}`)).toContainText('Saved by 周档案');
  await drawer.getByTestId(`history-version-${renamed}`).click();
  await expect(drawer.getByTestId(`history-detail-${renamed}`)).toContainText(`Changes against version ${added}`);
  await expect(drawer.getByTestId(`history-detail-${renamed}`).getByTestId('history-change-changed')).toBeVisible();
  await expect(drawer.getByTestId(`history-detail-${renamed}`).getByTestId('history-change-changed')).toContainText('Changed');
  await settle(page);
  await noSeriousA11yViolations(page);
  await expect(drawer).toBeVisible();
  await shot(page, 'admin-setting-history-en');
});
