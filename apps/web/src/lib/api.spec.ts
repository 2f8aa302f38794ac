import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from './api';

function fakeFetch(status: number, body: unknown, calls: Array<{ url: string; init?: RequestInit }> = []) {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    const text = body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

describe('createApiClient', () => {
  it('calls /api/v1 with JSON and forwarded headers', async () => {
    const calls: Array<{ url: string; init?: RequestInit }> = [];
    const client = createApiClient({
      baseUrl: 'http://api:3001/',
      headers: { cookie: 'csp_session=x' },
      fetch: fakeFetch(201, { id: 'b1', name: 'logs' }, calls),
    });
    const bucket = await client.createBucket({ name: 'logs', versioning: true });
    expect(bucket).toEqual({ id: 'b1', name: 'logs' });
    expect(calls[0].url).toBe('http://api:3001/api/v1/buckets');
    expect(calls[0].init?.method).toBe('POST');
    expect(calls[0].init?.body).toBe('{"name":"logs","versioning":true}');
    expect(calls[0].init?.headers).toMatchObject({
      cookie: 'csp_session=x',
      'content-type': 'application/json',
    });
  });

  it('encodes ids and query strings', async () => {
    const calls: Array<{ url: string; init?: RequestInit }> = [];
    const client = createApiClient({ fetch: fakeFetch(200, { items: [] }, calls) });
    await client.staffListAccounts('pending_approval');
    await client.revealAccessKey('a/b');
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/staff/accounts?status=pending_approval',
      '/api/v1/access-keys/a%2Fb/reveal',
    ]);
  });

  it('returns undefined for 204', async () => {
    const client = createApiClient({ fetch: fakeFetch(204, undefined) });
    await expect(client.deleteBucket('b1')).resolves.toBeUndefined();
  });

  it('turns error bodies into ApiError with code, message and fields', async () => {
    const client = createApiClient({
      fetch: fakeFetch(400, {
        statusCode: 400,
        code: 'invalid_code',
        message: 'Código inválido.',
        remainingAttempts: 3,
        fields: { code: 'Errado' },
      }),
    });
    const error = await client.verifySignup({ signupId: 's', code: '000000' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('invalid_code');
    expect(apiError.message).toBe('Código inválido.');
    expect(apiError.fields).toEqual({ code: 'Errado' });
    expect(apiError.body.remainingAttempts).toBe(3);
  });

  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected a failure');
      },
      (e: unknown) => e as ApiError,
    );

  it('survives non-JSON error bodies and network failures', async () => {
    const proxyError = await failure(
      createApiClient({ fetch: fakeFetch(500, 'Internal Server Error') }).me(),
    );
    expect(proxyError.status).toBe(500);
    expect(proxyError.code).toBe('http_error');

    const offline = createApiClient({
      fetch: (async () => {
        throw new TypeError('fetch failed');
      }) as typeof fetch,
    });
    const networkError = await failure(offline.me());
    expect(networkError.isNetworkError).toBe(true);
    expect(networkError.code).toBe('network_error');
  });
});
