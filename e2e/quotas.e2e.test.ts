import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Browser, Page } from 'playwright-core';
import { readMail } from '../packages/local-services/src/mail-client';
import { approvedOwnerByApi } from './support/api';
import { launchBrowser, screenshot } from './support/browser';
import { newPage } from './support/customers';
import { staffSignIn } from './support/staff';

const platform = inject('platform');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** An approved account with one bucket and one key, made through the API. */
async function approvedOwnerWithData() {
  const {
    email,
    password,
    company,
    accountId,
    api: owner,
  } = await approvedOwnerByApi(platform, {
    label: 'quota',
    fullName: 'Beatriz Quota Lima',
    company: 'Arquivos Quota',
  });
  const bucket = `fotos-${unique()}`;
  expect((await owner.post('/api/v1/buckets', { name: bucket })).status).toBe(201);
  const key = await owner.post<{ key: { accessKeyId: string }; secretAccessKey: string }>(
    '/api/v1/access-keys',
    { name: 'backup' },
  );
  expect(key.status).toBe(201);
  const s3 = new S3Client({
    endpoint: platform.minioEndpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: key.body.key.accessKeyId, secretAccessKey: key.body.secretAccessKey },
    maxAttempts: 1,
  });
  return { email, password, company, accountId, bucket, s3 };
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${platform.appUrl}/entrar`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/painel/);
}

describe('quota in a real browser', () => {
  it('an account over its quota sees the block; the owner asks for more, staff approves, the dashboard shows the new quota in green', async () => {
    const owner = await approvedOwnerWithData();
    await owner.s3.send(
      new PutObjectCommand({ Bucket: owner.bucket, Key: 'foto.jpg', Body: Buffer.alloc(9000, 1) }),
    );
    // A tiny quota set in the database (the smallest one staff can set is 1 GB), as the
    // integration tests do; the worker's quota check then blocks uploads on its own.
    const db = new pg.Client({ connectionString: platform.databaseUrl });
    await db.connect();
    await db.query('update accounts set quota_bytes = 8000 where id = $1', [owner.accountId]);
    await db.end();

    const context = await browser.newContext({ locale: 'pt-BR' });
    const page = await newPage(context);
    await signIn(page, owner.email, owner.password);
    await expect
      .poll(
        async () => {
          await page.goto(`${platform.appUrl}/painel`);
          await page.getByTestId('dashboard-storage-card').waitFor();
          return page.getByTestId('dashboard-writes-blocked').isVisible();
        },
        { timeout: 120_000, interval: 3000 },
      )
      .toBe(true);
    expect(await page.getByTestId('usage-bar').getAttribute('data-level')).toBe('critical');
    await expect(
      owner.s3.send(new PutObjectCommand({ Bucket: owner.bucket, Key: 'nova.jpg', Body: 'x' })),
    ).rejects.toMatchObject({ name: 'AccessDenied' });
    await screenshot(page, 'quota-dashboard-blocked');

    await page.getByTestId('dashboard-writes-blocked-link').click();
    await page.waitForURL(/\/painel\/quota/);
    await page.getByTestId('quota-blocked').waitFor();
    // Client-side validation first, then the real request.
    await page.getByTestId('quota-requested-gb').fill('0');
    await page.getByTestId('quota-request-submit').click();
    await page.getByTestId('quota-requested-gb-error').waitFor();
    await page.getByTestId('quota-requested-gb').fill('50');
    await page.getByTestId('quota-reason').fill('Fotos dos clientes cresceram');
    await screenshot(page, 'quota-request-filled');
    await page.getByTestId('quota-request-submit').click();
    await page.getByTestId('quota-pending').waitFor();
    expect(await page.getByTestId('quota-pending').textContent()).toContain('50');
    await screenshot(page, 'quota-request-pending');

    const staffContext = await browser.newContext({ locale: 'pt-BR' });
    const staff = await newPage(staffContext);
    await staffSignIn(staff, platform);
    await staff.getByTestId('staff-nav-quotas').click();
    await staff.waitForURL(/\/staff\/quotas/);
    const row = staff.getByTestId(`staff-quota-row-${owner.company}`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Fotos dos clientes cresceram');
    await screenshot(staff, 'quota-staff-pending');
    await staff.getByTestId(`staff-quota-approve-${owner.company}`).click();
    await row.waitFor({ state: 'detached' });
    await staff.getByTestId('staff-quota-tab-all').click();
    await expect
      .poll(async () => staff.getByTestId(`staff-quota-status-${owner.company}`).first().textContent())
      .toBe('Aprovada');
    await screenshot(staff, 'quota-staff-approved');
    await staffContext.close();

    // Writes work again at once, and the dashboard shows 50 GB in green, without the banner.
    await owner.s3.send(new PutObjectCommand({ Bucket: owner.bucket, Key: 'nova.jpg', Body: 'x' }));
    await page.goto(`${platform.appUrl}/painel`);
    await page.getByTestId('dashboard-storage-card').waitFor();
    expect(await page.getByTestId('dashboard-storage-used').textContent()).toContain('50');
    expect(await page.getByTestId('usage-bar').getAttribute('data-level')).toBe('ok');
    expect(await page.getByTestId('dashboard-writes-blocked').count()).toBe(0);
    await screenshot(page, 'quota-dashboard-after');
    await page.goto(`${platform.appUrl}/painel/quota`);
    await page.getByTestId('quota-history').waitFor();
    expect(await page.getByTestId('quota-history').textContent()).toContain('Aprovada');
    await screenshot(page, 'quota-page-after');
    const mail = await readMail(platform.mailUrl, { to: owner.email, subjectIncludes: 'aprovada' });
    expect(mail.text).toContain('50 GB');
    await context.close();
  });
});
