import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { accessKeys } from '@csp/db';
import { approvedAccount, startTestApi, type TestApi } from '../support/harness';
import type { HttpSession } from '../support/http';

/**
 * Bad input answers a 4xx with a translated message and changes nothing, never a 5xx. The first
 * three are the answers a fuzz of the OpenAPI document found (500, 500, 503), the next ones what
 * our own fuzzer (fuzz.test.ts, which keeps every other operation honest) found on its first runs.
 */
let api: TestApi;
let owner: HttpSession;
let accountId: string;
let bucketId: string;

beforeAll(async () => {
  api = await startTestApi();
  const account = await approvedAccount(api, 'badinput');
  owner = account.owner;
  accountId = account.accountId;
  const bucket = await owner.post<{ id: string }>('/api/v1/buckets', {
    name: `bad-input-${Date.now().toString(36)}`,
  });
  expect(bucket.status).toBe(201);
  bucketId = bucket.body.id;
});
afterAll(async () => {
  await api?.close();
});

const keyCount = async () =>
  (
    await api.db
      .select({ n: sql<number>`count(*)::int` })
      .from(accessKeys)
      .where(eq(accessKeys.accountId, accountId))
  )[0].n;

describe('bad input never answers 5xx', () => {
  it('POST /access-keys with a NUL character in the description: 400, no key made', async () => {
    const before = await keyCount();
    const res = await owner.post('/api/v1/access-keys', {
      name: 'nul-test',
      description: 'backup\u0000noturno',
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(Object.keys((res.body.fields as Record<string, string>) ?? {})).toContain('description');
    expect(await keyCount()).toBe(before);
  });

  it('GET /audit/export.csv with a NUL in actor and years 0410/0789: 400 per field', async () => {
    const res = await owner.get(
      `/api/v1/audit/export.csv?actor=${encodeURIComponent('ana\u0000')}&from=0410-01-01&to=0789-12-31`,
    );
    expect(res.status).toBe(400);
    const fields = (res.body as { fields?: Record<string, string> }).fields ?? {};
    expect(Object.keys(fields).sort()).toEqual(['actor', 'from', 'to']);
  });

  it('GET /buckets/{id}/objects/versions with a 1,000-character versionIdMarker: 400', async () => {
    const res = await owner.get(
      `/api/v1/buckets/${bucketId}/objects/versions?versionIdMarker=${'v'.repeat(1000)}`,
    );
    expect(res.status).toBe(400);
    expect(Object.keys((res.body.fields as Record<string, string>) ?? {})).toContain('versionIdMarker');
  });

  it('POST /access-keys expiring in 400 days (MinIO refuses > 365): 400, no key made', async () => {
    const before = await keyCount();
    const res = await owner.post('/api/v1/access-keys', {
      name: 'long-expiry',
      expiresAt: new Date(Date.now() + 400 * 86_400_000).toISOString(),
    });
    expect(res.status).toBe(400);
    expect(Object.keys((res.body.fields as Record<string, string>) ?? {})).toEqual(['expiresAt']);
    expect(await keyCount()).toBe(before);
  });

  it('GET /buckets/{id}/objects/versions with a keyMarker outside the key: 400', async () => {
    const res = await owner.get(`/api/v1/buckets/${bucketId}/objects/versions?key=prototype&keyMarker=1xc`);
    expect(res.status).toBe(400);
    expect(Object.keys((res.body.fields as Record<string, string>) ?? {})).toContain('keyMarker');
  });

  it('a body nested 5,000 levels deep: 400 (the shared rule stops at 32 levels)', async () => {
    const res = await owner.request('POST', '/api/v1/quota/requests', '['.repeat(5000) + ']'.repeat(5000));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
  });

  it('free-text reasons may span lines; names may not', async () => {
    const reason = await owner.post('/api/v1/quota/requests', {
      requestedGb: 3,
      reason: 'Backup semanal\nmais espaço',
    });
    expect(reason.status).toBe(201);
    const name = await owner.post('/api/v1/access-keys', { name: 'duas\nlinhas' });
    expect(name.status).toBe(400);
    expect((name.body.fields as Record<string, string>).name).toMatch(/caracteres de controle/);
  });
});
