import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readMail } from '../packages/local-services/src/mail-client';
import { approvedOwnerByApi } from './support/api';
import { newPage } from './support/customers';
import { launchBrowser, screenshot } from './support/browser';

const platform = inject('platform');
/** An approved account made through the API (the sign-up and approval UI have their own test). */
const approvedOwner = () =>
  approvedOwnerByApi(platform, { label: 'dona', fullName: 'Joana Dona Silva', company: 'Revenda Backup' });
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${platform.appUrl}/entrar`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/painel/);
}

/** Opens the invitation link from the real e-mail, sets name and password, then signs in. */
async function acceptFromMail(context: BrowserContext, email: string, since: Date, shot: string) {
  const mail = await readMail(platform.mailUrl, { to: email, since, subjectIncludes: 'Convite' });
  expect(mail.text).toContain('Este link expira em 7 dias.');
  const link = /(https?:\/\/\S+\/convite\?token=\S+)/.exec(mail.text)![1];
  const page = await newPage(context);
  await page.goto(link);
  await page.getByTestId('invitation-form').waitFor();
  await page.getByTestId('invitation-fullname').fill('Carlos Convidado Souza');
  await page.getByTestId('invitation-password').fill('Convite-Seguro-2026');
  await screenshot(page, `${shot}-accept-filled`);
  await page.getByTestId('invitation-submit').click();
  await page.getByTestId('invitation-done').waitFor();
  await screenshot(page, `${shot}-accept-done`);
  await page.getByTestId('invitation-sign-in').click();
  await page.waitForURL(/\/entrar/);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill('Convite-Seguro-2026');
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/painel/);
  return page;
}

async function inviteInUi(page: Page, email: string, role: 'developer' | 'external_client', bucket?: string) {
  await page.getByTestId('team-invite-open').click();
  await page.getByTestId('invite-modal').waitFor();
  await page.getByTestId('invite-email').fill(email);
  await page.getByTestId(`invite-role-${role}`).check();
  if (bucket) {
    await page.getByTestId(`invite-bucket-${bucket}`).check();
    await page.getByTestId(`invite-bucket-access-${bucket}`).selectOption('read');
  }
}

describe('team and roles in a real browser', () => {
  it('owner invites an External Client with one bucket (Read) and a Developer; each sees what the role allows', async () => {
    const owner = await approvedOwner();
    const shared = `cliente-acme-${unique()}`;
    const internal = `interno-${unique()}`;
    for (const name of [shared, internal])
      expect((await owner.api.post('/api/v1/buckets', { name })).status).toBe(201);

    // The owner's team page
    const ownerContext = await browser.newContext({ locale: 'pt-BR' });
    const page = await newPage(ownerContext);
    await signIn(page, owner.email, owner.password);
    await page.getByTestId('nav-team').click();
    await page.waitForURL(/\/painel\/equipe/);
    await page.getByTestId(`member-row-${owner.email}`).waitFor();
    await screenshot(page, 'team-01-owner-team-page');

    // 1. External Client with one bucket, Read
    const clientEmail = `ti-${unique()}@cliente-acme.test`;
    const since = new Date(Date.now() - 1000);
    await inviteInUi(page, clientEmail, 'external_client', shared);
    await screenshot(page, 'team-02-invite-external-client');
    await page.getByTestId('invite-submit').click();
    await page.getByTestId(`invitation-row-${clientEmail}`).waitFor();
    await expect(page.getByTestId('team-notice').textContent()).resolves.toContain(clientEmail);
    await screenshot(page, 'team-03-invitation-pending');

    const clientContext = await browser.newContext({ locale: 'pt-BR' });
    const client = await acceptFromMail(clientContext, clientEmail, since, 'team-04-client');
    await client.waitForURL(/\/painel\/buckets/);
    await client.getByTestId(`bucket-row-${shared}`).waitFor();
    await expect(client.getByTestId(`bucket-access-${shared}`).textContent()).resolves.toContain('Leitura');
    expect(await client.getByTestId(`bucket-row-${internal}`).count()).toBe(0);
    expect(await client.getByTestId('bucket-create-open').count()).toBe(0);
    for (const hidden of ['nav-dashboard', 'nav-keys', 'nav-team'])
      expect(await client.getByTestId(hidden).count(), hidden).toBe(0);
    await screenshot(client, 'team-05-client-sees-only-shared-bucket');

    // 2. Developer: every bucket, no create button, no team
    const devEmail = `dev-${unique()}@empresa.test`;
    const since2 = new Date(Date.now() - 1000);
    await inviteInUi(page, devEmail, 'developer');
    await page.getByTestId('invite-submit').click();
    await page.getByTestId(`invitation-row-${devEmail}`).waitFor();
    const devContext = await browser.newContext({ locale: 'pt-BR' });
    const dev = await acceptFromMail(devContext, devEmail, since2, 'team-06-dev');
    await dev.getByTestId('nav-buckets').click();
    await dev.waitForURL(/\/painel\/buckets/);
    await dev.getByTestId(`bucket-row-${shared}`).waitFor();
    await dev.getByTestId(`bucket-row-${internal}`).waitFor();
    expect(await dev.getByTestId('bucket-create-open').count()).toBe(0);
    expect(await dev.getByTestId('nav-team').count()).toBe(0);
    await screenshot(dev, 'team-07-developer-buckets-read-only');

    // 3. Back on the owner's page: both members, then deactivate the developer
    await page.reload();
    await page.getByTestId(`member-row-${clientEmail}`).waitFor();
    await page.getByTestId(`member-row-${devEmail}`).waitFor();
    await page.getByTestId(`member-actions-${devEmail}`).click();
    await screenshot(page, 'team-08-member-actions');
    await page.getByTestId(`member-deactivate-${devEmail}`).click();
    await page.getByTestId('confirm-modal').waitFor();
    await screenshot(page, 'team-09-confirm-deactivate');
    await page.getByTestId('confirm-submit').click();
    await expect
      .poll(async () => (await page.getByTestId(`member-status-${devEmail}`).textContent()) ?? '')
      .toContain('Desativado');
    await screenshot(page, 'team-10-developer-deactivated');

    // The developer's session ended at once: the next page load goes to the login.
    await dev.goto(`${platform.appUrl}/painel/buckets`);
    await dev.waitForURL(/\/entrar/);

    await ownerContext.close();
    await clientContext.close();
    await devContext.close();
  });
});
