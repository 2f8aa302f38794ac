import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { readMail } from '../packages/local-services/src/mail-client';
import { launchBrowser, screenshot } from './support/browser';
import { approvedCustomer as approvedCustomer_, newPage } from './support/customers';

const platform = inject('platform');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The code `steps` time steps from now (a code is accepted once, so each login takes a newer step). */
const code = (secret: string, steps = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

const approvedCustomer = () =>
  approvedCustomer_(
    browser,
    platform,
    { label: 'seg', fullName: 'Joana Segura Lima', company: 'Segura' },
    async (staff) => {
      // The super admin's staff pages (2FA enrolled in platform-setup).
      await staff.getByTestId('staff-nav-team').click();
      await staff.getByTestId(`staff-member-${platform.staffEmail}`).waitFor();
      await screenshot(staff, 'security-08-staff-team');
      await staff.getByTestId('staff-nav-settings').click();
      await staff.getByTestId('staff-settings-form').waitFor();
      await screenshot(staff, 'security-09-staff-settings');
    },
  );

async function login(page: Page, email: string, password: string) {
  await page.goto(`${platform.appUrl}/entrar`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

describe('account security in a real browser', () => {
  it('TOTP enrolment and login, session revocation, password recovery by e-mail (2FA still applies)', async () => {
    const { email, password } = await approvedCustomer();

    // 1. Enrol TOTP on the security page.
    const first = await browser.newContext({ locale: 'pt-BR' });
    const a = await newPage(first);
    await login(a, email, password);
    await a.waitForURL(/\/painel$/);
    await a.getByTestId('nav-security').click();
    await a.waitForURL(/\/painel\/seguranca/);
    await a.getByTestId('two-factor-enable').click();
    await a.getByTestId('totp-qr').waitFor();
    await screenshot(a, 'security-01-totp-qr');
    const secret = (await a.getByTestId('totp-secret').textContent())!.trim();
    await a.getByTestId('totp-code').fill(await code(secret, -1));
    await a.getByTestId('totp-confirm').click();
    await a.getByTestId('recovery-codes').waitFor();
    await expect.poll(async () => a.getByTestId('two-factor-status').textContent()).toBe('Ativa');
    await screenshot(a, 'security-02-recovery-codes');

    // 2. A second device: password, then the code.
    const second = await browser.newContext({ locale: 'pt-BR' });
    const b = await newPage(second);
    await login(b, email, password);
    await b.getByTestId('second-factor-code').waitFor();
    await screenshot(b, 'security-03-second-factor');
    await b.getByTestId('second-factor-code').fill(await code(secret, 0));
    await b.getByTestId('second-factor-submit').click();
    await b.waitForURL(/\/painel$/);

    // 3. End the second device's session from the first one.
    await a.reload();
    // The lists load after hydration, one API call each (seconds on a busy machine).
    await expect.poll(async () => a.getByTestId('session-row').count(), { timeout: 15_000 }).toBe(2);
    await screenshot(a, 'security-04-sessions');
    await a.locator('[data-testid="session-row"][data-current="false"]').getByTestId('session-end').click();
    await expect.poll(async () => a.getByTestId('session-row').count(), { timeout: 15_000 }).toBe(1);
    await b.goto(`${platform.appUrl}/painel/buckets`);
    await b.waitForURL(/\/entrar/);

    // 4. Password recovery by e-mail link.
    const third = await browser.newContext({ locale: 'pt-BR' });
    const c = await newPage(third);
    await c.goto(`${platform.appUrl}/entrar`);
    await c.getByTestId('login-forgot-link').click();
    await c.waitForURL(/\/recuperar-senha/);
    await c.getByTestId('forgot-email').fill(email);
    const since = new Date(Date.now() - 1000);
    await c.getByTestId('forgot-submit').click();
    await c.getByTestId('forgot-sent').waitFor();
    await screenshot(c, 'security-05-forgot-sent');
    const mail = await readMail(platform.mailUrl, { to: email, since, subjectIncludes: 'Redefinição' });
    const link = /(http\S+\/redefinir-senha\?token=\S+)/.exec(mail.text)![1];
    await c.goto(link.replace(/^https?:\/\/[^/]+/, platform.appUrl));
    const newPassword = 'Nova-Senha-Segura-2027';
    await c.getByTestId('reset-password').fill(newPassword);
    await c.getByTestId('reset-confirm').fill(newPassword);
    await screenshot(c, 'security-06-reset-form');
    await c.getByTestId('reset-submit').click();
    await c.getByTestId('reset-done').waitFor();

    // The reset ended every session, the first device's too.
    await a.goto(`${platform.appUrl}/painel/buckets`);
    await a.waitForURL(/\/entrar/);

    // 2FA is not bypassed: the new password leads to the code step.
    await login(c, email, newPassword);
    await c.getByTestId('second-factor-code').waitFor();
    await c.getByTestId('second-factor-code').fill(await code(secret, 1));
    await c.getByTestId('second-factor-submit').click();
    await c.waitForURL(/\/painel$/);
    await c.goto(`${platform.appUrl}/painel/seguranca`);
    await c.getByTestId('history-row').first().waitFor();
    await screenshot(c, 'security-07-history');
    await c.getByTestId('nav-profile').click();
    await c.getByTestId('profile-form').waitFor();
    await screenshot(c, 'security-10-profile');

    await first.close();
    await second.close();
    await third.close();
  });
});
