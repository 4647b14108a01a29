// The callback questionnaire in the administrator's workspace: the administrator rewords the
// first question's English text with the keyboard, saves it as a new version (the server holds
// it), and finds the new wording in the questionnaire's History drawer (zh-CN), then reads the
// page in English. What was typed survives the window narrowed past the breakpoint and back. The questionnaire is put back as it was, since the callback desk's spec asks
// its questions. axe-core with the drawer open, screenshots in both languages.
import { expect, test } from '@playwright/test';
import { base, call } from './api';
import { ADMIN_PASSWORD, token } from './global-setup';
import { go, noSeriousA11yViolations, settle, shot, signIn, useLanguage } from './helpers';
import { within } from './time';

interface Questionnaire {
  version: number;
  questions: { key: string; text_en: string }[];
  levels: unknown[];
  follow_up_at: string;
}

test('an administrator rewords a question and finds the version in the questionnaire History (zh-CN, then en)', async ({ page }) => {
  test.setTimeout(within(120_000));
  const admin = await token(base(), 'admin', ADMIN_PASSWORD);
  const before = await call<Questionnaire>(admin, 'GET', '/questionnaire');
  const wording = `How satisfied were you with today's repair (${Date.now().toString(36).slice(-4)})?`;
  try {
    await page.goto('/');
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await useLanguage(page, 'zh-CN');
    await go(page, '/admin/settings/questionnaire');
    const form = page.getByTestId('setting-page-questionnaire');
    await expect(form.getByTestId('question-row')).toHaveCount(before.questions.length);
    const english = form.getByTestId('question-row').first().getByRole('textbox', { name: '英文题目' });
    await english.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(wording);
    await expect(english).toHaveValue(wording);
    // A window narrowed past the breakpoint and widened again (a tablet turned) keeps what was typed.
    await page.setViewportSize({ width: 700, height: 900 });
    await expect(page.getByRole('combobox', { name: '设置项' })).toBeVisible();
    await expect(english).toHaveValue(wording);
    await page.setViewportSize({ width: 1440, height: 900 });
    await expect(page.getByTestId('setting-questionnaire')).toBeVisible();
    await expect(english).toHaveValue(wording);
    await form.getByTestId('save-questionnaire').focus();
    await page.keyboard.press('Enter');
    const saved = before.version + 1;
    await expect(form.getByTestId('setting-version')).toHaveText(`第 ${saved} 版`);
    const stored = await call<Questionnaire>(admin, 'GET', '/questionnaire');
    expect(stored.version).toBe(saved);
    expect(stored.questions[0]?.text_en).toBe(wording);
    expect(stored.questions.slice(1)).toEqual(before.questions.slice(1));

    // The History drawer lists the version, by whom, with the new wording in it.
    await form.getByTestId('history-questionnaire').click();
    const drawer = page.getByTestId('setting-history');
    await drawer.getByTestId(`history-version-${saved}`).click();
    const detail = drawer.getByTestId(`history-detail-${saved}`);
    await expect(detail).toContainText(wording);
    await expect(detail).toContainText('英文题目');
    await settle(page);
    await noSeriousA11yViolations(page);
    await shot(page, 'admin-questionnaire-history-zh');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();

    await useLanguage(page, 'en');
    await expect(form.getByTestId('setting-version')).toHaveText(`Version ${saved}`);
    await expect(form.getByTestId('question-row').first().getByRole('textbox', { name: 'Question in English' })).toHaveValue(wording);
    await settle(page);
    await shot(page, 'admin-questionnaire-en');
  } finally {
    // Put the questionnaire back as it was (the callback desk's spec asks its questions).
    const now = await call<Questionnaire>(admin, 'GET', '/questionnaire');
    if (now.version !== before.version) {
      await call(admin, 'POST', '/questionnaire', { questions: before.questions, levels: before.levels, follow_up_at: before.follow_up_at }, { 'if-match': `"${now.version}"` });
    }
  }
  const restored = await call<Questionnaire>(admin, 'GET', '/questionnaire');
  expect(restored.questions).toEqual(before.questions);
});
