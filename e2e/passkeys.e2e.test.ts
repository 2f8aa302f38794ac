import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readMail } from '../packages/local-services/src/mail-client';
import { launchBrowser, screenshot } from './support/browser';
import { staffSignIn } from './support/staff';

const platform = inject('platform');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function validCpf(): string {
  const d = Array.from({ length: 9 }, () => Math.floor(Math.random() * 10));
  if (d.every((x) => x === d[0])) d[0] = (d[0] + 1) % 10;
  const check = (digits: number[]) => {
    const rest = digits.reduce((acc, x, i) => acc + x * (digits.length + 1 - i), 0) % 11;
    return rest < 2 ? 0 : 11 - rest;
  };
  d.push(check(d));
  d.push(check(d));
  return d.join('');
}

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

async function post(path: string, body: unknown) {
  const res = await fetch(platform.appUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: platform.appUrl },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

/** A customer signed up through the API and approved by staff in the browser. */
async function approvedCustomer() {
  const email = `pk-${Date.now().toString(36)}@empresa.test`;
  const password = 'Backup-Seguro-2026';
  const since = new Date(Date.now() - 1000);
  const started = await post('/api/v1/signup', {
    fullName: 'Paula Chave Souza',
    companyName: `Chave ${Date.now().toString(36)}`,
    email,
    document: validCpf(),
    phone: '(11) 98765-4321',
    password,
    acceptTerms: true,
  });
  expect(started.status).toBe(202);
  const mail = await readMail(platform.mailUrl, { to: email, since, subjectIncludes: 'código' });
  const verified = await post('/api/v1/signup/verify', {
    signupId: started.body.signupId,
    code: /\b(\d{6})\b/.exec(mail.text)![1],
  });
  expect(verified.status).toBe(201);
  const staffContext = await browser.newContext({ locale: 'pt-BR' });
  const staff = await newPage(staffContext);
  await staffSignIn(staff, platform);
  await staff.getByTestId(`account-approve-${email}`).click();
  await expect
    .poll(async () => (await staff.getByTestId(`account-status-${email}`).textContent()) ?? '', {
      timeout: 30_000,
    })
    .toContain('aprovada');
  await staffContext.close();
  return { email, password };
}

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

    // The passkey's last use shows on the security page; removing it is possible.
    await page.getByTestId('nav-security').click();
    await page.getByTestId('passkey-row').waitFor();
    await expect.poll(async () => page.getByTestId('passkey-row').textContent()).toContain('Último uso');
    await page.getByTestId('passkey-remove').click();
    await page.getByTestId('passkeys-empty').waitFor();
    await context.close();
  });
});
