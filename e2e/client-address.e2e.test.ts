import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import http from 'node:http';
import pg from 'pg';
import { approvedOwnerByApi } from './support/api';
import { rawRequest, streamFiller } from './support/raw-http';

// Security review f107f84, H2 (client-chosen X-Forwarded-For), M3 (unbounded proxy buffering) and
// suspicion 5 (GEO_HEADER through the web): every request here goes to the web origin, so the
// front server and the /api proxy route are exercised as a browser would reach them.
const platform = inject('platform');
let db: pg.Pool;

beforeAll(() => {
  db = new pg.Pool({ connectionString: platform.databaseUrl, max: 2 });
});
afterAll(async () => {
  await db?.end();
});

const MiB = 1024 * 1024;
const web = (method: string, path: string, options: Parameters<typeof rawRequest>[3] = {}) =>
  rawRequest(platform.appUrl, method, path, {
    ...options,
    headers: { origin: platform.appUrl, ...options.headers },
  });

type Sessions = { items: Array<{ ip: string; place: string | null; current: boolean }> };
type History = { items: Array<{ ip: string | null; success: boolean }> };

/** Logs the owner in through the web origin with the given headers; returns what was recorded. */
async function loginAndRecorded(
  owner: { email: string; password: string },
  headers: Record<string, string>,
  localAddress?: string,
) {
  const login = await web('POST', '/api/v1/auth/login', {
    body: { email: owner.email, password: owner.password },
    headers,
    localAddress,
  });
  expect(login.status).toBe(200);
  const cookie = login.cookies.join('; ');
  const sessions = await web('GET', '/api/v1/me/sessions', { headers: { cookie } });
  const history = await web('GET', '/api/v1/me/login-history', { headers: { cookie } });
  const current = (sessions.body as Sessions).items.find((s) => s.current)!;
  return { session: current, lastLogin: (history.body as History).items[0] };
}

describe('the client address is the socket peer, whatever the client claims (H2)', () => {
  it('a login sent with X-Forwarded-For: 6.6.6.6 is recorded with 127.0.0.1', async () => {
    const owner = await approvedOwnerByApi(platform, {
      label: 'xff',
      fullName: 'Xavier Forjado',
      company: 'Forjado',
    });
    const recorded = await loginAndRecorded(owner, {
      'x-forwarded-for': '6.6.6.6',
      'x-real-ip': '6.6.6.7',
    });
    expect(recorded.session.ip).toBe('127.0.0.1');
    expect(recorded.lastLogin).toMatchObject({ success: true, ip: '127.0.0.1' });
  });

  it('the staff IP allowlist refuses a login that claims an allowed address', async () => {
    await db.query(
      `insert into platform_settings (key, value) values ('staff_login', $1)
       on conflict (key) do update set value = excluded.value`,
      [JSON.stringify({ ipAllowlist: ['10.0.0.0/8'], hours: null })],
    );
    try {
      const login = await web('POST', '/api/v1/staff/auth/login', {
        body: { email: platform.staffEmail, password: platform.staffPassword },
        headers: { 'x-forwarded-for': '10.1.2.3' },
      });
      expect(login.status).toBe(403);
      expect(login.body.code).toBe('staff_ip_not_allowed');
    } finally {
      await db.query(`delete from platform_settings where key = 'staff_login'`);
    }
  });

  it('the per-address login limit trips even with a new X-Forwarded-For on every try', async () => {
    // From an address of its own (127.0.0.5), so the limit it trips touches no other test.
    const codes: string[] = [];
    for (let i = 1; i <= 40 && !codes.includes('rate_limited'); i++) {
      const attempt = await web('POST', '/api/v1/auth/login', {
        body: { email: `spray-${i}-${Date.now()}@empresa.test`, password: 'Wrong-Password-2026' },
        headers: { 'x-forwarded-for': `198.51.100.${i}` },
        localAddress: '127.0.0.5',
      });
      codes.push(String(attempt.body.code));
    }
    expect(codes).toContain('rate_limited');
  });
});

describe('the internal client-address header sent by a client is not honoured', () => {
  const forged = { 'x-csp-client-ip': '6.6.6.6', 'x-csp-proxy-secret': 'a-guess-at-the-secret' };

  it('through the web origin', async () => {
    const owner = await approvedOwnerByApi(platform, {
      label: 'hdr',
      fullName: 'Hilda Dias',
      company: 'Hdr',
    });
    const recorded = await loginAndRecorded(owner, forged);
    expect(recorded.session.ip).toBe('127.0.0.1');
    expect(recorded.lastLogin.ip).toBe('127.0.0.1');
  });

  it("straight at Next's internal address and straight at the API", async () => {
    const owner = await approvedOwnerByApi(platform, {
      label: 'around',
      fullName: 'Aldo Rodeio',
      company: 'Rodeio',
    });
    for (const origin of [platform.nextUrl, platform.apiUrl]) {
      const login = await rawRequest(origin, 'POST', '/api/v1/auth/login', {
        body: { email: owner.email, password: owner.password },
        headers: { origin: platform.appUrl, 'x-forwarded-for': '6.6.6.5', 'cf-ipcountry': 'BR', ...forged },
      });
      expect(login.status).toBe(200);
      const sessions = await rawRequest(origin, 'GET', '/api/v1/me/sessions', {
        headers: { cookie: login.cookies.join('; ') },
      });
      expect((sessions.body as Sessions).items.find((s) => s.current)).toMatchObject({
        ip: '127.0.0.1',
        place: null,
      });
    }
  });
});

describe("a trusted reverse proxy's word is taken, nobody else's (suspicion 5)", () => {
  it('from TRUSTED_PROXIES the right-most untrusted hop and the GEO header arrive; from a client they do not', async () => {
    const owner = await approvedOwnerByApi(platform, {
      label: 'geo',
      fullName: 'Gema Oliveira',
      company: 'Geo',
    });
    // 127.0.0.2 plays the reverse proxy (TRUSTED_PROXIES in e2e/platform-setup.ts): the left-most
    // entry is whatever its client claimed, the right-most is the address it saw.
    const proxied = await loginAndRecorded(
      owner,
      { 'x-forwarded-for': '6.6.6.6, 203.0.113.9', 'cf-ipcountry': 'BR' },
      '127.0.0.2',
    );
    expect(proxied.session).toMatchObject({ ip: '203.0.113.9', place: 'BR' });
    const direct = await loginAndRecorded(owner, {
      'x-forwarded-for': '203.0.113.9',
      'cf-ipcountry': 'BR',
    });
    expect(direct.session).toMatchObject({ ip: '127.0.0.1', place: null });
  });
});

describe('request bodies through the web origin are bounded and streamed (M3)', () => {
  it('64 MiB to the login answers 413 after about 1 MiB and the web processes do not grow', async () => {
    const result = await streamFiller(platform.appUrl, '/api/v1/auth/login', 64 * MiB, platform.webPids, {
      origin: platform.appUrl,
    });
    expect(result.status).toBe(413);
    expect(result.body.code).toBe('payload_too_large');
    // The answer came while most of the body was still unsent (socket buffers hold a few MiB).
    expect(result.writtenAtAnswer).toBeLessThan(16 * MiB);
    expect(result.rssGrowth).toBeLessThan(16 * MiB);
  });

  it('a Content-Length over 1 MiB is refused before any of the body is read', async () => {
    const url = new URL(platform.appUrl);
    const declared = await new Promise<{ status: number; code: unknown }>((resolve, reject) => {
      const request = http.request({
        host: '127.0.0.1',
        port: url.port,
        method: 'POST',
        path: '/api/v1/auth/login',
        agent: false,
        headers: { host: url.host, 'content-type': 'application/json', 'content-length': String(64 * MiB) },
      });
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => {
          request.destroy();
          resolve({ status: response.statusCode ?? 0, code: (JSON.parse(text) as { code: unknown }).code });
        });
      });
      request.on('error', reject);
      // Headers only: not a byte of the announced 64 MiB is sent.
      request.flushHeaders();
    });
    expect(declared).toEqual({ status: 413, code: 'payload_too_large' });
  });
});
