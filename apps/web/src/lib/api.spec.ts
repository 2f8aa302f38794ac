import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from './api';

interface Call {
  url: string;
  method: string;
  body: string;
  headers: Headers;
}

function fakeFetch(status: number, body: unknown, calls: Call[] = []) {
  return (async (input: RequestInfo | URL) => {
    const request = input as Request;
    calls.push({
      url: request.url,
      method: request.method,
      body: await request.text(),
      headers: request.headers,
    });
    const text = body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

const base = 'http://api:3001';

describe('createApiClient (generated client wrapper)', () => {
  it('calls /api/v1 with JSON and forwarded headers', async () => {
    const calls: Call[] = [];
    const client = createApiClient({
      baseUrl: `${base}/`,
      headers: { cookie: 'csp_session=x' },
      fetch: fakeFetch(201, { id: 'b1', name: 'logs' }, calls),
    });
    const bucket = await client.createBucket({ name: 'logs', versioning: true });
    expect(bucket).toEqual({ id: 'b1', name: 'logs' });
    expect(calls[0].url).toBe(`${base}/api/v1/buckets`);
    expect(calls[0].method).toBe('POST');
    expect(JSON.parse(calls[0].body)).toEqual({ name: 'logs', versioning: true });
    expect(calls[0].headers.get('cookie')).toBe('csp_session=x');
    expect(calls[0].headers.get('content-type')).toBe('application/json');
  });

  it('encodes ids and query strings', async () => {
    const calls: Call[] = [];
    const client = createApiClient({ baseUrl: base, fetch: fakeFetch(200, { items: [] }, calls) });
    await client.staffListAccounts('pending_approval');
    await client.revealAccessKey('a/b');
    expect(calls.map((c) => c.url)).toEqual([
      `${base}/api/v1/staff/accounts?status=pending_approval`,
      `${base}/api/v1/access-keys/a%2Fb/reveal`,
    ]);
  });

  it('returns nothing for 204', async () => {
    const client = createApiClient({ baseUrl: base, fetch: fakeFetch(204, undefined) });
    await expect(client.deleteBucket('b1')).resolves.toBeUndefined();
  });

  it('turns error bodies into ApiError with code, message and fields', async () => {
    const client = createApiClient({
      baseUrl: base,
      fetch: fakeFetch(400, {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Alguns campos estão inválidos.',
        fields: { name: 'Use apenas letras minúsculas, números e hífen.' },
      }),
    });
    const error = await client.createBucket({ name: 'X' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).code).toBe('validation_failed');
    expect((error as ApiError).message).toBe('Alguns campos estão inválidos.');
    expect((error as ApiError).fields).toEqual({ name: 'Use apenas letras minúsculas, números e hífen.' });
  });

  it('survives non-JSON error bodies and network failures', async () => {
    const broken = await createApiClient({ baseUrl: base, fetch: fakeFetch(500, 'Internal Server Error') })
      .me()
      .catch((e: unknown) => e);
    expect((broken as ApiError).status).toBe(500);
    expect((broken as ApiError).code).toBe('http_error');
    const offline = await createApiClient({
      baseUrl: base,
      fetch: (async () => {
        throw new TypeError('fetch failed');
      }) as typeof fetch,
    })
      .me()
      .catch((e: unknown) => e);
    expect((offline as ApiError).isNetworkError).toBe(true);
  });
});
