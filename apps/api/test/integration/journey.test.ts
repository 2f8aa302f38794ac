import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListBucketsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { eq } from 'drizzle-orm';
import { accessKeys, accounts } from '@csp/db';
import { MinioAdminClient } from '@csp/minio-admin';
import { readMail } from '@csp/local-services';
import { rootAdmin, approvedAccount, startTestApi, type TestApi } from '../support/harness';
import type { HttpSession } from '../support/http';

let api: TestApi;
let admin: MinioAdminClient;
beforeAll(async () => {
  api = await startTestApi();
  admin = rootAdmin(api);
});
afterAll(async () => {
  await api?.close();
});

function s3For(accessKeyId: string, secretAccessKey: string) {
  return new S3Client({
    endpoint: api.config.MINIO_ENDPOINT,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId, secretAccessKey },
    maxAttempts: 1,
  });
}

async function errorName(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return (error as { name: string }).name;
  }
}

type KeySecret = { key: { id: string; accessKeyId: string }; secretAccessKey: string };

async function createKey(owner: HttpSession, name = 'app') {
  const res = await owner.post<KeySecret>('/api/v1/access-keys', { name });
  expect(res.status).toBe(201);
  return res.body;
}

describe('approval provisions working storage', () => {
  it('creates the MinIO user, policy and a first key whose secret is revealed exactly once', async () => {
    const { accountId, input, owner } = await approvedAccount(api, 'prov');
    const [account] = await api.db.select().from(accounts).where(eq(accounts.id, accountId));
    expect(account.status).toBe('active');
    const user = await admin.getUserInfo(`acct-${accountId}`);
    expect(user).not.toBeNull();
    expect(user!.policyName).toBe(`acct-${accountId}`);

    const welcome = await readMail(api.mailUrl, { to: input.email, subjectIncludes: 'Conta aprovada' });
    const keys = await owner.get<{
      items: Array<{ id: string; accessKeyId: string; secretRevealable: boolean }>;
    }>('/api/v1/access-keys');
    expect(keys.body.items).toHaveLength(1);
    const initial = keys.body.items[0];
    expect(initial.secretRevealable).toBe(true);
    expect(welcome.text).toContain(initial.accessKeyId);

    const reveal = await owner.post<KeySecret>(`/api/v1/access-keys/${initial.id}/reveal`);
    expect(reveal.status).toBe(200);
    expect(reveal.body.secretAccessKey).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(welcome.text).not.toContain(reveal.body.secretAccessKey);
    const again = await owner.post(`/api/v1/access-keys/${initial.id}/reveal`);
    expect(again.status).toBe(410);
    const [row] = await api.db.select().from(accessKeys).where(eq(accessKeys.id, initial.id));
    expect(row.pendingSecret).toBeNull();

    // The revealed secret works on the account's first bucket.
    const s3 = s3For(initial.accessKeyId, reveal.body.secretAccessKey);
    const bucket = `first-${Date.now().toString(36)}`;
    expect((await owner.post('/api/v1/buckets', { name: bucket })).status).toBe(201);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'probe', Body: 'ok' }));
    const listed = await s3.send(new ListBucketsCommand({}));
    expect((listed.Buckets ?? []).map((x) => x.Name)).toEqual([bucket]);
  });
});

describe('buckets, keys and isolation between accounts', () => {
  it('lets each key reach exactly its own account’s buckets', async () => {
    const a = await approvedAccount(api, 'tena');
    const b = await approvedAccount(api, 'tenb');
    const bucketA = `a-${Date.now().toString(36)}`;
    const bucketB = `b-${Date.now().toString(36)}`;
    const createdA = await a.owner.post<{ id: string; name: string }>('/api/v1/buckets', {
      name: bucketA,
      versioning: true,
    });
    expect(createdA.status).toBe(201);
    expect((await b.owner.post('/api/v1/buckets', { name: bucketB })).status).toBe(201);

    const keyA = await createKey(a.owner);
    const keyB = await createKey(b.owner);
    const s3A = s3For(keyA.key.accessKeyId, keyA.secretAccessKey);
    const s3B = s3For(keyB.key.accessKeyId, keyB.secretAccessKey);

    await s3A.send(new PutObjectCommand({ Bucket: bucketA, Key: 'hello.txt', Body: 'olá' }));
    const got = await s3A.send(new GetObjectCommand({ Bucket: bucketA, Key: 'hello.txt' }));
    expect(await got.Body!.transformToString()).toBe('olá');

    expect(await errorName(s3A.send(new PutObjectCommand({ Bucket: bucketB, Key: 'x', Body: 'x' })))).toBe(
      'AccessDenied',
    );
    expect(await errorName(s3B.send(new GetObjectCommand({ Bucket: bucketA, Key: 'hello.txt' })))).toBe(
      'AccessDenied',
    );
    // ListBuckets shows only what the key may list.
    const listA = await s3A.send(new ListBucketsCommand({}));
    expect((listA.Buckets ?? []).map((x) => x.Name)).toEqual([bucketA]);
    // Keys cannot create buckets behind the platform's back.
    expect(await errorName(s3A.send(new CreateBucketCommand({ Bucket: `${bucketA}-rogue` })))).toBe(
      'AccessDenied',
    );

    // Versioning was turned on.
    const list = await a.owner.get<{ items: Array<{ name: string; versioning: boolean }> }>(
      '/api/v1/buckets',
    );
    expect(list.body.items.find((x) => x.name === bucketA)?.versioning).toBe(true);

    // Another account's ids answer 404 and change nothing.
    expect((await b.owner.delete(`/api/v1/buckets/${createdA.body.id}`)).status).toBe(404);
    expect((await b.owner.delete(`/api/v1/access-keys/${keyA.key.id}`)).status).toBe(404);
    expect((await b.owner.post(`/api/v1/access-keys/${keyA.key.id}/reveal`)).status).toBe(404);
    expect((await a.owner.delete('/api/v1/buckets/not-a-uuid')).status).toBe(404);
    await s3A.send(new GetObjectCommand({ Bucket: bucketA, Key: 'hello.txt' }));

    // A non-empty bucket is refused with a clear message; after emptying it, it goes.
    const refused = await a.owner.delete(`/api/v1/buckets/${createdA.body.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain(bucketA);

    // Revoking a key stops it at once.
    expect((await a.owner.delete(`/api/v1/access-keys/${keyA.key.id}`)).status).toBe(204);
    expect(await errorName(s3A.send(new GetObjectCommand({ Bucket: bucketA, Key: 'hello.txt' })))).toMatch(
      /InvalidAccessKeyId|AccessDenied/,
    );
    const keys = await a.owner.get<{ items: Array<{ id: string; status: string }> }>('/api/v1/access-keys');
    expect(keys.body.items.find((k) => k.id === keyA.key.id)?.status).toBe('revoked');
  });

  it('validates bucket names with the PRD rules and keeps names unique platform-wide', async () => {
    const a = await approvedAccount(api, 'names');
    const b = await approvedAccount(api, 'names2');
    const bad = await a.owner.post('/api/v1/buckets', { name: 'Backup_Prod' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toMatchObject({ name: 'Use apenas letras minúsculas, números e hífen.' });
    expect((await a.owner.post('/api/v1/buckets', { name: 'ab' })).status).toBe(400);
    expect((await a.owner.post('/api/v1/buckets', { name: 'back--up' })).status).toBe(400);
    const name = `shared-${Date.now().toString(36)}`;
    expect((await a.owner.post('/api/v1/buckets', { name })).status).toBe(201);
    const taken = await b.owner.post('/api/v1/buckets', { name });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('bucket_name_taken');
    const listB = await b.owner.get<{ items: unknown[] }>('/api/v1/buckets');
    expect(listB.body.items).toHaveLength(0);
  });

  it('deletes an empty bucket and removes it from the account policy', async () => {
    const a = await approvedAccount(api, 'del');
    const name = `del-${Date.now().toString(36)}`;
    const created = await a.owner.post<{ id: string }>('/api/v1/buckets', { name });
    expect((await a.owner.delete(`/api/v1/buckets/${created.body.id}`)).status).toBe(204);
    const policy = await admin.getCannedPolicy(`acct-${a.accountId}`);
    expect(JSON.stringify(policy)).not.toContain(name);
    expect((await a.owner.get<{ items: unknown[] }>('/api/v1/buckets')).body.items).toHaveLength(0);
  });

  it('shows usage from MinIO against the quota on the dashboard', async () => {
    const a = await approvedAccount(api, 'dash');
    type Dash = { quotaBytes: number; usedBytes: number; bucketCount: number; usagePercent: number };
    const empty = await a.owner.get<Dash>('/api/v1/dashboard');
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ quotaBytes: 10_000_000_000, usedBytes: 0, bucketCount: 0 });

    const name = `dash-${Date.now().toString(36)}`;
    expect((await a.owner.post('/api/v1/buckets', { name })).status).toBe(201);
    const key = await createKey(a.owner);
    const body = Buffer.alloc(3_000_000, 7);
    await s3For(key.key.accessKeyId, key.secretAccessKey).send(
      new PutObjectCommand({ Bucket: name, Key: 'blob.bin', Body: body }),
    );
    // MinIO's scanner reports usage some seconds later (fastest speed in tests).
    let dash = empty;
    const deadline = Date.now() + 90_000;
    while (dash.body.usedBytes === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1000));
      dash = await a.owner.get<Dash>('/api/v1/dashboard');
    }
    expect(dash.body.usedBytes).toBe(3_000_000);
    expect(dash.body.bucketCount).toBe(1);
    expect(dash.body.usagePercent).toBe(0); // 0.03 % rounds to one decimal place
    const list = await a.owner.get<{
      items: Array<{ name: string; sizeBytes: number; objectCount: number }>;
    }>('/api/v1/buckets');
    expect(list.body.items[0]).toMatchObject({ name, sizeBytes: 3_000_000, objectCount: 1 });
  }, 120_000);

  it('requires a session and the right role', async () => {
    const anon = api.session();
    expect((await anon.get('/api/v1/buckets')).status).toBe(401);
    expect((await anon.get('/api/v1/staff/accounts')).status).toBe(401);
    const a = await approvedAccount(api, 'roles');
    // A customer session is not a staff session.
    expect((await a.owner.get('/api/v1/staff/accounts')).status).toBe(401);
    // Cross-site writes are refused even with the session cookie; same-origin ones pass.
    const name = `csrf-${Date.now().toString(36)}`;
    const csrf = await a.owner.request(
      'POST',
      '/api/v1/buckets',
      { name },
      { origin: 'https://evil.example' },
    );
    expect(csrf.status).toBe(403);
    expect(csrf.body.code).toBe('origin_not_allowed');
    expect((await a.owner.get<{ items: unknown[] }>('/api/v1/buckets')).body.items).toHaveLength(0);
    const same = await a.owner.request(
      'POST',
      '/api/v1/buckets',
      { name },
      { origin: 'http://127.0.0.1:3000' },
    );
    expect(same.status).toBe(201);
    // A developer-role permission check is covered by the permission walk; security headers here.
    const res = await a.owner.get('/api/v1/me');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
