import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { approvedOwnerByApi } from './support/api';
import { launchBrowser, screenshot } from './support/browser';
import { newPage } from './support/customers';
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

/** An approved account with one bucket, made through the API. */
async function approvedAccountWithBucket() {
  const {
    company,
    accountId,
    api: owner,
  } = await approvedOwnerByApi(platform, {
    label: 'recon',
    fullName: 'Rita Reconcilia Souza',
    company: 'Reconcilia',
  });
  const bucket = `recon-${unique()}`;
  expect((await owner.post('/api/v1/buckets', { name: bucket })).status).toBe(201);
  return { accountId, company, bucket };
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
