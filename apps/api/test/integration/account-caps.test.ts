import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { MinioAdminClient } from '@csp/minio-admin';
import { rootAdmin, approvedAccount, startTestApi, type TestApi } from '../support/harness';
import { createMember } from '../support/grants';

/** Per-account caps (low here; production defaults: 100 buckets, 100 keys, 50 API tokens). */
let api: TestApi;
let admin: MinioAdminClient;
beforeAll(async () => {
  api = await startTestApi({
    MAX_BUCKETS_PER_ACCOUNT: '2',
    MAX_ACCESS_KEYS_PER_ACCOUNT: '2',
    MAX_API_TOKENS_PER_ACCOUNT: '2',
  });
  admin = rootAdmin(api);
});
afterAll(async () => {
  await api?.close();
});

const name = (label: string) => `${label}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

describe('per-account caps on buckets, access keys and API tokens (L13)', () => {
  it('the next bucket, key or token past the cap is refused with 409 and a message; nothing is made', async () => {
    const { accountId, owner } = await approvedAccount(api, 'caps');
    for (let i = 0; i < 2; i++)
      expect((await owner.post('/api/v1/buckets', { name: name(`cap${i}`) })).status).toBe(201);
    const extra = name('cap-extra');
    const bucket = await owner.post('/api/v1/buckets', { name: extra });
    expect(bucket.status).toBe(409);
    expect(bucket.body.code).toBe('bucket_limit_reached');
    expect(String(bucket.body.message)).toContain('2');
    const root = new S3Client({
      endpoint: api.config.MINIO_ENDPOINT,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: {
        accessKeyId: api.config.MINIO_ROOT_USER,
        secretAccessKey: api.config.MINIO_ROOT_PASSWORD,
      },
    });
    const onMinio = (await root.send(new ListBucketsCommand({}))).Buckets ?? [];
    expect(onMinio.map((b) => b.Name)).not.toContain(extra);

    // The account starts with its first key: one more fits, the next does not.
    expect((await owner.post('/api/v1/access-keys', { name: 'segunda' })).status).toBe(201);
    const before = await admin.listServiceAccounts(`acct-${accountId}`);
    const key = await owner.post('/api/v1/access-keys', { name: 'terceira' });
    expect(key.status).toBe(409);
    expect(key.body.code).toBe('access_key_limit_reached');
    expect(key.body).not.toHaveProperty('secretAccessKey');
    expect(await admin.listServiceAccounts(`acct-${accountId}`)).toHaveLength(before.length);

    for (let i = 0; i < 2; i++)
      expect(
        (await owner.post('/api/v1/api-tokens', { name: `t${i}`, permissions: ['bucket.read'] })).status,
      ).toBe(201);
    const token = await owner.post('/api/v1/api-tokens', { name: 't3', permissions: ['bucket.read'] });
    expect(token.status).toBe(409);
    expect(token.body.code).toBe('api_token_limit_reached');
    expect((await owner.get<{ items: unknown[] }>('/api/v1/api-tokens')).body.items).toHaveLength(2);

    // English too.
    const en = api.session('en');
    en.setCookie('csp_session', owner.cookie('csp_session')!);
    const english = await en.post('/api/v1/buckets', { name: name('cap-en') });
    expect(english.status).toBe(409);
    expect(String(english.body.message)).toMatch(/bucket/i);
  });

  it('the team list is paged', async () => {
    const { accountId, owner } = await approvedAccount(api, 'capteam');
    await createMember(api, accountId, 'admin');
    await createMember(api, accountId, 'developer');
    const first = await owner.get<{ items: Array<{ id: string }>; nextOffset: number | null }>(
      '/api/v1/team/members?limit=2',
    );
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextOffset).toBe(2);
    const second = await owner.get<{ items: Array<{ id: string }>; nextOffset: number | null }>(
      '/api/v1/team/members?limit=2&offset=2',
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextOffset).toBeNull();
    expect(new Set([...first.body.items, ...second.body.items].map((m) => m.id)).size).toBe(3);
    expect((await owner.get('/api/v1/team/members?limit=100000')).status).toBe(400);
  });
});
