import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { approvedCustomer, newPage } from './support/customers';
import { staffSignIn } from './support/staff';

const platform = inject('platform');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('preferences and account policy in a real browser', () => {
  it('applies the dark theme, and the owner requires 2FA for the whole team', async () => {
    const { email, password } = await approvedCustomer(browser, platform, {
      label: 'tema',
      fullName: 'Rita Tema Escuro',
      company: 'Tema',
    });
    const context = await browser.newContext({ locale: 'pt-BR' });
    const page = await newPage(context);
    await page.goto(`${platform.appUrl}/entrar`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/painel$/);

    // Theme: dark is applied at once and on the next page loads (cookie + <html data-theme>).
    await page.goto(`${platform.appUrl}/painel/perfil`);
    await page.getByTestId('profile-form').waitFor();
    await page.locator('label', { hasText: 'Escuro' }).click();
    await page.getByTestId('profile-save').click();
    await page.getByTestId('profile-saved').filter({ hasText: /.+/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.goto(`${platform.appUrl}/painel`);
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    // The page background is the darkest slate, not the light one.
    expect(background).not.toMatch(/oklch\(0\.98|rgb\(248, 250, 252\)/);
    await page.getByTestId('dashboard-storage-card').waitFor();
    await page.getByTestId('first-key-banner').waitFor();
    await screenshot(page, 'preferences-01-dashboard-dark');

    // Owner: require 2FA from every member.
    await page.goto(`${platform.appUrl}/painel/seguranca`);
    await page.getByTestId('account-policy-section').waitFor();
    await expect.poll(() => page.getByTestId('account-policy-status').textContent()).toContain('opcional');
    await page.getByTestId('account-policy-toggle').click();
    // The owner has no second factor yet: the portal now asks for one (TOTP or passkey).
    await page.getByTestId('two-factor-required').waitFor();
    await screenshot(page, 'preferences-02-two-factor-required-dark');

    // Back to light for the rest of the session.
    await page.evaluate(() => {
      document.cookie = 'theme=light; path=/';
    });
    await context.close();
  });

  it('a staff member sees their own security page (password, recovery codes)', async () => {
    const context = await browser.newContext({ locale: 'pt-BR' });
    const staff = await newPage(context);
    await staffSignIn(staff, platform);
    await staff.getByTestId('staff-nav-security').click();
    await staff.waitForURL(/\/staff\/seguranca/);
    await expect
      .poll(() => staff.getByTestId('staff-recovery-remaining').textContent())
      .toMatch(/\d+ código/);
    await staff.getByTestId('staff-recovery-regenerate').click();
    await staff.getByTestId('staff-recovery-password').waitFor();
    await screenshot(staff, 'preferences-03-staff-security');
    await context.close();
  });
});
