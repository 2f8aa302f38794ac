import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { approvedCustomer, newPage } from './support/customers';

const platform = inject('platform');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('buckets in a real browser', () => {
  it('creates a bucket with options and a lifecycle rule, lists it, and changes its settings', async () => {
    const { email, password } = await approvedCustomer(browser, platform, {
      label: 'buckets',
      fullName: 'Bruno Bucket Costa',
      company: 'Bucket Backup',
    });
    const context = await browser.newContext({ locale: 'pt-BR', viewport: { width: 1360, height: 900 } });
    const page = await newPage(context);
    await page.goto(`${platform.appUrl}/entrar`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/painel/);

    await page.goto(`${platform.appUrl}/painel/buckets`);
    await page.getByTestId('bucket-create-open-empty').click();
    const modal = page.getByTestId('bucket-create-modal');
    await modal.waitFor();
    const name = `bk-${Date.now().toString(36)}`;
    await page.getByTestId('bucket-name-input').fill(name);
    await page.getByTestId('bucket-versioning-checkbox').check();
    await page.getByTestId('bucket-public-read-checkbox').check();
    await page.getByTestId('bucket-public-read-warning').waitFor();

    // A rule with no action is refused in the form, before any request.
    await page.getByTestId('bucket-create-rule-add').click();
    await page.getByTestId('bucket-create-rule-0-prefix').fill('logs/');
    await page.getByTestId('bucket-create-submit').click();
    await page.getByTestId('bucket-create-rule-0-expireDays-error').waitFor();
    await page.getByTestId('bucket-create-rule-0-expireDays').fill('30');
    await page.getByTestId('bucket-create-rule-0-noncurrentExpireDays').fill('7');
    await screenshot(page, 'buckets-01-create-modal');
    await page.getByTestId('bucket-create-submit').click();

    await page.getByTestId(`bucket-row-${name}`).waitFor();
    expect(await page.getByTestId('buckets-notice').textContent()).toContain(name);
    expect(await page.getByTestId(`bucket-public-${name}`).textContent()).toContain('Público');
    expect(await page.getByTestId(`bucket-lock-${name}`).textContent()).toContain('Não');
    await screenshot(page, 'buckets-02-list');

    // The settings page shows what MinIO now holds.
    await page.getByTestId(`bucket-settings-${name}`).click();
    await page.waitForURL(/\/painel\/buckets\/[0-9a-f-]+$/);
    expect(await page.getByTestId('bucket-settings-name').textContent()).toBe(name);
    expect(await page.getByTestId('bucket-settings-rule-0-prefix').inputValue()).toBe('logs/');
    expect(await page.getByTestId('bucket-settings-rule-0-expireDays').inputValue()).toBe('30');
    expect(await page.getByTestId('bucket-copy-url-value').textContent()).toBe(
      `${platform.minioEndpoint}/${name}`,
    );
    expect(await page.getByTestId('bucket-tab-objects').getAttribute('href')).toMatch(/\/objetos$/);
    await screenshot(page, 'buckets-03-settings');

    // MinIO's bucket policy, seen without credentials: a missing key answers 404 (not 403) while public.
    const anonymous = () => fetch(`${platform.minioEndpoint}/${name}/nao-existe.txt`).then((r) => r.status);
    expect(await anonymous()).toBe(404);

    // Second rule, saved from the settings page.
    await page.getByTestId('bucket-settings-rule-add').click();
    await page.getByTestId('bucket-settings-rule-1-abortIncompleteUploadsDays').fill('3');
    await page.getByTestId('bucket-settings-rule-1-prefix').fill('tmp/');
    await page.getByTestId('bucket-settings-rule-1-expireDays').fill('2');
    await page.getByTestId('bucket-lifecycle-save').click();
    await page.getByTestId('bucket-settings-notice').waitFor();
    await page.reload();
    expect(await page.getByTestId('bucket-settings-rule-1-prefix').inputValue()).toBe('tmp/');
    expect(await page.getByTestId('bucket-settings-rule-1-abortIncompleteUploadsDays').inputValue()).toBe(
      '3',
    );

    // Make it private again.
    await page.getByTestId('bucket-public-toggle').click();
    await expect
      .poll(async () => (await page.getByTestId('bucket-public-toggle').textContent()) ?? '')
      .toContain('Tornar público');
    expect(await page.getByTestId('bucket-copy-public-url').count()).toBe(0);
    expect(await anonymous()).toBe(403);
    await screenshot(page, 'buckets-04-settings-saved');

    // Delete needs the typed name; the empty bucket goes away and the list is shown again.
    await page.getByTestId('bucket-settings-delete').click();
    await page.getByTestId('bucket-delete-modal').waitFor();
    expect(await page.getByTestId('bucket-delete-submit').isDisabled()).toBe(true);
    await page.getByTestId('bucket-delete-confirm-input').fill(name);
    await page.getByTestId('bucket-delete-submit').click();
    await page.waitForURL(/\/painel\/buckets$/);
    await page.getByTestId('buckets-empty').waitFor();

    // Object lock bucket with compliance retention: the warning is shown, the list says so.
    await page.getByTestId('bucket-create-open-empty').click();
    const lockName = `lk-${Date.now().toString(36)}`;
    await page.getByTestId('bucket-name-input').fill(lockName);
    await page.getByTestId('bucket-object-lock-checkbox').check();
    expect(await page.getByTestId('bucket-versioning-checkbox').isDisabled()).toBe(true);
    await page.getByTestId('bucket-create-retention-enabled').check();
    await page.getByTestId('bucket-create-retention-mode-compliance').check();
    await page.getByTestId('bucket-create-compliance-warning').waitFor();
    await page.getByTestId('bucket-create-retention-days').fill('1');
    await screenshot(page, 'buckets-05-create-object-lock');
    await page.getByTestId('bucket-create-submit').click();
    await page.getByTestId(`bucket-row-${lockName}`).waitFor();
    expect(await page.getByTestId(`bucket-lock-${lockName}`).textContent()).toContain('Conformidade');
    await screenshot(page, 'buckets-06-list-object-lock');

    // Its settings: versioning cannot be suspended; the default retention can change.
    await page.getByTestId(`bucket-open-${lockName}`).click();
    await page.getByTestId('bucket-lock-section').waitFor();
    expect(await page.getByTestId('bucket-versioning-toggle').count()).toBe(0);
    await page.getByTestId('bucket-settings-retention-days').fill('2');
    await page.getByTestId('bucket-retention-save').click();
    await page.getByTestId('bucket-settings-notice').waitFor();
    await page.reload();
    expect(await page.getByTestId('bucket-settings-retention-days').inputValue()).toBe('2');
    await screenshot(page, 'buckets-07-settings-object-lock');

    // The same page in English.
    await context.addCookies([{ name: 'lang', value: 'en', url: platform.appUrl }]);
    await page.reload();
    await page.getByTestId('bucket-lock-section').waitFor();
    expect(await page.getByTestId('bucket-lock-section').textContent()).toContain('Object lock');
    await screenshot(page, 'buckets-08-settings-en');
    await context.close();
  });
});
