import { generate } from 'otplib';
import type { Page } from 'playwright-core';

/**
 * Signs a staff member in through /staff/entrar: password, then the TOTP step (staff 2FA is
 * mandatory). A code is accepted once, so when another test used this time step's code the
 * helper waits for the next step.
 */
export async function staffSignIn(
  page: Page,
  platform: { appUrl: string; staffEmail: string; staffPassword: string; staffTotpSecret: string },
) {
  await page.goto(`${platform.appUrl}/staff/entrar`);
  await page.getByTestId('staff-login-email').fill(platform.staffEmail);
  await page.getByTestId('staff-login-password').fill(platform.staffPassword);
  await page.getByTestId('staff-login-submit').click();
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByTestId('second-factor-code').fill(await generate({ secret: platform.staffTotpSecret }));
    await page.getByTestId('second-factor-submit').click();
    const outcome = await Promise.race([
      page.waitForURL(/\/staff\/cadastros/).then(() => 'ok' as const),
      page
        .getByTestId('second-factor-error')
        .waitFor()
        .then(() => 'retry' as const),
    ]);
    if (outcome === 'ok') return;
    await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
  }
  throw new Error('staff second factor refused three times');
}
