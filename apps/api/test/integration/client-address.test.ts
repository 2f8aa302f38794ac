import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedAccount, startTestApi, type TestApi } from '../support/harness';
import { TEST_WEB_PROXY_SECRET } from '../support/http';

// Security review f107f84, H2 and suspicions 3 and 5: the API takes a client address (and the
// geo header) from the web server only. These requests go straight at the API with nothing added
// (HttpSession would add the web server's headers), from 127.0.0.1.
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ GEO_HEADER: 'X-Test-Geo' });
});
afterAll(async () => {
  await api?.close();
});

type Sessions = { items: Array<{ ip: string; place: string | null; current: boolean }> };

/** Logs in with exactly these extra headers and returns the new session as the API recorded it. */
async function recordedSession(
  account: { email: string; password: string },
  headers: Record<string, string>,
) {
  const login = await fetch(`${api.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const list = await fetch(`${api.baseUrl}/api/v1/me/sessions`, { headers: { cookie } });
  return ((await list.json()) as Sessions).items.find((s) => s.current)!;
}

describe('X-Forwarded-For and the geo header sent straight to the API', () => {
  it('are ignored: the session records the socket address and no place', async () => {
    const { input } = await approvedAccount(api, 'xffapi');
    expect(await recordedSession(input, { 'x-forwarded-for': '6.6.6.6', 'x-test-geo': 'BR' })).toMatchObject({
      ip: '127.0.0.1',
      place: null,
    });
  });

  it('"hello world" is never a client address', async () => {
    const { input } = await approvedAccount(api, 'xffjunk');
    expect((await recordedSession(input, { 'x-forwarded-for': 'hello world' })).ip).toBe('127.0.0.1');
  });
});

describe("the web server's client address header (x-csp-client-ip)", () => {
  it('without the shared secret, or with a wrong one, is ignored', async () => {
    const { input } = await approvedAccount(api, 'nosecret');
    expect(await recordedSession(input, { 'x-csp-client-ip': '6.6.6.6', 'x-test-geo': 'BR' })).toMatchObject({
      ip: '127.0.0.1',
      place: null,
    });
    const guessed = await recordedSession(input, {
      'x-csp-client-ip': '6.6.6.6',
      'x-csp-proxy-secret': `${TEST_WEB_PROXY_SECRET}x`,
    });
    expect(guessed.ip).toBe('127.0.0.1');
  });

  it('with the secret from the web server (loopback) names the client and its place', async () => {
    const { input } = await approvedAccount(api, 'secret');
    const recorded = await recordedSession(input, {
      'x-csp-client-ip': '203.0.113.7',
      'x-csp-proxy-secret': TEST_WEB_PROXY_SECRET,
      'x-test-geo': 'BR',
      'x-forwarded-for': '6.6.6.6',
    });
    expect(recorded).toMatchObject({ ip: '203.0.113.7', place: 'BR' });
    const v6 = await recordedSession(input, {
      'x-csp-client-ip': '2001:db8::7',
      'x-csp-proxy-secret': TEST_WEB_PROXY_SECRET,
    });
    expect(v6.ip).toBe('2001:db8::7');
  });

  it('with the secret but a value that is not an IP address falls back to the socket address', async () => {
    const { input } = await approvedAccount(api, 'notip');
    for (const junk of ['hello world', '6.6.6.6, 7.7.7.7', '<script>', '']) {
      const recorded = await recordedSession(input, {
        'x-csp-client-ip': junk,
        'x-csp-proxy-secret': TEST_WEB_PROXY_SECRET,
      });
      expect(recorded.ip).toBe('127.0.0.1');
    }
  });
});
