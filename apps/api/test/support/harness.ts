import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import { eq } from 'drizzle-orm';
import { generate as generateTotp } from 'otplib';
import { createDb, migrate, staffMembers, type Database } from '@csp/db';
import { readMail } from '@csp/local-services';
import { MinioAdminClient } from '@csp/minio-admin';
import { createApp } from '../../src/app';
import { loadConfig, type AppConfig } from '../../src/config/config';
import { StaffBootstrapService } from '../../src/modules/identity/staff/staff-bootstrap.service';
import { startWorker } from '../../src/worker';
import { HttpSession, TEST_WEB_PROXY_SECRET } from './http';

export const STAFF = { email: 'root@staff.test', password: 'Staff-Password-2026', fullName: 'Staff Root' };
const ENCRYPTION_KEY = randomBytes(32).toString('base64');

/** Config for the API and worker against the integration tier's real services. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  const { postgres, minio, mail } = inject('services');
  return loadConfig({
    DATABASE_URL: postgres!.url,
    MINIO_ENDPOINT: minio!.endpoint,
    MINIO_ROOT_USER: minio!.rootUser,
    MINIO_ROOT_PASSWORD: minio!.rootPassword,
    SMTP_HOST: mail!.smtpHost,
    SMTP_PORT: String(mail!.smtpPort),
    ENCRYPTION_KEY,
    COOKIE_SECURE: 'false',
    // HttpSession speaks as the web server, which reports each client's address.
    WEB_PROXY_SECRET: TEST_WEB_PROXY_SECRET,
    APP_URL: 'http://127.0.0.1:3000',
    // A scheduled reconciler run would touch MinIO at a wall-clock moment in the middle of a test.
    RECONCILER_SCHEDULE: 'off',
    // Tests solve many captchas on two shared cores: a cheap proof of work (the default is 20 bits).
    CAPTCHA_DIFFICULTY: '10',
    // One test client sends thousands of requests a minute from one address (walks, fuzzer): the
    // general rate limit has its own test (rate-limit.test.ts), with small limits.
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1000000',
    ...overrides,
  });
}

export interface TestApi {
  baseUrl: string;
  /** The API application itself (to read its services in white-box checks). */
  app?: Awaited<ReturnType<typeof createApp>>;
  config: AppConfig;
  db: Database;
  mailUrl: string;
  session(lang?: 'pt-BR' | 'en'): HttpSession;
  close(): Promise<void>;
}

/**
 * The real API (HTTP on a free port) and worker, on real PostgreSQL, MinIO and SMTP. With
 * `events: false` the worker delivers no domain events (a test that starts a worker for them).
 */
export async function startTestApi(
  overrides: Record<string, string> = {},
  options: { events?: boolean } = {},
): Promise<TestApi> {
  const config = testConfig(overrides);
  const db = createDb(config.DATABASE_URL, { max: 3 });
  await migrate(db);
  const app = await createApp(config, { logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  await app.get(StaffBootstrapService).ensureSuperAdmin(STAFF);
  // Each test file has its own encryption key: start the root staff's mandatory 2FA afresh.
  await db
    .update(staffMembers)
    .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
    .where(eq(staffMembers.email, STAFF.email));
  staffTotpSecrets.delete(STAFF.email);
  const worker = await startWorker(config, { logger: false, events: options.events });
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    app,
    config,
    db,
    mailUrl: inject('services').mail!.webUrl,
    session: (lang = 'pt-BR') => new HttpSession(baseUrl, lang),
    close: async () => {
      await worker.stop();
      await app.close();
      await db.$client.end();
    },
  };
}

let counter = 0;
/** A unique, valid sign-up (CPF with correct check digits). */
export function newSignup(label = 'acct') {
  counter += 1;
  const unique = `${Date.now().toString(36)}${counter}${randomBytes(2).toString('hex')}`;
  return {
    fullName: 'Maria Teste Silva',
    companyName: `Empresa ${label} ${unique}`,
    email: `${label}-${unique}@empresa.test`,
    document: randomCpf(),
    phone: '(11) 98765-4321',
    password: 'Backup-Seguro-2026',
    acceptTerms: true,
  };
}

export function randomCpf(): string {
  const d = Array.from({ length: 9 }, () => Math.floor(Math.random() * 10));
  if (d.every((x) => x === d[0])) d[0] = (d[0] + 1) % 10;
  const check = (digits: number[]) => {
    const sum = digits.reduce((acc, x, i) => acc + x * (digits.length + 1 - i), 0);
    const rest = sum % 11;
    return rest < 2 ? 0 : 11 - rest;
  };
  d.push(check(d));
  d.push(check(d));
  return d.join('');
}

/** Sign-up -> code from the mail catcher -> verified account pending approval. */
export async function signUpAndVerify(api: TestApi, input = newSignup()) {
  const anon = api.session();
  const since = new Date(Date.now() - 1000);
  const started = await anon.post<{ signupId: string }>('/api/v1/signup', input);
  if (started.status !== 202)
    throw new Error(`signup answered ${started.status}: ${JSON.stringify(started.body)}`);
  const mail = await readMail(api.mailUrl, { to: input.email, since, subjectIncludes: 'código' });
  const code = /\b(\d{6})\b/.exec(mail.text)![1];
  const verified = await anon.post<{ accountId: string }>('/api/v1/signup/verify', {
    signupId: started.body.signupId,
    code,
  });
  if (verified.status !== 201)
    throw new Error(`verify answered ${verified.status}: ${JSON.stringify(verified.body)}`);
  return { input, accountId: verified.body.accountId, signupId: started.body.signupId };
}

/** TOTP secrets of staff members enrolled by this harness (2FA is mandatory for staff). */
export const staffTotpSecrets = new Map<string, string>();

/**
 * A signed-in staff session. Staff 2FA is mandatory: the first login enrols TOTP (secret kept
 * here), later ones pass the second step. Many tests sign staff in within one 30-second step, so
 * the harness clears the replay marker first; replay protection itself is tested in
 * staff-access.test.ts and two-factor.test.ts.
 */
export async function staffSession(
  api: TestApi,
  who: { email: string; password: string } = STAFF,
  session: HttpSession = api.session(),
) {
  const staff = session;
  const login = await staff.post<{
    twoFactorEnrolmentRequired?: boolean;
    secondFactorRequired?: boolean;
    challengeToken?: string;
  }>('/api/v1/staff/auth/login', { email: who.email, password: who.password });
  if (login.status !== 200)
    throw new Error(`staff login answered ${login.status}: ${JSON.stringify(login.body)}`);
  if (login.body.twoFactorEnrolmentRequired) {
    const setup = await staff.post<{ secret: string }>('/api/v1/staff/two-factor/totp/setup');
    if (setup.status !== 200) throw new Error(`staff totp setup answered ${setup.status}`);
    const confirm = await staff.post('/api/v1/staff/two-factor/totp/confirm', {
      code: await generateTotp({ secret: setup.body.secret }),
    });
    if (confirm.status !== 200) throw new Error(`staff totp confirm answered ${confirm.status}`);
    staffTotpSecrets.set(who.email, setup.body.secret);
  } else if (login.body.secondFactorRequired) {
    const secret = staffTotpSecrets.get(who.email);
    if (!secret) throw new Error(`no TOTP secret kept for staff ${who.email}`);
    await api.db.update(staffMembers).set({ totpLastStep: null }).where(eq(staffMembers.email, who.email));
    const second = await staff.post('/api/v1/staff/auth/login/second-factor', {
      challengeToken: login.body.challengeToken,
      code: await generateTotp({ secret }),
    });
    if (second.status !== 200) throw new Error(`staff second factor answered ${second.status}`);
  }
  return staff;
}

/** The TOTP secret the harness enrolled for a staff member. */
export function staffTotpSecret(email = STAFF.email) {
  return staffTotpSecrets.get(email);
}

/** A fully approved account with its owner signed in. */
export async function approvedAccount(api: TestApi, label = 'acct') {
  const { input, accountId } = await signUpAndVerify(api, newSignup(label));
  const staff = await staffSession(api);
  const approved = await staff.post(`/api/v1/staff/accounts/${accountId}/approve`);
  if (approved.status !== 200)
    throw new Error(`approve answered ${approved.status}: ${JSON.stringify(approved.body)}`);
  const owner = api.session();
  const login = await owner.post('/api/v1/auth/login', { email: input.email, password: input.password });
  if (login.status !== 200) throw new Error(`login answered ${login.status}`);
  return { accountId, input, owner };
}

/**
 * MinIO's admin API as root, for tests that check or disturb MinIO directly (what the platform
 * wrote, drift it must find). Never what the platform signs a tenant's operation with.
 */
export function rootAdmin(api: TestApi): MinioAdminClient {
  return new MinioAdminClient({
    endpoint: api.config.MINIO_ENDPOINT,
    accessKey: api.config.MINIO_ROOT_USER,
    secretKey: api.config.MINIO_ROOT_PASSWORD,
  });
}
