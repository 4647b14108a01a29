// Technician profiles from the board: certificates by expiry, shift, capacity, leave; adding
// leave, editing a profile with inline checks and the service's 422 on its field.
import { expect, test, type Page } from '@playwright/test';
import { noSeriousA11yViolations, shot, signIn, useLanguage } from './helpers';

async function openProfiles(page: Page, lang: 'zh-CN' | 'en'): Promise<void> {
  await signIn(page, 'dispatch1');
  await useLanguage(page, lang);
  await page.getByTestId('nav-board').click();
  await page.getByTestId('to-technicians').click();
  await expect(page).toHaveURL(/\/board\/technicians$/);
  await expect(page.getByTestId('tech-王芳')).toBeVisible();
}

test('profiles in Chinese from a lane\'s name: an expired certificate is red, one ending within 30 days amber, a valid one green', async ({ page }) => {
  await signIn(page, 'dispatch1');
  await useLanguage(page, 'zh-CN');
  await page.getByTestId('nav-board').click();
  await page.getByTestId('profile-王芳').click();
  await expect(page).toHaveURL(/\/board\/technicians\?id=/);
  const wang = page.getByTestId('tech-王芳');
  await expect(wang).toHaveAttribute('data-current', 'true');
  await expect(wang.getByTestId('cert-fax')).toHaveAttribute('data-expiry', 'expired');
  await expect(wang.getByTestId('cert-fax')).toContainText('已过期');
  await expect(wang.getByTestId('cert-printer')).toHaveAttribute('data-expiry', 'expiring');
  await expect(wang.getByTestId('cert-printer')).toContainText('剩 12 天');
  await expect(page.getByTestId('tech-李伟').getByTestId('cert-copier')).toHaveAttribute('data-expiry', 'valid');
  await expect(page.getByTestId('tech-张敏')).toContainText('年假');
  await expect(page.getByTestId('tech-张敏')).toContainText('休假');
  await expect(page.getByTestId('tech-李伟')).toContainText('08:50–17:30');
  await shot(page, 'technicians-zh-CN');
  await noSeriousA11yViolations(page);
});

test('a dispatcher adds leave and edits a profile in English; bad input is said on its field', async ({ page }) => {
  await openProfiles(page, 'en');
  const row = page.getByTestId('tech-王芳');

  // Leave: the last day before the first is refused in the form.
  await row.getByTestId('leave-王芳').click();
  await expect(page.locator('#leave_from')).toBeFocused();
  const day = (offset: number) => new Date(Date.now() + offset * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);
  await page.locator('#leave_from').fill(day(6));
  await page.locator('#leave_from').press('Enter');
  await page.locator('#leave_to').click();
  await page.locator('#leave_to').fill(day(5));
  await page.locator('#leave_to').press('Enter');
  await page.locator('#leave_reason').fill('training');
  await page.getByTestId('leave-submit').click();
  await expect(page.locator('#leave_to_help')).toContainText('cannot be before');
  await page.locator('#leave_to').click();
  await page.locator('#leave_to').fill(day(7));
  // Enter in the last field submits the form.
  await page.locator('#leave_to').press('Enter');
  await expect(page.getByTestId('leave-dialog')).toHaveCount(0);
  await expect(row).toContainText('training');

  // Profile: capacity out of the documented range is refused before sending…
  await row.getByTestId('edit-王芳').click();
  await expect(page.locator('#profile_name')).toBeFocused();
  await page.locator('#profile_daily_capacity').fill('60');
  await page.getByTestId('profile-submit').click();
  await expect(page.locator('#profile_daily_capacity_help')).toContainText('1 to 50');
  // …a district longer than the service allows comes back as a 422 on the district.
  await page.locator('#profile_daily_capacity').fill('5');
  // The capacity's message folds away before Save is clicked, so the button no longer moves.
  await expect(page.locator('#profile_daily_capacity_help')).toHaveCount(0);
  await page.locator('#profile_district').fill('p'.repeat(70));
  await page.getByTestId('profile-submit').click();
  await expect(page.locator('#profile_district_help')).toBeVisible();
  await expect(page.getByRole('dialog')).toBeVisible();
  // Let the message's fade-in, the button's click effect and its hover colour end before colours are measured.
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => !document.querySelector('[class*="show-help-appear"], [class*="show-help-enter"], .ant-wave, [class*="wave-motion"], .ant-btn-loading'));
  await page.waitForTimeout(300);
  await shot(page, 'technician-edit-en');
  await noSeriousA11yViolations(page);
  await page.locator('#profile_district').fill('panyu');
  await expect(page.locator('#profile_district_help')).toHaveCount(0);
  await page.getByTestId('profile-submit').click();
  await expect(page.getByTestId('profile-dialog')).toHaveCount(0);
  await expect(row.getByTestId('capacity')).toHaveText('5');
  await shot(page, 'technicians-en');
  await noSeriousA11yViolations(page);
});
