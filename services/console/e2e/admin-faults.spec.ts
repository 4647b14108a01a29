// The administrator's fault list (故障代码) edited with the keyboard alone: a code added and
// an English name changed; a code listed twice is refused by the server on its own field
// with everything typed kept; corrected, saved, and read back through the API; the History
// drawer shows the change (zh-CN), and in English a code of the wrong shape is refused on
// its field before anything is sent. The spec puts the fault list back as it found it at
// the end, since other specs (the field app's) pick fault codes from it. axe-core and
// screenshots in both languages.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { base, call } from './api';
import { ADMIN_PASSWORD, token } from './global-setup';
import { go, noSeriousA11yViolations, settle, shot, signIn, useLanguage } from './helpers';
import { within } from './time';

interface FaultCode {
  code: string;
  label_zh: string;
  label_en: string;
  active: boolean;
}

interface FaultCodes {
  version: number;
  codes: FaultCode[];
}

/** The version tag as the page shows it (version 0 is the built-in list). */
const versionTag = (v: number, lang: 'zh-CN' | 'en') => (v === 0 ? (lang === 'en' ? 'Built-in' : '内置默认') : lang === 'en' ? `Version ${v}` : `第 ${v} 版`);

/** Types `text` into a field reached with the keyboard, replacing what it held. */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

test('an administrator edits the fault list with the keyboard; a code listed twice is refused on its field (zh-CN, then en)', async ({ page }) => {
  test.setTimeout(within(240_000));
  const admin = await token(base(), 'admin', ADMIN_PASSWORD);
  const before = await call<FaultCodes>(admin, 'GET', '/fault-codes');
  expect(before.codes.length).toBeGreaterThan(0);
  const suffix = Date.now().toString(36);
  const added = `kbd_${suffix}`;
  const existing = before.codes[0]!;
  try {
    await page.goto('/');
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await useLanguage(page, 'zh-CN');
    await go(page, '/admin/settings/faults');
    const section = page.getByTestId('setting-page-faults');
    await expect(section.getByTestId('setting-version')).toHaveText(versionTag(before.version, 'zh-CN'));
    const rows = section.getByTestId('fault-row');
    await expect(rows).toHaveCount(before.codes.length);

    // The first code's English name changed; two rows added with Enter on the add button,
    // each filled field by field with Tab. The second repeats the first code.
    await typeInto(page, rows.nth(0).getByTestId('fault-label-en'), `${existing.label_en} (renamed)`);
    await section.getByTestId('add-fault').focus();
    await page.keyboard.press('Enter');
    await section.getByTestId('add-fault').focus();
    await page.keyboard.press('Enter');
    await expect(rows).toHaveCount(before.codes.length + 2);
    const first = rows.nth(before.codes.length);
    const twice = rows.nth(before.codes.length + 1);
    await first.getByTestId('fault-code').focus();
    await page.keyboard.type(added);
    await page.keyboard.press('Tab');
    await page.keyboard.type('键盘录入测试');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Keyboard entry test');
    await twice.getByTestId('fault-code').focus();
    await page.keyboard.type(existing.code);
    await page.keyboard.press('Tab');
    await page.keyboard.type('重复的代码');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Listed twice');
    await page.keyboard.press('Enter');

    // Refused on the repeated code's own field; nothing typed is lost, nothing stored.
    const refusal = twice.locator('.ant-form-item-explain-error');
    await expect(refusal).toHaveCount(1);
    await expect(refusal).not.toBeEmpty();
    await expect(twice.getByTestId('fault-code')).toHaveValue(existing.code);
    await expect(twice.getByTestId('fault-label-zh')).toHaveValue('重复的代码');
    await expect(twice.getByTestId('fault-label-en')).toHaveValue('Listed twice');
    await expect(first.getByTestId('fault-code')).toHaveValue(added);
    await expect(first.getByTestId('fault-label-zh')).toHaveValue('键盘录入测试');
    await expect(first.getByTestId('fault-label-en')).toHaveValue('Keyboard entry test');
    await expect(rows.nth(0).getByTestId('fault-label-en')).toHaveValue(`${existing.label_en} (renamed)`);
    await expect(section.getByTestId('setting-version')).toHaveText(versionTag(before.version, 'zh-CN'));
    expect((await call<FaultCodes>(admin, 'GET', '/fault-codes')).version).toBe(before.version);
    await settle(page);
    await shot(page, 'admin-faults-refused-zh-CN');
    await noSeriousA11yViolations(page);

    // Corrected and saved with Enter.
    await typeInto(page, twice.getByTestId('fault-code'), `${added}_2`);
    await page.keyboard.press('Enter');
    await expect(section.getByTestId('setting-version')).toHaveText(versionTag(before.version + 1, 'zh-CN'));
    await expect(twice.locator('.ant-form-item-explain-error')).toHaveCount(0);

    // The server holds exactly what was typed.
    const saved = await call<FaultCodes>(admin, 'GET', '/fault-codes');
    expect(saved.version).toBe(before.version + 1);
    expect(saved.codes).toEqual([
      { ...existing, label_en: `${existing.label_en} (renamed)` },
      ...before.codes.slice(1),
      { code: added, label_zh: '键盘录入测试', label_en: 'Keyboard entry test', active: true },
      { code: `${added}_2`, label_zh: '重复的代码', label_en: 'Listed twice', active: true },
    ]);

    // The History drawer: the new version, the rename as a change and the codes as added.
    await section.getByTestId('history-faults').click();
    const drawer = page.getByTestId('setting-history');
    await drawer.getByTestId(`history-version-${saved.version}`).click();
    const detail = drawer.getByTestId(`history-detail-${saved.version}`);
    if (before.version > 0) {
      await expect(detail).toContainText(`相对版本 ${before.version} 的改动`);
      await expect(detail.getByTestId('history-change-changed')).toContainText(`${existing.label_en} (renamed)`);
      await expect(detail.getByTestId('history-change-added').first()).toBeVisible();
    } else {
      // The first version saved over the built-in list is shown whole.
      await expect(detail).toContainText(`${existing.label_en} (renamed)`);
    }
    await expect(detail).toContainText(added);
    await settle(page);
    await noSeriousA11yViolations(page);
    await shot(page, 'admin-faults-history-zh-CN');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();

    // In English: the page and its history in English; a code of the wrong shape is refused
    // on its field before anything is sent.
    await useLanguage(page, 'en');
    await go(page, '/admin/settings/faults');
    await expect(section.getByTestId('setting-version')).toHaveText(versionTag(saved.version, 'en'));
    await expect(section).toContainText('Fault codes');
    await section.getByTestId('add-fault').focus();
    await page.keyboard.press('Enter');
    const bad = rows.nth(saved.codes.length);
    await bad.getByTestId('fault-code').focus();
    await page.keyboard.type('Bad Code');
    await page.keyboard.press('Enter');
    await expect(bad.locator('.ant-form-item-explain-error').first()).toHaveText('1–64 lower-case letters, digits or _');
    await expect(bad.getByTestId('fault-code')).toHaveValue('Bad Code');
    expect((await call<FaultCodes>(admin, 'GET', '/fault-codes')).version).toBe(saved.version);
    await settle(page);
    await shot(page, 'admin-faults-refused-en');
    await section.getByTestId('history-faults').click();
    await drawer.getByTestId(`history-version-${saved.version}`).click();
    if (before.version > 0) await expect(drawer.getByTestId(`history-detail-${saved.version}`)).toContainText(`Changes against version ${before.version}`);
    await expect(drawer.getByTestId(`history-version-${saved.version}`)).toContainText('Saved by');
    await expect(drawer.getByTestId(`history-detail-${saved.version}`)).toContainText(`${added}_2`);
    await settle(page);
    await noSeriousA11yViolations(page);
    await shot(page, 'admin-faults-history-en');
  } finally {
    // The fault list as it was (other specs pick fault codes from it).
    const now = await call<FaultCodes>(admin, 'GET', '/fault-codes');
    if (JSON.stringify(now.codes) !== JSON.stringify(before.codes)) {
      await call(admin, 'POST', '/fault-codes', { codes: before.codes }, { 'if-match': `"${now.version}"` });
    }
    expect((await call<FaultCodes>(admin, 'GET', '/fault-codes')).codes).toEqual(before.codes);
  }
});
