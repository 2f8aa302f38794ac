import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { approvedOwnerByApi } from './support/api';
import { launchBrowser, screenshot } from './support/browser';
import { newPage } from './support/customers';

const platform = inject('platform');
/** An approved account made through the API (the sign-up and approval UI have their own test). */
const approvedOwner = () =>
  approvedOwnerByApi(platform, { label: 'chaves', fullName: 'Carla Chaves Souza', company: 'Backup Chaves' });
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

async function readSecretModal(page: Page) {
  await page.getByTestId('secret-modal').waitFor();
  const accessKeyId = (await page.getByTestId('secret-access-key-id').textContent())!.trim();
  const secret = (await page.getByTestId('secret-secret-access-key').textContent())!.trim();
  return { accessKeyId, secret };
}

async function closeSecretModal(page: Page) {
  await page.getByTestId('secret-saved-checkbox').check();
  await page.getByTestId('secret-modal-close').click();
  await page.getByTestId('secret-modal').waitFor({ state: 'detached' });
}

/** Opens a key row's action menu and picks an action. */
async function keyAction(page: Page, accessKeyId: string, action: string) {
  await page.getByTestId(`key-actions-${accessKeyId}`).click();
  await page.getByTestId(`key-${action}-${accessKeyId}`).click();
}

async function downloaded(page: Page, testId: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: download.suggestedFilename(), content: fs.readFileSync((await download.path())!, 'utf8') };
}

function s3(accessKeyId: string, secretAccessKey: string) {
  return new S3Client({
    endpoint: platform.minioEndpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId, secretAccessKey },
    maxAttempts: 1,
  });
}

describe('access keys page (owner)', () => {
  it('creates a bucket-scoped key with expiry, downloads rclone.conf and restic.env, rotates, ends the old key', async () => {
    const owner = await approvedOwner();
    const bucket = `chaves-${unique()}`;
    const other = `outro-${unique()}`;
    expect((await owner.api.post('/api/v1/buckets', { name: bucket })).status).toBe(201);
    expect((await owner.api.post('/api/v1/buckets', { name: other })).status).toBe(201);

    const context = await browser.newContext({ locale: 'pt-BR', acceptDownloads: true });
    const page = await newPage(context);
    await signIn(page, owner.email, owner.password);
    await page.goto(`${platform.appUrl}/painel/chaves`);
    await page.getByTestId('keys-table').waitFor();

    // Create: name, description, expiry, one bucket with Full access.
    await page.getByTestId('key-create-open').click();
    await page.getByTestId('key-name-input').fill('servidor-backup');
    await page.getByTestId('key-description-input').fill('Backup noturno com restic');
    const expiry = new Date(Date.now() + 60 * 24 * 3600 * 1000);
    const expiryDate = `${expiry.getFullYear()}-${String(expiry.getMonth() + 1).padStart(2, '0')}-${String(expiry.getDate()).padStart(2, '0')}`;
    await page.getByTestId('key-expiry-input').fill(expiryDate);
    await page.getByTestId('key-scope-chosen').check();
    // Submitting with no bucket ticked is refused in place.
    await page.getByTestId('key-create-submit').click();
    await page.getByTestId('key-scope-error').waitFor();
    await page.getByTestId(`key-scope-bucket-${bucket}`).check();
    await page.getByTestId(`key-scope-access-${bucket}`).selectOption('full');
    await screenshot(page, 'keys-01-create-scoped');
    await page.getByTestId('key-create-submit').click();

    const created = await readSecretModal(page);
    await expect(page.getByTestId('secret-restic-bucket').inputValue()).resolves.toBe(bucket);
    const rclone = await downloaded(page, 'secret-download-rclone');
    expect(rclone.name).toBe('rclone.conf');
    expect(rclone.content).toContain('[cloudstoragepro]');
    expect(rclone.content).toContain('type = s3');
    expect(rclone.content).toContain(`access_key_id = ${created.accessKeyId}`);
    expect(rclone.content).toContain(`secret_access_key = ${created.secret}`);
    expect(rclone.content).toMatch(/^endpoint = https?:\/\/\S+$/m);
    const restic = await downloaded(page, 'secret-download-restic');
    expect(restic.name).toBe('restic.env');
    expect(restic.content).toMatch(new RegExp(`^RESTIC_REPOSITORY=s3:https?://\\S+/${bucket}$`, 'm'));
    expect(restic.content).toContain(`AWS_SECRET_ACCESS_KEY=${created.secret}`);
    await screenshot(page, 'keys-02-secret-downloads');
    await closeSecretModal(page);

    // The list shows scope, expiry and status; the key really is limited to its bucket.
    const row = page.getByTestId(`key-row-${created.accessKeyId}`);
    await row.waitFor();
    await expect(page.getByTestId(`key-scope-${created.accessKeyId}`).textContent()).resolves.toContain(
      bucket,
    );
    await expect(page.getByTestId(`key-scope-${created.accessKeyId}`).textContent()).resolves.toContain(
      'Completo',
    );
    await expect(page.getByTestId(`key-expiry-${created.accessKeyId}`).textContent()).resolves.toMatch(
      /\d{2}\/\d{2}\/\d{4}/,
    );
    const client = s3(created.accessKeyId, created.secret);
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: 'e2e.txt', Body: 'ok' }));
    await expect(client.send(new PutObjectCommand({ Bucket: other, Key: 'x', Body: 'x' }))).rejects.toThrow();
    await screenshot(page, 'keys-03-list-scoped');

    // Rotate: confirm (explains the grace), the new key's secret once, the old key counts down.
    await keyAction(page, created.accessKeyId, 'rotate');
    await page.getByTestId('key-action-modal').waitFor();
    await expect(page.getByTestId('key-action-modal').textContent()).resolves.toContain('7 dias');
    await screenshot(page, 'keys-04-rotate-confirm');
    await page.getByTestId('key-action-submit').click();
    const rotated = await readSecretModal(page);
    expect(rotated.accessKeyId).not.toBe(created.accessKeyId);
    const rotatedRclone = await downloaded(page, 'secret-download-rclone');
    expect(rotatedRclone.content).toContain(`access_key_id = ${rotated.accessKeyId}`);
    await closeSecretModal(page);
    await page.getByTestId(`key-row-${rotated.accessKeyId}`).waitFor();
    await expect(page.getByTestId(`key-grace-${created.accessKeyId}`).textContent()).resolves.toMatch(
      /Desativada em 6 d 23 h|Desativada em 7 d 0 h/,
    );
    await expect(page.getByTestId(`key-scope-${rotated.accessKeyId}`).textContent()).resolves.toContain(
      bucket,
    );
    await expect(page.getByTestId('keys-notice').textContent()).resolves.toContain(rotated.accessKeyId);
    // Both keys work during the grace.
    const list = async (id: string, secret: string) =>
      (await s3(id, secret).send(new ListObjectsV2Command({ Bucket: bucket }))).KeyCount;
    expect(await list(created.accessKeyId, created.secret)).toBe(1);
    expect(await list(rotated.accessKeyId, rotated.secret)).toBe(1);
    await screenshot(page, 'keys-05-rotated-grace');

    // End the old key now; reactivate it; deactivate it again.
    await page.getByTestId(`key-actions-${created.accessKeyId}`).click();
    await page.getByTestId(`key-end-now-${created.accessKeyId}`).waitFor();
    await screenshot(page, 'keys-05b-old-key-menu');
    await page.getByTestId(`key-end-now-${created.accessKeyId}`).click();
    await page.getByTestId('key-action-submit').click();
    await page.getByTestId('key-action-modal').waitFor({ state: 'detached' });
    await expect
      .poll(() => page.getByTestId(`key-row-${created.accessKeyId}`).getAttribute('data-status'), {
        timeout: 15_000,
      })
      .toBe('inactive');
    await expect(list(created.accessKeyId, created.secret)).rejects.toThrow();
    await screenshot(page, 'keys-06-old-ended');
    await keyAction(page, created.accessKeyId, 'reactivate');
    await expect
      .poll(() => page.getByTestId(`key-row-${created.accessKeyId}`).getAttribute('data-status'), {
        timeout: 15_000,
      })
      .toBe('active');
    expect(await list(created.accessKeyId, created.secret)).toBe(1);

    // English.
    await context.addCookies([{ name: 'lang', value: 'en', url: platform.appUrl }]);
    await page.reload();
    await page.getByTestId(`key-row-${rotated.accessKeyId}`).waitFor();
    await expect(page.getByTestId(`key-scope-${rotated.accessKeyId}`).textContent()).resolves.toContain(
      'Full',
    );
    await screenshot(page, 'keys-07-list-en');
    await context.close();
  });
});
