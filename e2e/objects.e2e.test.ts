import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readMail } from '../packages/local-services/src/mail-client';
import { HttpSession } from '../apps/api/test/support/http';
import { approvedOwnerByApi } from './support/api';
import { launchBrowser, screenshot } from './support/browser';
import { newPage } from './support/customers';

const platform = inject('platform');
/** An approved account made through the API (the sign-up and approval UI have their own test). */
const approvedOwner = () =>
  approvedOwnerByApi(platform, { label: 'objetos', fullName: 'Olga Objetos Lima', company: 'Arquivos' });
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const MIB = 1024 * 1024;
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${platform.appUrl}/entrar`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/painel/);
}

async function uploadStatus(page: Page, name: string) {
  return (await page.getByTestId(`upload-${name}`).getAttribute('data-status')) ?? '';
}

describe('object browser (owner)', () => {
  it('uploads a small and a multipart file straight to the storage, downloads, makes folders, deletes', async () => {
    const owner = await approvedOwner();
    const bucketName = `objetos-${unique()}`;
    const created = await owner.api.post<{ id: string }>('/api/v1/buckets', {
      name: bucketName,
      versioning: true,
    });
    expect(created.status).toBe(201);
    const bucketId = created.body.id;

    const context = await browser.newContext({ locale: 'pt-BR', acceptDownloads: true });
    const page = await newPage(context);
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await signIn(page, owner.email, owner.password);

    const response = await page.goto(`${platform.appUrl}/painel/buckets/${bucketId}/objetos`);
    // The policy is computed when the web server runs, and names the S3 endpoint uploads go to.
    const csp = response!.headers()['content-security-policy'];
    expect(csp).toContain(`connect-src 'self' ${new URL(platform.minioEndpoint).origin}`);
    expect(csp).toContain("frame-ancestors 'none'");
    await page.getByTestId('objects-empty').or(page.getByTestId('objects-error')).waitFor();
    await screenshot(page, 'objects-01-empty-bucket');
    expect(await page.getByTestId('objects-error').count()).toBe(0);

    // A small file (one presigned PUT) and a 20 MiB one (above the 16 MiB threshold: 3 parts).
    const small = Buffer.from('relatório de backup de teste\n'.repeat(100));
    const big = randomBytes(20 * MIB + 4321);
    // From disk: the browser reads the files itself (a 20 MiB buffer over the protocol is slow).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-objects-'));
    fs.writeFileSync(path.join(dir, 'relatorio.txt'), small);
    fs.writeFileSync(path.join(dir, 'backup-grande.bin'), big);
    await page
      .getByTestId('objects-file-input')
      .setInputFiles([path.join(dir, 'relatorio.txt'), path.join(dir, 'backup-grande.bin')]);
    await expect.poll(() => uploadStatus(page, 'relatorio.txt'), { timeout: 60_000 }).toBe('done');
    await expect.poll(() => uploadStatus(page, 'backup-grande.bin'), { timeout: 120_000 }).toBe('done');
    expect(await page.getByTestId('upload-backup-grande.bin').textContent()).toContain('em 3 partes');
    await page.getByTestId('object-row-backup-grande.bin').waitFor({ timeout: 60_000 });
    await page.getByTestId('object-row-relatorio.txt').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('object-row-backup-grande.bin').textContent()).toContain('20,98 MB');
    await screenshot(page, 'objects-02-uploaded');

    // Downloads arrive with the exact bytes.
    for (const [name, bytes] of [
      ['relatorio.txt', small],
      ['backup-grande.bin', big],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(`object-download-${name}`).click(),
      ]);
      expect(download.suggestedFilename()).toBe(name);
      const saved = fs.readFileSync((await download.path())!);
      expect(sha256(saved)).toBe(sha256(bytes));
    }

    // A folder, entered through the table, with the breadcrumb back to the root.
    await page.getByTestId('objects-new-folder').click();
    await page.getByTestId('folder-name').fill('/errado');
    await page.getByTestId('folder-submit').click();
    await expect
      .poll(() => page.getByTestId('folder-name-error').textContent(), { timeout: 20_000 })
      .toContain('"/" no início');
    await page.getByTestId('folder-name').fill('contratos 2026');
    await screenshot(page, 'objects-03-new-folder');
    await page.getByTestId('folder-submit').click();
    await expect
      .poll(() => page.getByTestId('objects-notice').textContent(), { timeout: 20_000 })
      .toContain('contratos 2026');
    await page.getByTestId('folder-open-contratos 2026').click();
    await page.waitForURL(/prefix=contratos%202026%2F/);
    await page.getByTestId('objects-empty').waitFor({ timeout: 60_000 });
    await page
      .getByTestId('objects-file-input')
      .setInputFiles([
        { name: 'contrato.txt', mimeType: 'text/plain', buffer: Buffer.from('contrato assinado') },
      ]);
    await page.getByTestId('object-row-contrato.txt').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('objects-breadcrumb').textContent()).toContain('contratos 2026');
    await screenshot(page, 'objects-04-inside-folder');
    await page.getByTestId('objects-crumb-root').click();
    await page.getByTestId('folder-row-contratos 2026').waitFor({ timeout: 60_000 });

    // Delete with confirmation; the bucket is versioned, so the versions drawer shows the marker.
    await page.getByTestId('object-versions-relatorio.txt').click();
    await expect.poll(() => page.getByTestId('version-item').count(), { timeout: 20_000 }).toBe(1);
    await screenshot(page, 'objects-05a-versions-drawer');
    await page.getByTestId('versions-close').click();
    await page.getByTestId('object-delete-relatorio.txt').click();
    expect(await page.getByTestId('object-delete-modal').textContent()).toContain('versões anteriores');
    await screenshot(page, 'objects-05-delete-confirm');
    await page.getByTestId('object-delete-submit').click();
    await expect
      .poll(() => page.getByTestId('objects-notice').textContent(), { timeout: 20_000 })
      .toContain('relatorio.txt');
    expect(await page.getByTestId('object-row-relatorio.txt').count()).toBe(0);
    await screenshot(page, 'objects-06-after-delete');

    const versions = await owner.api.get<{ items: Array<{ isDeleteMarker: boolean }> }>(
      `/api/v1/buckets/${bucketId}/objects/versions?key=relatorio.txt`,
    );
    expect(versions.body.items.map((v) => v.isDeleteMarker)).toEqual([true, false]);
    expect(cspViolations).toEqual([]);
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an external client with a read share browses and downloads from the shared-buckets list, nothing more', async () => {
    const owner = await approvedOwner();
    const bucketName = `compartilhado-${unique()}`;
    const created = await owner.api.post<{ id: string }>('/api/v1/buckets', { name: bucketName });
    expect(created.status).toBe(201);
    const bucketId = created.body.id;
    for (const key of ['entregas/', 'leia-me.txt']) {
      const body = key.endsWith('/') ? null : Buffer.from('arquivo do cliente');
      if (!body) {
        expect(
          (await owner.api.post(`/api/v1/buckets/${bucketId}/objects/folders`, { prefix: key })).status,
        ).toBe(201);
        continue;
      }
      const signed = await owner.api.post<{ url: string; headers: Record<string, string> }>(
        `/api/v1/buckets/${bucketId}/objects/upload-url`,
        { key, size: body.byteLength, contentType: 'text/plain' },
      );
      expect(
        (await fetch(signed.body.url, { method: 'PUT', headers: signed.body.headers, body })).status,
      ).toBe(200);
    }

    const email = `cliente-${unique()}@cliente.test`;
    const since = new Date(Date.now() - 1000);
    const invited = await owner.api.post('/api/v1/team/invitations', {
      email,
      role: 'external_client',
      buckets: [{ bucketId, access: 'read' }],
    });
    expect(invited.status).toBe(201);
    const mail = await readMail(platform.mailUrl, { to: email, since, subjectIncludes: 'onvite' });
    const token = decodeURIComponent(/\/convite\?token=([A-Za-z0-9_%-]+)/.exec(mail.text)![1]);
    const accepted = await new HttpSession(platform.apiUrl).post('/api/v1/invitations/accept', {
      token,
      fullName: 'Cliente Externo Souza',
      password: 'Convite-Seguro-2026',
    });
    expect(accepted.status).toBe(201);

    const context = await browser.newContext({ locale: 'pt-BR', acceptDownloads: true });
    const page = await newPage(context);
    await signIn(page, email, 'Convite-Seguro-2026');
    await page.goto(`${platform.appUrl}/painel/buckets`);
    await page.getByTestId(`bucket-objects-${bucketName}`).click();
    await page.waitForURL(new RegExp(`/painel/buckets/${bucketId}/objetos`));
    await page.getByTestId('object-row-leia-me.txt').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('objects-read-only').textContent()).toContain('somente leitura');
    for (const absent of [
      'objects-upload',
      'objects-new-folder',
      'object-delete-leia-me.txt',
      'objects-settings',
    ])
      expect(await page.getByTestId(absent).count(), absent).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('object-download-leia-me.txt').click(),
    ]);
    expect(fs.readFileSync((await download.path())!).toString()).toBe('arquivo do cliente');
    await screenshot(page, 'objects-07-external-client-read');
    await context.close();
  });
});
