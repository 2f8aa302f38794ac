import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { sessions, users } from '@csp/db';
import { SESSION_POLICY } from '../../src/modules/identity/session.service';
import { approvedAccount, startTestApi, type TestApi } from '../support/harness';
import { HttpSession } from '../support/http';

let api: TestApi;
let secureApi: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  // Production cookies: the Secure attribute is on.
  secureApi = await startTestApi({ COOKIE_SECURE: 'true' });
});
afterAll(async () => {
  await api?.close();
  await secureApi?.close();
});

async function login(t: TestApi, email: string, password: string, remember: boolean) {
  const s = new HttpSession(t.baseUrl);
  const res = await fetch(`${t.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: t.config.APP_URL },
    body: JSON.stringify({ email, password, remember }),
  });
  expect(res.status).toBe(200);
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('csp_session='))!;
  s.setCookie('csp_session', /^csp_session=([^;]+)/.exec(setCookie)![1]);
  return { s, setCookie };
}

async function latestSession(t: TestApi, email: string) {
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  const [row] = await t.db
    .select()
    .from(sessions)
    .where(eq(sessions.userId, user.id))
    .orderBy(desc(sessions.createdAt))
    .limit(1);
  return row;
}

const near = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThan(60_000);

describe('session lifetime', () => {
  it('sets an opaque HttpOnly, SameSite=Lax cookie (Secure in production), a new token per login', async () => {
    const { input } = await approvedAccount(secureApi, 'cookie');
    const a = await login(secureApi, input.email, input.password, false);
    const b = await login(secureApi, input.email, input.password, false);
    expect(a.setCookie).toMatch(/HttpOnly/i);
    expect(a.setCookie).toMatch(/SameSite=Lax/i);
    expect(a.setCookie).toMatch(/Secure/i);
    // A browser-session cookie without "keep me signed in".
    expect(a.setCookie).not.toMatch(/Max-Age/i);
    const token = /^csp_session=([^;]+)/.exec(a.setCookie)![1];
    expect(token).not.toBe(/^csp_session=([^;]+)/.exec(b.setCookie)![1]);
    // >= 128 bits of randomness, and only its hash is stored.
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const row = await latestSession(secureApi, input.email);
    expect(row.tokenHash).not.toContain(token);
  });

  it('has idle and absolute timeouts; "keep me signed in" only lengthens them', async () => {
    const { input } = await approvedAccount(api, 'life');
    const short = await login(api, input.email, input.password, false);
    const shortRow = await latestSession(api, input.email);
    near(shortRow.idleExpiresAt.getTime() - shortRow.createdAt.getTime(), SESSION_POLICY.user.idle);
    near(shortRow.absoluteExpiresAt.getTime() - shortRow.createdAt.getTime(), SESSION_POLICY.user.absolute);

    const long = await login(api, input.email, input.password, true);
    const longRow = await latestSession(api, input.email);
    expect(long.setCookie).toMatch(/Max-Age=\d+/i);
    near(longRow.idleExpiresAt.getTime() - longRow.createdAt.getTime(), SESSION_POLICY.userRemember.idle);
    near(
      longRow.absoluteExpiresAt.getTime() - longRow.createdAt.getTime(),
      SESSION_POLICY.userRemember.absolute,
    );

    // Activity pushes the idle deadline (written at most once a minute).
    await api.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 5 * 60_000), idleExpiresAt: new Date(Date.now() + 60_000) })
      .where(eq(sessions.id, shortRow.id));
    expect((await short.s.get('/api/v1/me')).status).toBe(200);
    const touched = (await api.db.select().from(sessions).where(eq(sessions.id, shortRow.id)))[0];
    near(touched.idleExpiresAt.getTime() - Date.now(), SESSION_POLICY.user.idle);

    // Idle too long: gone, even though the absolute limit is far.
    await api.db
      .update(sessions)
      .set({ idleExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, shortRow.id));
    expect((await short.s.get('/api/v1/me')).status).toBe(401);

    // Past the absolute limit: gone, however active.
    expect((await long.s.get('/api/v1/me')).status).toBe(200);
    await api.db
      .update(sessions)
      .set({ absoluteExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, longRow.id));
    expect((await long.s.get('/api/v1/me')).status).toBe(401);
  });

  it('refuses a state-changing request from another origin', async () => {
    const { input } = await approvedAccount(api, 'csrf');
    const { s } = await login(api, input.email, input.password, false);
    const res = await fetch(`${api.baseUrl}/api/v1/buckets`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'https://evil.example',
        cookie: `csp_session=${s.cookie('csp_session')}`,
      },
      body: JSON.stringify({ name: 'csrf-bucket-x1', versioning: false }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe('origin_not_allowed');
    // The same request from the app's own origin goes through.
    const same = await s.post('/api/v1/buckets', {
      name: `csrf-ok-${Date.now().toString(36)}`,
      versioning: false,
    });
    expect(same.status).toBe(201);
  });
});
