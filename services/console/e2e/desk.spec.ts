import { expect, test } from '@playwright/test';
import { noSeriousA11yViolations, shot, signIn, useLanguage } from './helpers';

for (const lang of ['zh-CN', 'en'] as const) {
  test(`agent opens a ticket for a known caller by keyboard only, found by phone (${lang})`, async ({ page }) => {
    await page.goto('/');
    await useLanguage(page, lang);
    await signIn(page, 'agent1');
    await expect(page).toHaveURL(/\/desk$/);
    const lookup = page.locator('#desk-lookup');
    await expect(lookup).toBeFocused();
    await shot(page, `desk-${lang}`);
    // The phone typed in another formatting than it was registered in.
    await page.keyboard.type('020-5555-0101');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('customer-title')).toContainText('天河印务有限公司');
    await expect(page.getByTestId('symptom')).toBeFocused();
    // The form has the caller's phone unmasked (revealed for this ticket, audit-logged).
    await expect(page.locator('#ticket_customer_phone')).toHaveValue('+86 20 5555 0101');
    await page.keyboard.type(lang === 'en' ? 'black streaks' : '复印件有黑线');
    await expect(page.getByTestId('faq')).toContainText('FAQ');
    // The priority as the rules will compute it: a key account's fault.
    await expect(page.getByTestId('priority-preview')).toContainText('key account fault');
    await shot(page, `desk-caller-${lang}`);
    await page.keyboard.press('Control+Enter');
    const toast = page.locator('.ant-message');
    await expect(toast).toContainText(/T\d{4}-\d{6}/);
    // The ticket is among the customer's open tickets.
    await expect(page.getByText(/T\d{4}-\d{6}/).first()).toBeVisible();
    await noSeriousA11yViolations(page);
  });
}
