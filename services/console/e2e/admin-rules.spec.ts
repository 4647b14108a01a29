// The rule settings in the administrator's workspace: the administrator adds a keyword to the
// first priority rule with the keyboard (a keyword too long refused on its field first), saves
// it as a new version, finds the change in the History drawer and on the server (zh-CN); then
// adds a brand to the first call assignment rule the same way (en), and a save after someone
// else's is said as stale with what was typed kept. Both settings are put back as they were,
// since other specs count on the defaults. axe-core on each page (the priority rules' with
// its History drawer open), screenshots in both languages.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { base, call } from './api';
import { ADMIN_PASSWORD, token } from './global-setup';
import { go, noSeriousA11yViolations, settle, shot, signIn, useLanguage } from './helpers';
import { within } from './time';

interface PriorityRules {
  version: number;
  rules: { priority: string; keywords?: string[]; note: string }[];
}

interface CallRules {
  version: number;
  rules: { kinds: string[]; brands: string[]; assignee: { to: string } }[];
}

/** Types `word` into a tag list with the keyboard (at once, as a paste would) and ends it with Enter. */
/** A tag of a tags field, found by the start of its word. */
function tagOf(list: Locator, word: string): Locator {
  return list.locator('.ant-select-selection-item', { hasText: word.slice(0, 20) });
}

/** Types a word into a tags field and makes it a tag with Enter. */
async function typeWord(page: Page, list: Locator, word: string): Promise<void> {
  await list.locator('input').focus();
  await page.keyboard.insertText(word);
  await expect(list.locator('input')).toHaveValue(word);
  await page.keyboard.press('Enter');
  await expect(tagOf(list, word)).toHaveCount(1);
}

/** Takes the last tag off with Backspace in the field's empty input. */
async function dropLastWord(page: Page, list: Locator, word: string): Promise<void> {
  await list.locator('input').focus();
  await expect(list.locator('input')).toHaveValue('');
  await page.keyboard.press('Backspace');
  await expect(tagOf(list, word)).toHaveCount(0);
}

test('an administrator edits a priority rule and a call assignment rule with the keyboard and finds them in History (zh-CN, then en)', async ({ page }) => {
  test.setTimeout(within(180_000));
  const admin = await token(base(), 'admin', ADMIN_PASSWORD);
  const priorityBefore = await call<PriorityRules>(admin, 'GET', '/priority-rules');
  const callsBefore = await call<CallRules>(admin, 'GET', '/call-rules');
  const keyword = `焦糊味${Date.now().toString(36).slice(-4)}`;
  const brand = `Kyocera-${Date.now().toString(36).slice(-4)}`;
  try {
    await page.goto('/');
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await useLanguage(page, 'zh-CN');
    await go(page, '/admin/settings/priority');
    const priority = page.getByTestId('setting-page-priority');
    await expect(priority.getByTestId('priority-rule')).toHaveCount(priorityBefore.rules.length);
    const keywords = priority.getByTestId('priority-rule').first().getByTestId('priority-keywords');
    await typeWord(page, keywords, 'x'.repeat(51));
    await expect(priority.getByTestId('priority-rule').first()).toContainText('超过 50 个字符');
    await dropLastWord(page, keywords, 'x'.repeat(51));
    await typeWord(page, keywords, keyword);
    await expect(keywords).toContainText(keyword);
    await expect(priority.getByTestId('priority-rule').first()).not.toContainText('超过 50 个字符');
    await priority.getByTestId('save-priority').focus();
    await page.keyboard.press('Enter');
    const saved = priorityBefore.version + 1;
    await expect(priority.getByTestId('setting-version')).toHaveText(`第 ${saved} 版`);
    const stored = await call<PriorityRules>(admin, 'GET', '/priority-rules');
    expect(stored.version).toBe(saved);
    expect(stored.rules[0]?.keywords).toEqual([...(priorityBefore.rules[0]?.keywords ?? []), keyword]);
    expect(stored.rules.slice(1)).toEqual(priorityBefore.rules.slice(1));

    await priority.getByTestId('history-priority').click();
    const drawer = page.getByTestId('setting-history');
    await drawer.getByTestId(`history-version-${saved}`).click();
    const change = drawer.getByTestId(`history-detail-${saved}`);
    await expect(change).toContainText(keyword);
    await expect(change).toContainText('关键词');
    await settle(page);
    await noSeriousA11yViolations(page);
    await shot(page, 'admin-priority-rules-history-zh');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await settle(page);
    await shot(page, 'admin-priority-rules-zh');

    await useLanguage(page, 'en');
    await go(page, '/admin/settings/call-rules');
    const calls = page.getByTestId('setting-page-call-rules');
    await expect(calls.getByTestId('call-rule')).toHaveCount(callsBefore.rules.length);
    const brands = calls.getByTestId('call-rule').first().getByTestId('call-brands');
    await typeWord(page, brands, 'B'.repeat(101));
    await expect(calls.getByTestId('call-rule').first()).toContainText('is longer than 100 characters');
    await dropLastWord(page, brands, 'B'.repeat(101));
    await expect(calls.getByTestId('call-rule').first()).not.toContainText('is longer than 100 characters');
    await typeWord(page, brands, brand);
    await expect(brands).toContainText(brand);
    await calls.getByTestId('save-call-rules').focus();
    await page.keyboard.press('Enter');
    const callSaved = callsBefore.version + 1;
    await expect(calls.getByTestId('setting-version')).toHaveText(`Version ${callSaved}`);
    const callsStored = await call<CallRules>(admin, 'GET', '/call-rules');
    expect(callsStored.rules[0]?.brands).toEqual([...(callsBefore.rules[0]?.brands ?? []), brand]);
    expect(callsStored.rules[0]?.assignee).toEqual(callsBefore.rules[0]?.assignee);

    await calls.getByTestId('history-call-rules').click();
    const callDrawer = page.getByTestId('setting-history');
    await callDrawer.getByTestId(`history-version-${callSaved}`).click();
    await expect(callDrawer.getByTestId(`history-detail-${callSaved}`)).toContainText(brand);
    await expect(callDrawer.getByTestId(`history-detail-${callSaved}`)).toContainText('Callback specialist');
    await settle(page);
    await shot(page, 'admin-call-rules-history-en');
    await page.keyboard.press('Escape');
    await expect(callDrawer).toBeHidden();

    // Someone else saves meanwhile: this save is said to be stale and what was typed stays.
    await call(admin, 'POST', '/call-rules', { rules: callsStored.rules }, { 'if-match': `"${callsStored.version}"` });
    await typeWord(page, brands, 'Ricoh');
    await calls.getByTestId('save-call-rules').focus();
    await page.keyboard.press('Enter');
    await expect(calls.getByTestId('setting-error')).toContainText('Someone changed this record meanwhile');
    await expect(calls.getByTestId('call-rule').first()).toContainText('Ricoh');
    await settle(page);
    await noSeriousA11yViolations(page);
    await shot(page, 'admin-call-rules-en');
  } finally {
    // Put both settings back as they were (other specs count on the defaults).
    const p = await call<PriorityRules>(admin, 'GET', '/priority-rules');
    await call(admin, 'POST', '/priority-rules', { rules: priorityBefore.rules }, { 'if-match': `"${p.version}"` });
    const c = await call<CallRules>(admin, 'GET', '/call-rules');
    await call(admin, 'POST', '/call-rules', { rules: callsBefore.rules }, { 'if-match': `"${c.version}"` });
  }
  const restored = await call<PriorityRules>(admin, 'GET', '/priority-rules');
  expect(restored.rules).toEqual(priorityBefore.rules);
  expect((await call<CallRules>(admin, 'GET', '/call-rules')).rules).toEqual(callsBefore.rules);
});
