import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import pg from 'pg';
import { hashPassword } from '../apps/api/src/modules/identity/login/password';
import { HttpSession } from '../apps/api/test/support/http';
import { launchBrowser, screenshot } from './support/browser';
import { approvedCustomer, newPage } from './support/customers';

// PRD F6.1: the backup setup page. Pick the software, fill bucket/key/secret, download the files
// (config.xml parsed as XML, rclone.conf used by the real rclone), run the real connection test.

const platform = inject('platform');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Full-page screenshot from the top (the sticky header would otherwise cover the middle). */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

async function downloadText(page: Page, testId: string) {
  const download = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = await download;
  return { name: file.suggestedFilename(), text: fs.readFileSync((await file.path())!, 'utf8') };
}

describe('backup setup page', () => {
  it('fills the Imperius config.xml and the rclone remote, and the connection test passes', async () => {
    const { email, password } = await approvedCustomer(browser, platform, {
      label: 'backup',
      fullName: 'Bruno Backup Lima',
      company: 'Servidores Backup',
    });
    // A bucket and a key made through the API (their own pages have their own tests).
    const api = new HttpSession(platform.apiUrl);
    expect((await api.post('/api/v1/auth/login', { email, password })).status).toBe(200);
    const bucket = `backup-srv-${Date.now().toString(36)}`;
    expect((await api.post('/api/v1/buckets', { name: bucket })).status).toBe(201);
    const key = await api.post<{ key: { accessKeyId: string }; secretAccessKey: string }>(
      '/api/v1/access-keys',
      { name: 'servidor-01' },
    );
    expect(key.status).toBe(201);
    const { accessKeyId } = key.body.key;
    const secret = key.body.secretAccessKey;

    const context = await browser.newContext({ locale: 'pt-BR', acceptDownloads: true });
    const page = await newPage(context);
    await page.goto(`${platform.appUrl}/entrar`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/painel/);

    await page.getByTestId('nav-backup').click();
    await page.waitForURL(/\/painel\/backup/);
    await page.getByTestId('backup-software-imperius').waitFor();
    await page.getByTestId('backup-software-imperius').click();
    expect(await page.getByTestId('backup-selected').textContent()).toContain('Imperius Backup');
    expect(await page.getByTestId('backup-guide').textContent()).toContain('Tools → Options → Cloud Storage');

    await page.getByTestId('backup-bucket').selectOption(bucket);
    await page.getByTestId('backup-key').selectOption(accessKeyId);
    // Without the secret, the files carry a placeholder.
    const placeholder = await downloadText(page, 'backup-download-imperius');
    expect(placeholder.text).toContain('<SecretAccessKey>COLE_SUA_SECRET_AQUI</SecretAccessKey>');
    await page.getByTestId('backup-secret').fill(secret);
    expect(await page.getByTestId('backup-value-access-key').textContent()).toBe(accessKeyId);
    expect(await page.getByTestId('backup-value-bucket').textContent()).toBe(bucket);
    await shot(page, 'backup-imperius');

    const xml = await downloadText(page, 'backup-download-imperius');
    expect(xml.name).toBe('config.xml');
    // Parsed by the browser's XML parser: well-formed, and every value where the PRD puts it.
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const pick = (tag: string) =>
        doc.querySelector(`ImperiusBackupConfig > CloudStorage > ${tag}`)?.textContent;
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        provider: pick('Provider'),
        url: pick('ServiceURL'),
        region: pick('Region'),
        key: pick('AccessKeyID'),
        secret: pick('SecretAccessKey'),
        bucket: pick('BucketName'),
        ssl: pick('UseSSL'),
        port: pick('Port'),
      };
    }, xml.text);
    expect(parsed).toEqual({
      error: null,
      provider: 'S3Compatible',
      url: expect.stringMatching(/^https?:\/\//),
      region: 'us-east-1',
      key: accessKeyId,
      secret,
      bucket,
      ssl: expect.stringMatching(/^(true|false)$/),
      port: expect.stringMatching(/^\d+$/),
    });
    expect(parsed.url).toBe(await page.getByTestId('backup-value-endpoint').textContent());
    expect(Number(parsed.port)).toBeGreaterThan(0);

    // rclone: the guide, its commands, and the downloaded remote used by the real rclone.
    await page.getByTestId('backup-software-rclone').click();
    expect(await page.getByTestId('backup-guide-title').textContent()).toContain('rclone');
    expect(await page.getByTestId('backup-commands').textContent()).toContain(`:${bucket}`);
    const conf = await downloadText(page, 'backup-download-rclone');
    expect(conf.name).toBe('rclone.conf');
    expect(conf.text).toContain(`access_key_id = ${accessKeyId}`);
    expect(conf.text).toContain(`secret_access_key = ${secret}`);
    const remote = /^\[(.+)\]$/m.exec(conf.text)![1];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backup-e2e-'));
    const confPath = path.join(dir, 'rclone.conf');
    fs.writeFileSync(confPath, conf.text);
    fs.writeFileSync(path.join(dir, 'hello.txt'), 'backup e2e\n');
    const env = { ...process.env };
    delete env.AWS_CA_BUNDLE; // rclone 1.60 refuses an unreadable bundle path
    const rclone = (...args: string[]) =>
      execFileSync('/usr/bin/rclone', ['--config', confPath, ...args], { env, encoding: 'utf8' });
    rclone('copy', path.join(dir, 'hello.txt'), `${remote}:${bucket}/servidor-01`);
    expect(rclone('lsf', `${remote}:${bucket}/servidor-01`)).toContain('hello.txt');
    fs.rmSync(dir, { recursive: true, force: true });

    // The real connection test, with write.
    await page.getByTestId('backup-test-write').check();
    await page.getByTestId('backup-test-run').click();
    const result = page.getByTestId('backup-test-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    for (const step of ['list_buckets', 'bucket_access', 'write', 'read', 'delete']) {
      expect(await page.getByTestId(`backup-test-step-${step}`).getAttribute('data-status')).toBe('ok');
    }
    await shot(page, 'backup-rclone-test-ok');

    // A wrong secret is explained in plain words.
    await page.getByTestId('backup-secret').fill(`${secret}x`);
    await page.getByTestId('backup-test-run').click();
    await page.locator('[data-testid="backup-test-result"][data-ok="false"]').waitFor();
    expect(await page.getByTestId('backup-test-summary').textContent()).toContain(
      'Secret Access Key não confere',
    );
    await shot(page, 'backup-test-wrong-secret');
    await context.close();

    // A developer (PRD 4.2: view only) gets the guides and files, in English here, but no test.
    const me = await api.get<{ account: { id: string } }>('/api/v1/me');
    const devEmail = `dev-${Date.now().toString(36)}@empresa.test`;
    const db = new pg.Client({ connectionString: platform.databaseUrl });
    await db.connect();
    try {
      await db.query(
        `insert into users (account_id, full_name, email, role, password_hash) values ($1, $2, $3, 'developer', $4)`,
        [me.body.account.id, 'Diana Dev Souza', devEmail, await hashPassword('Dev-Password-2026')],
      );
    } finally {
      await db.end();
    }
    const devContext = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
    const dev = await newPage(devContext);
    await dev.goto(`${platform.appUrl}/entrar`);
    await dev.getByTestId('login-email').fill(devEmail);
    await dev.getByTestId('login-password').fill('Dev-Password-2026');
    await dev.getByTestId('login-submit').click();
    await dev.waitForURL(/\/painel/);
    await dev.goto(`${platform.appUrl}/painel/backup`);
    await dev.getByTestId('lang-switcher').selectOption('en');
    await dev.getByRole('heading', { name: 'Set up backup software' }).waitFor();
    await dev.getByTestId('backup-software-veeam').click();
    expect(await dev.getByTestId('backup-guide').textContent()).toContain('Make recent backups immutable');
    // Veeam immutability needs object lock: the plain bucket chosen here is flagged.
    expect(await dev.getByTestId('backup-veeam-no-lock').textContent()).toContain('object lock');
    expect(await dev.getByTestId('backup-test-developer').textContent()).toContain('owners and admins');
    expect(await dev.getByTestId('backup-test-run').count()).toBe(0);
    const devXml = await downloadText(dev, 'backup-download-imperius');
    expect(devXml.text).toContain('<SecretAccessKey>PASTE_YOUR_SECRET_HERE</SecretAccessKey>');
    await shot(dev, 'backup-developer-en');
    await devContext.close();
  });
});
