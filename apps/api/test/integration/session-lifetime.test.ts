import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { sessions, users } from '@csp/db';
import { SESSION_POLICY, sessionCookieNames } from '../../src/modules/identity/sessions/session.service';
import { approvedAccount, staffSession, startTestApi, type TestApi } from '../support/harness';
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
  const name = sessionCookieNames(t.config.COOKIE_SECURE).user;
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))!;
  s.setCookie(name, setCookie.slice(name.length + 1).split(';')[0]);
  return { s, setCookie, token: setCookie.slice(name.length + 1).split(';')[0] };
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
    const token = a.token;
    expect(token).not.toBe(b.token);
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

// Security review f107f84, suspicion 4: a page on a sibling subdomain (a public-read bucket served
// from s3.example.com next to app.example.com) can set `csp_session=<its own token>;
// Domain=example.com` and so sign the victim into the attacker's account. A `__Host-` cookie can
// only be set by the app's own host (Secure, Path=/, no Domain), so the API reads only that name.
describe('session cookies under COOKIE_SECURE are __Host- cookies (cookie tossing)', () => {
  async function rawLogin(email: string, password: string) {
    const res = await fetch(`${secureApi.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(res.status).toBe(200);
    const line = res.headers.getSetCookie().find((c) => /^(__Host-)?csp_session=/.test(c))!;
    return { line, token: /^[^=]+=([^;]+)/.exec(line)![1] };
  }

  it('the customer cookie is __Host-csp_session: Secure, Path=/, no Domain; logout clears it alike', async () => {
    const { input } = await approvedAccount(secureApi, 'hostck');
    const { line, token } = await rawLogin(input.email, input.password);
    expect(line).toMatch(/^__Host-csp_session=/);
    expect(line).toMatch(/;\s*Secure/i);
    expect(line).toMatch(/;\s*Path=\/(;|$)/i);
    expect(line).not.toMatch(/Domain=/i);
    const logout = await fetch(`${secureApi.baseUrl}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie: `__Host-csp_session=${token}` },
    });
    expect(logout.status).toBeLessThan(300);
    // A browser ignores a __Host- Set-Cookie without Secure and Path=/, so the clearing one has them.
    const cleared = logout.headers.getSetCookie().find((c) => c.startsWith('__Host-csp_session='))!;
    expect(cleared).toMatch(/;\s*Secure/i);
    expect(cleared).toMatch(/;\s*Path=\/(;|$)/i);
  });

  it('a tossed plain csp_session cookie signs nobody in and does not shadow the real one', async () => {
    const attacker = await approvedAccount(secureApi, 'tosser');
    const victim = await approvedAccount(secureApi, 'tossed');
    const tossed = (await rawLogin(attacker.input.email, attacker.input.password)).token;
    const own = (await rawLogin(victim.input.email, victim.input.password)).token;
    const alone = await fetch(`${secureApi.baseUrl}/api/v1/me`, {
      headers: { cookie: `csp_session=${tossed}` },
    });
    expect(alone.status).toBe(401);
    // The tossed cookie (more specific Path) comes first in the Cookie header.
    const both = await fetch(`${secureApi.baseUrl}/api/v1/me`, {
      headers: { cookie: `csp_session=${tossed}; __Host-csp_session=${own}` },
    });
    expect(both.status).toBe(200);
    expect(((await both.json()) as { user: { email: string } }).user.email).toBe(victim.input.email);
  });

  it('the staff cookie is __Host-csp_staff_session, and the plain name opens nothing', async () => {
    const staff = await staffSession(secureApi);
    const token = staff.cookie('__Host-csp_staff_session');
    expect(token).toBeTruthy();
    expect(staff.cookie('csp_staff_session')).toBeUndefined();
    expect((await staff.get('/api/v1/staff/me')).status).toBe(200);
    const tossed = await fetch(`${secureApi.baseUrl}/api/v1/staff/me`, {
      headers: { cookie: `csp_staff_session=${token}` },
    });
    expect(tossed.status).toBe(401);
  });
});
