import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

const approvedCustomer = () =>
  approvedCustomer_(browser, platform, { label: 'pk', fullName: 'Paula Chave Souza', company: 'Chave' });

async function login(page: Page, email: string, password: string) {
  await page.goto(`${platform.appUrl}/entrar`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

describe('passkeys in a real browser (CDP virtual authenticator)', () => {
  it('registers a passkey on the security page, then signs in with password + passkey', async () => {
    const { email, password } = await approvedCustomer();
    const context = await browser.newContext({ locale: 'pt-BR' });
    const page = await newPage(context);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });

    await login(page, email, password);
    await page.waitForURL(/\/painel$/);
    await page.getByTestId('nav-security').click();
    await page.waitForURL(/\/painel\/seguranca/);
    await page.getByTestId('passkeys-empty').waitFor();
    await page.getByTestId('passkey-name-input').fill('Notebook do trabalho');
    await page.getByTestId('passkey-add').click();
    await page.getByTestId('passkey-row').waitFor();
    expect(await page.getByTestId('passkey-name').textContent()).toBe('Notebook do trabalho');
    expect(await page.getByTestId('passkeys-notice').textContent()).toContain('cadastrada');
    await screenshot(page, 'passkeys-01-registered');

    await page.getByTestId('logout-button').click();
    await page.waitForURL(/\/entrar/);

    await login(page, email, password);
    await page.getByTestId('second-factor-passkey').waitFor();
    await screenshot(page, 'passkeys-02-second-factor');
    await page.getByTestId('second-factor-passkey').click();
    await page.waitForURL(/\/painel$/);
    await screenshot(page, 'passkeys-03-signed-in');

    // The passkey's last use shows on the security page; removing it is possible (re-authenticated).
    await page.getByTestId('nav-security').click();
    await page.getByTestId('passkey-row').waitFor();
    await expect.poll(async () => page.getByTestId('passkey-row').textContent()).toContain('Último uso');
    // Removal asks for the password and a second factor: here the passkey itself (no code typed).
    await page.getByTestId('passkey-remove').click();
    await page.getByTestId('passkey-remove-password').fill(password);
    await page.getByTestId('passkey-remove-confirm').click();
    await page.getByTestId('passkeys-empty').waitFor();
    await context.close();
  });
});
