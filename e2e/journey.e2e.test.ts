import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
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
  return d.join('').replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, '$1.$2.$3-$4');
}

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

async function readSecretModal(page: Page) {
  const modal = page.getByTestId('secret-modal');
  await modal.waitFor();
  const accessKeyId = (await page.getByTestId('secret-access-key-id').textContent())!.trim();
  const secret = (await page.getByTestId('secret-secret-access-key').textContent())!.trim();
  return { accessKeyId, secret };
}

async function closeSecretModal(page: Page) {
  await page.getByTestId('secret-saved-checkbox').check();
  await page.getByTestId('secret-modal-close').click();
  await page.getByTestId('secret-modal').waitFor({ state: 'detached' });
}

describe('the first customer journey in a real browser', () => {
  it('sign-up -> e-mail code -> staff approval -> login -> bucket -> key -> upload with the key', async () => {
    const email = `maria-${Date.now().toString(36)}@empresa.test`;
    const password = 'Backup-Seguro-2026';
    const bucket = `backup-e2e-${Date.now().toString(36)}`;

    // 1. Sign-up
    const customer = await browser.newContext({ acceptDownloads: true, locale: 'pt-BR' });
    const page = await newPage(customer);
    await page.goto(`${platform.appUrl}/cadastro`);
    await page.getByTestId('signup-fullname').fill('Maria da Silva');
    await page.getByTestId('signup-email').fill(email);
    await page.getByTestId('signup-document').fill(validCpf());
    await page.getByTestId('signup-phone').fill('(11) 98765-4321');
    await page.getByTestId('signup-password').fill(password);
    await page.getByTestId('signup-terms').check();
    await screenshot(page, '01-signup-filled');
    const since = new Date();
    await page.getByTestId('signup-submit').click();
    await page.waitForURL(/\/cadastro\/verificar/);

    // 2. The code, from the real mail catcher
    const mail = await readMail(platform.mailUrl, { to: email, since, subjectIncludes: 'código' });
    const code = /\b(\d{6})\b/.exec(mail.text)![1];
    await page.getByTestId('verify-code').fill(code);
    await screenshot(page, '02-verify-code');
    await page.getByTestId('verify-submit').click();
    await page.waitForURL(/\/cadastro\/recebido/);
    await expect(page.getByTestId('signup-received-message').textContent()).resolves.toContain(
      'Cadastro recebido',
    );
    await screenshot(page, '03-signup-received');

    // 3. Staff approval in one click
    const staffContext = await browser.newContext({ locale: 'pt-BR' });
    const staff = await newPage(staffContext);
    await staffSignIn(staff, platform);
    await staff.getByTestId(`pending-account-${email}`).waitFor();
    await screenshot(staff, '04-staff-pending');
    await staff.getByTestId(`account-approve-${email}`).click();
    await expect
      .poll(async () => (await staff.getByTestId(`account-status-${email}`).textContent()) ?? '', {
        timeout: 30_000,
      })
      .toContain('aprovada');
    await screenshot(staff, '05-staff-approved');
    const welcome = await readMail(platform.mailUrl, { to: email, subjectIncludes: 'Conta aprovada' });
    expect(welcome.text).toContain('Access Key');

    // 4. Customer login and dashboard
    await page.goto(`${platform.appUrl}/entrar`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/painel$/);
    await page.getByTestId('dashboard-storage-used').waitFor();
    await expect(page.getByTestId('dashboard-storage-used').textContent()).resolves.toMatch(/10 GB/);
    await page.getByTestId('first-key-banner').waitFor();
    await screenshot(page, '06-dashboard');

    // 5. Reveal the first key's secret, once
    await page.getByTestId('nav-keys').click();
    await page.waitForURL(/\/painel\/chaves/);
    await page.getByTestId('first-key-reveal').click();
    const initial = await readSecretModal(page);
    expect(welcome.text).toContain(initial.accessKeyId);
    await screenshot(page, '07-first-key-secret');
    await closeSecretModal(page);

    // 6. A bucket with versioning
    await page.getByTestId('nav-buckets').click();
    await page.waitForURL(/\/painel\/buckets/);
    await page.getByTestId('bucket-create-open').click();
    await page.getByTestId('bucket-name-input').fill('Nome_Invalido');
    await expect(page.getByTestId('bucket-rule-charset').getAttribute('data-ok')).resolves.toBe('false');
    await screenshot(page, '08-bucket-invalid-name');
    await page.getByTestId('bucket-name-input').fill(bucket);
    await page.getByTestId('bucket-versioning-checkbox').check();
    await page.getByTestId('bucket-create-submit').click();
    await page.getByTestId(`bucket-row-${bucket}`).waitFor();
    await screenshot(page, '09-bucket-created');

    // 7. A new key: shown once, downloadable
    await page.getByTestId('nav-keys').click();
    await page.getByTestId('key-create-open').click();
    await page.getByTestId('key-name-input').fill('servidor-backup');
    await page.getByTestId('key-create-submit').click();
    const created = await readSecretModal(page);
    const download = page.waitForEvent('download');
    await page.getByTestId('secret-download-env').click();
    const envFile = fs.readFileSync((await (await download).path())!, 'utf8');
    expect(envFile).toContain(`S3_ACCESS_KEY_ID=${created.accessKeyId}`);
    expect(envFile).toContain(`S3_SECRET_ACCESS_KEY=${created.secret}`);
    await screenshot(page, '10-new-key-secret');
    await closeSecretModal(page);
    await page.getByTestId(`key-row-${created.accessKeyId}`).waitFor();
    await screenshot(page, '11-keys-list');

    // 8. Upload with the new key, read it back with the first one
    const s3 = (accessKeyId: string, secretAccessKey: string) =>
      new S3Client({
        endpoint: platform.minioEndpoint,
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: { accessKeyId, secretAccessKey },
      });
    await s3(created.accessKeyId, created.secret).send(
      new PutObjectCommand({ Bucket: bucket, Key: 'backups/primeiro.txt', Body: 'meu primeiro backup' }),
    );
    const got = await s3(initial.accessKeyId, initial.secret).send(
      new GetObjectCommand({ Bucket: bucket, Key: 'backups/primeiro.txt' }),
    );
    expect(await got.Body!.transformToString()).toBe('meu primeiro backup');

    // 9. The bucket list shows it (usage arrives with MinIO's scanner)
    await page.getByTestId('nav-buckets').click();
    await page.getByTestId(`bucket-row-${bucket}`).waitFor();
    await screenshot(page, '12-buckets-after-upload');

    await customer.close();
    await staffContext.close();
  });
});
