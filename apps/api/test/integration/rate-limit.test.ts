import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedAccount, startTestApi, type TestApi } from '../support/harness';
import { HttpSession } from '../support/http';
import { sessionFor } from '../support/walk';

/**
 * The general API rate limit (PRD 7.3): per session or API token, with a looser ceiling per client
 * address. This instance runs with tiny limits (5 per client, 12 per address, per minute) so the
 * limiter is reached in a few requests; the counts below are exact, nothing here depends on time.
 */
const PER_CLIENT = 5;
const PER_ADDRESS = 12;
let api: TestApi;
let userId: string;
let token: string;

beforeAll(async () => {
  api = await startTestApi({
    RATE_LIMIT_PER_MINUTE: String(PER_CLIENT),
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: String(PER_ADDRESS),
  });
  const { owner } = await approvedAccount(api, 'ratelimit');
  const me = await owner.get<{ user: { id: string } }>('/api/v1/me');
  userId = me.body.user.id;
  const made = await owner.post<{ token: string }>('/api/v1/api-tokens', {
    name: 'rate limit',
    permissions: ['bucket.read'],
  });
  expect(made.status).toBe(201);
  token = made.body.token;
});
afterAll(async () => {
  await api?.close();
});

/** A session of the owner opened in the database (no login request counted), from `ip`. */
async function sessionAt(ip: string, lang: 'pt-BR' | 'en' = 'pt-BR') {
  const made = await sessionFor(api, { userId });
  const session = new HttpSession(api.baseUrl, lang, ip);
  session.setCookie('csp_session', made.cookie('csp_session')!);
  return session;
}

async function statuses(session: HttpSession, count: number, path = '/api/v1/me', headers = {}) {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await session.request('GET', path, undefined, headers)).status);
  return out;
}

describe('general API rate limit', () => {
  it('a session past its limit gets 429 with Retry-After and a translated message; a second session of the same person and address is unaffected', async () => {
    const first = await sessionAt('10.200.0.1');
    expect(await statuses(first, PER_CLIENT)).toEqual(Array(PER_CLIENT).fill(200));
    const refused = await first.get('/api/v1/me');
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('rate_limited');
    expect(refused.body.message).toMatch(/^Muitas solicitações\. Aguarde \d+ segundos/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Every route counts, a 404 too, and the refusal comes before any handler.
    expect((await first.get('/api/v1/buckets')).status).toBe(429);

    const second = await sessionAt('10.200.0.1', 'en');
    expect((await second.get('/api/v1/me')).status).toBe(200);
  });

  it('the address ceiling: many sessions from one address together stop at it; another address goes on', async () => {
    const ip = '10.200.0.2';
    const seen: number[] = [];
    // Sessions of 4 requests each (under the per-client limit) until the address has sent PER_ADDRESS.
    for (let sent = 0; sent < PER_ADDRESS; sent += 4) seen.push(...(await statuses(await sessionAt(ip), 4)));
    expect(seen).toEqual(Array(PER_ADDRESS).fill(200));
    const fresh = await sessionAt(ip, 'en');
    const refused = await fresh.get('/api/v1/me');
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/^Too many requests\. Wait \d+ seconds/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Invented session cookies get no fresh counter past the ceiling either.
    const forged = new HttpSession(api.baseUrl, 'pt-BR', ip);
    forged.setCookie('csp_session', 'not-a-session');
    expect((await forged.get('/api/v1/me')).status).toBe(429);

    expect((await (await sessionAt('10.200.0.3')).get('/api/v1/me')).status).toBe(200);
  });

  it('an API token and an anonymous client each have their own counter', async () => {
    const bearer = new HttpSession(api.baseUrl, 'pt-BR', '10.200.0.4');
    const auth = { authorization: `Bearer ${token}` };
    expect(await statuses(bearer, PER_CLIENT + 1, '/api/v1/buckets', auth)).toEqual([
      ...Array(PER_CLIENT).fill(200),
      429,
    ]);
    // The same address without the token is another client (anonymous, counted by address).
    expect(await statuses(bearer, PER_CLIENT + 1, '/api/v1/health')).toEqual([
      ...Array(PER_CLIENT).fill(200),
      429,
    ]);
  });
});
