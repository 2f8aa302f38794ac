import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { generate as generateTotp } from 'otplib';
import type { Browser } from 'playwright-core';
import { readMail } from '../packages/local-services/src/mail-client';
import { HttpSession } from '../apps/api/test/support/http';
import { launchBrowser, screenshot } from './support/browser';
import { newPage, validCpf } from './support/customers';
import { staffSignIn } from './support/staff';

const platform = inject('platform');
let browser: Browser;
let db: pg.Client;

beforeAll(async () => {
  browser = await launchBrowser();
  db = new pg.Client({ connectionString: platform.databaseUrl });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await browser?.close();
});

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** Staff over the API: password, then the mandatory TOTP (a code counts once: wait a step if used). */
async function staffApiSession() {
  for (let attempt = 0; attempt < 3; attempt++) {
    const staff = new HttpSession(platform.apiUrl);
    const login = await staff.post<{ secondFactorRequired?: boolean; challengeToken?: string }>(
      '/api/v1/staff/auth/login',
      { email: platform.staffEmail, password: platform.staffPassword },
    );
    expect(login.status).toBe(200);
    if (!login.body.secondFactorRequired) return staff;
    const second = await staff.post('/api/v1/staff/auth/login/second-factor', {
      challengeToken: login.body.challengeToken,
      code: await generateTotp({ secret: platform.staffTotpSecret }),
    });
    if (second.status === 200) return staff;
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 500));
  }
  throw new Error('staff second factor refused three times');
}

/** An approved account with one bucket, made through the API. */
async function approvedAccountWithBucket() {
  const email = `recon-${unique()}@empresa.test`;
  const password = 'Backup-Seguro-2026';
  const company = `Reconcilia ${unique()}`;
  const anon = new HttpSession(platform.apiUrl);
  const since = new Date(Date.now() - 1000);
  const started = await anon.post<{ signupId: string }>('/api/v1/signup', {
    fullName: 'Rita Reconcilia Souza',
    companyName: company,
    email,
    document: validCpf(),
    phone: '(11) 98765-4321',
    password,
    acceptTerms: true,
  });
  expect(started.status).toBe(202);
  const mail = await readMail(platform.mailUrl, { to: email, since, subjectIncludes: 'código' });
  const verified = await anon.post<{ accountId: string }>('/api/v1/signup/verify', {
    signupId: started.body.signupId,
    code: /\b(\d{6})\b/.exec(mail.text)![1],
  });
  expect(verified.status).toBe(201);
  const staff = await staffApiSession();
  expect((await staff.post(`/api/v1/staff/accounts/${verified.body.accountId}/approve`)).status).toBe(200);
  const owner = new HttpSession(platform.apiUrl);
  expect((await owner.post('/api/v1/auth/login', { email, password })).status).toBe(200);
  const bucket = `recon-${unique()}`;
  expect((await owner.post('/api/v1/buckets', { name: bucket })).status).toBe(201);
  return { accountId: verified.body.accountId, company, bucket };
}

describe('reconciler page (staff)', () => {
  it('runs a report that shows the drift grouped by account, then repairs what can be repaired', async () => {
    const { accountId, company, bucket } = await approvedAccountWithBucket();
    // Drift between the database and MinIO: the database now says the bucket is versioned (MinIO
    // says no: repairable), and names a bucket MinIO never had (report only).
    const missing = `recon-ausente-${unique()}`;
    await db.query('update buckets set versioning = true where name = $1', [bucket]);
    await db.query('insert into buckets (account_id, name) values ($1, $2)', [accountId, missing]);

    try {
      const context = await browser.newContext({ locale: 'pt-BR', viewport: { width: 1280, height: 900 } });
      const page = await newPage(context);
      page.setDefaultTimeout(60_000);
      await staffSignIn(page, platform);
      await page.getByTestId('staff-nav-reconciler').click();
      await page.waitForURL(/\/staff\/reconciliacao/);
      await expect.poll(() => page.getByRole('heading', { name: 'Reconciliação' }).count()).toBe(1);
      await screenshot(page, 'reconciler-01-page');

      await page.getByTestId('reconciler-run-report').click();
      const detail = page.getByTestId('reconciler-run-detail');
      await detail.waitFor();
      const group = detail.locator(
        `[data-testid="reconciler-account-group"][data-account-id="${accountId}"]`,
      );
      // Runs check every account on the shared platform (other browser tests add theirs): give
      // them time.
      const slow = { timeout: 120_000, interval: 500 };
      await expect.poll(() => group.locator('h3').textContent(), slow).toContain(company);
      const versioning = group.locator(
        `[data-testid="reconciler-finding-bucket_versioning"][data-resource="${bucket}"]`,
      );
      await expect.poll(() => versioning.textContent(), slow).toContain('Versionamento');
      expect(await versioning.textContent()).toContain('Não corrigido');
      const absent = group.locator(
        `[data-testid="reconciler-finding-bucket_missing"][data-resource="${missing}"]`,
      );
      expect(await absent.textContent()).toContain('Só relatório');
      expect(await group.getByTestId('reconciler-finding-policy_mismatch').count()).toBe(1);
      expect(await detail.getByTestId('reconciler-run-summary').textContent()).toContain('Só relatório');
      await screenshot(page, 'reconciler-02-report');

      await page.getByTestId('reconciler-run-repair').click();
      await page.getByTestId('reconciler-repair-modal').waitFor();
      await screenshot(page, 'reconciler-03-repair-confirm');
      await page.getByTestId('reconciler-repair-confirm').click();
      await expect
        .poll(async () => (await detail.getByTestId('reconciler-run-summary').textContent()) ?? '', slow)
        .toContain('Correção');
      const repaired = detail.locator(
        `[data-testid="reconciler-account-group"][data-account-id="${accountId}"] [data-testid="reconciler-finding-bucket_versioning"]`,
      );
      expect(await repaired.textContent()).toContain('Corrigido');
      expect(
        await detail
          .locator(`[data-testid="reconciler-finding-bucket_missing"][data-resource="${missing}"]`)
          .textContent(),
      ).toContain('Só relatório');
      // Both runs are in the recent-runs table.
      await expect
        .poll(() => page.getByTestId('reconciler-runs').locator('tbody tr').count(), slow)
        .toBeGreaterThanOrEqual(2);
      await screenshot(page, 'reconciler-04-repaired');

      // English.
      await context.addCookies([{ name: 'lang', value: 'en', url: platform.appUrl }]);
      await page.reload();
      await page.getByTestId('reconciler-runs').waitFor();
      await page.getByTestId('reconciler-run-view').first().click();
      await detail.waitFor();
      expect(await detail.textContent()).toContain('Bucket missing on MinIO');
      await screenshot(page, 'reconciler-05-english');
      await context.close();
    } finally {
      await db.query('delete from buckets where name = $1 and account_id = $2', [missing, accountId]);
    }
  });
});
