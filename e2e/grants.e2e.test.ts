import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import pg from 'pg';
import { readMail } from '../packages/local-services/src/mail-client';
import { HttpSession } from '../apps/api/test/support/http';
import { hashPassword } from '../apps/api/src/modules/identity/login/password';
import { launchBrowser, screenshot } from './support/browser';

const platform = inject('platform');
let browser: Browser;
let db: pg.Pool;

beforeAll(async () => {
  browser = await launchBrowser();
  db = new pg.Pool({ connectionString: platform.databaseUrl, max: 2 });
});
afterAll(async () => {
  await browser?.close();
  await db?.end();
});

const unique = () => `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;

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

/**
 * A staff session made in the database, as the integration tests do: the staff login (password +
 * mandatory TOTP) has its own browser test; this one is about grants.
 */
async function staffSessionToken(staffId: string) {
  const token = randomBytes(32).toString('base64url');
  await db.query(
    `insert into sessions (token_hash, staff_id, idle_expires_at, absolute_expires_at)
     values ($1, $2, now() + interval '1 hour', now() + interval '8 hours')`,
    [createHash('sha256').update(token).digest('hex'), staffId],
  );
  return token;
}

async function createSupportStaff(fullName: string) {
  const email = `suporte-${unique()}@staff.test`;
  const { rows } = await db.query<{ id: string }>(
    // Enrolled in TOTP (mandatory for staff); the secret is never used: the session is made directly.
    `insert into staff_members (full_name, email, role, password_hash, totp_secret, totp_enabled_at)
     values ($1, $2, 'support', $3, 'unused', now()) returning id`,
    [fullName, email, await hashPassword('Staff-Password-2026')],
  );
  return { id: rows[0].id, email };
}

/** An approved account made through the API (sign-up and approval have their own browser test). */
async function approvedOwner() {
  const email = `dono-${unique()}@empresa.test`;
  const password = 'Backup-Seguro-2026';
  const companyName = `Backup Assistido ${unique()}`;
  const anon = new HttpSession(platform.apiUrl);
  const since = new Date(Date.now() - 1000);
  const started = await anon.post<{ signupId: string }>('/api/v1/signup', {
    fullName: 'Roberto Dono Lima',
    companyName,
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
  const { rows } = await db.query<{ id: string }>('select id from staff_members where email = $1', [
    platform.staffEmail,
  ]);
  const root = new HttpSession(platform.apiUrl);
  root.setCookie('csp_staff_session', await staffSessionToken(rows[0].id));
  const approved = await root.post(`/api/v1/staff/accounts/${verified.body.accountId}/approve`);
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  const { rows: names } = await db.query<{ name: string }>('select name from accounts where id = $1', [
    verified.body.accountId,
  ]);
  return { email, password, accountName: names[0].name };
}

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

describe('assisted service ("serviço assistido") in a real browser', () => {
  it('the Owner grants access, support enters and creates a bucket, the Owner sees it marked and revokes; the next action is refused', async () => {
    const owner = await approvedOwner();
    const support = await createSupportStaff('Sofia Suporte');
    const bucket = `assistido-${unique()}`;

    // 1. The Owner signs in and grants support access.
    const customer = await browser.newContext({ locale: 'pt-BR', viewport: { width: 1366, height: 900 } });
    const page = await newPage(customer);
    await page.goto(`${platform.appUrl}/entrar`);
    await page.getByTestId('login-email').fill(owner.email);
    await page.getByTestId('login-password').fill(owner.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/painel$/);
    await page.getByTestId('nav-grants').click();
    await page.waitForURL(/\/painel\/autorizacoes/);
    await page.getByTestId('grants-empty').waitFor();
    await page.getByTestId('grant-create-open').click();
    await page.getByTestId('grant-create-modal').waitFor();
    await expect
      .poll(async () => page.getByTestId('grant-staff-select').locator('option').allTextContents())
      .toContain(`Sofia Suporte (${support.email})`);
    await page.getByTestId('grant-staff-select').selectOption(support.id);
    await page.getByTestId('grant-scope-full').check();
    await page.getByTestId('grant-duration-select').selectOption('h4');
    await page
      .getByTestId('grant-reason-input')
      .fill('Chamado #4821: configurar o bucket de backup do servidor');
    await screenshot(page, 'grants-01-owner-create');
    await page.getByTestId('grant-create-submit').click();
    await page.getByTestId(`grant-row-${support.email}`).waitFor();
    await expect(page.getByTestId(`grant-status-${support.email}`).textContent()).resolves.toBe('Ativa');
    await page.getByTestId('grant-banner-owner').waitFor();
    await screenshot(page, 'grants-02-owner-granted');

    // 2. The support member, signed in to the staff area, enters the account through the grant.
    const staffContext = await browser.newContext({
      locale: 'pt-BR',
      viewport: { width: 1366, height: 900 },
    });
    await staffContext.addCookies([
      { name: 'csp_staff_session', value: await staffSessionToken(support.id), url: platform.appUrl },
    ]);
    const staff = await newPage(staffContext);
    await staff.goto(`${platform.appUrl}/staff`);
    await staff.waitForURL(/\/staff\/autorizacoes/);
    await staff.getByTestId(`my-grant-${owner.accountName}`).waitFor();
    await screenshot(staff, 'grants-03-staff-my-grants');
    await staff.getByTestId(`grant-enter-${owner.accountName}`).click();
    await staff.waitForURL(/\/painel$/);
    const banner = staff.getByTestId('grant-banner-text');
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toMatch(
      /^Atendimento assistido: Sofia Suporte \(até \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\)$/,
    );
    await expect(staff.getByTestId('header-account-name').textContent()).resolves.toBe(owner.accountName);
    // Never owner powers: no grants, no tokens, no personal pages in the navigation.
    expect(await staff.getByTestId('nav-grants').count()).toBe(0);
    expect(await staff.getByTestId('nav-tokens').count()).toBe(0);
    await screenshot(staff, 'grants-04-staff-inside-banner');

    await staff.getByTestId('nav-buckets').click();
    await staff.waitForURL(/\/painel\/buckets/);
    await staff.getByTestId('bucket-create-open').click();
    await staff.getByTestId('bucket-name-input').fill(bucket);
    await staff.getByTestId('bucket-create-submit').click();
    await staff.getByTestId(`bucket-row-${bucket}`).waitFor();
    await screenshot(staff, 'grants-05-staff-bucket-created');

    // 3. The Owner sees the entry in the audit log, attributed to the staff member via the grant.
    await page.getByTestId('nav-audit').click();
    await page.waitForURL(/\/painel\/auditoria/);
    const row = page.getByTestId('audit-row-bucket.created');
    await row.waitFor();
    await expect(row.getByTestId('audit-actor-name').textContent()).resolves.toBe('Sofia Suporte');
    await expect(row.getByTestId('audit-via-grant').textContent()).resolves.toBe('via autorização');
    await expect(row.textContent()).resolves.toContain(bucket);
    await screenshot(page, 'grants-06-owner-audit');

    // Filter: staff actions only.
    await page.getByTestId('audit-staff-only').check();
    await page.getByTestId('audit-apply').click();
    await expect
      .poll(async () =>
        page
          .locator('[data-testid^="audit-row-"]')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-actor-type'))),
      )
      .toEqual(expect.not.arrayContaining(['user']));
    const download = page.waitForEvent('download');
    await page.getByTestId('audit-export-csv').click();
    const csvPath = await (await download).path();
    const csv = (await import('node:fs')).readFileSync(csvPath!, 'utf8');
    expect(csv).toContain('Sofia Suporte (via autorização)');
    await screenshot(page, 'grants-07-owner-audit-staff-only');

    // 4. The Owner revokes; the staff member's very next action is refused.
    await page.getByTestId('nav-grants').click();
    await page.getByTestId(`grant-revoke-${support.email}`).click();
    await page.getByTestId('grant-revoke-confirm').click();
    await expect
      .poll(async () => page.getByTestId(`grant-status-${support.email}`).textContent())
      .toBe('Revogada');
    await expect.poll(async () => page.getByTestId('grant-banner-owner').count()).toBe(0);
    await screenshot(page, 'grants-08-owner-revoked');

    await staff.getByTestId('bucket-create-open').click();
    await staff.getByTestId('bucket-name-input').fill(`${bucket}-2`);
    await staff.getByTestId('bucket-create-submit').click();
    await staff.getByTestId('bucket-create-error').waitFor();
    await expect(staff.getByTestId('bucket-create-error').textContent()).resolves.toContain('sessão expirou');
    await screenshot(staff, 'grants-09-staff-refused');
    const { rows } = await db.query('select 1 from buckets where name = $1', [`${bucket}-2`]);
    expect(rows).toHaveLength(0);

    // 5. API tokens: created with a subset of permissions, shown once, then only the prefix.
    await page.getByTestId('nav-tokens').click();
    await page.waitForURL(/\/painel\/tokens/);
    await page.getByTestId('token-create-open').click();
    await page.getByTestId('token-name-input').fill('script-backup');
    await page.getByTestId('token-perm-bucket.read').check();
    await screenshot(page, 'grants-10-token-create');
    await page.getByTestId('token-create-submit').click();
    const secret = (await page.getByTestId('token-secret-value').textContent())!.trim();
    expect(secret).toMatch(/^csp_[A-Za-z0-9_-]{43}$/);
    await screenshot(page, 'grants-11-token-shown-once');
    await page.getByTestId('token-saved-checkbox').check();
    await page.getByTestId('token-secret-close').click();
    await page.getByTestId('token-row-script-backup').waitFor();
    expect(await page.content()).not.toContain(secret);
    const viaToken = await fetch(`${platform.appUrl}/api/v1/buckets`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(viaToken.status).toBe(200);
    await page.reload();
    await expect
      .poll(async () => page.getByTestId('token-last-used-script-backup').textContent())
      .not.toBe('Nunca usado');
    await screenshot(page, 'grants-12-tokens-list');

    // 6. The platform log, for a super admin.
    const rootContext = await browser.newContext({ locale: 'pt-BR', viewport: { width: 1366, height: 900 } });
    const { rows: roots } = await db.query<{ id: string }>('select id from staff_members where email = $1', [
      platform.staffEmail,
    ]);
    await rootContext.addCookies([
      { name: 'csp_staff_session', value: await staffSessionToken(roots[0].id), url: platform.appUrl },
    ]);
    const root = await newPage(rootContext);
    await root.goto(`${platform.appUrl}/staff/auditoria`);
    await root.getByTestId('audit-row-grant.revoked').first().waitFor();
    await screenshot(root, 'grants-13-staff-audit');
    await root.goto(`${platform.appUrl}/staff/autorizacoes`);
    await root.getByTestId('staff-grants-empty').waitFor();
    await root.getByTestId('staff-all-grants').getByText(owner.accountName).first().waitFor();
    await screenshot(root, 'grants-14-staff-all-grants');

    await rootContext.close();
    await customer.close();
    await staffContext.close();
  });
});
