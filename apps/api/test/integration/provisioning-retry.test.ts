import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { eq } from 'drizzle-orm';
import { accessKeys, accounts } from '@csp/db';
import { MinioAdminClient } from '@csp/minio-admin';
import { inject } from 'vitest';
import { FaultProxy } from '../support/fault-proxy';
import { signUpAndVerify, staffSession, startTestApi, type TestApi } from '../support/harness';

let api: TestApi;
let proxy: FaultProxy;
let admin: MinioAdminClient;

beforeAll(async () => {
  const { minio } = inject('services');
  proxy = new FaultProxy(minio!.endpoint);
  const proxied = await proxy.start();
  // The API reaches MinIO only through the proxy; the test checks MinIO directly.
  api = await startTestApi({ MINIO_ENDPOINT: proxied });
  admin = new MinioAdminClient({
    endpoint: minio!.endpoint,
    accessKey: minio!.rootUser,
    secretKey: minio!.rootPassword,
  });
});
afterAll(async () => {
  await api?.close();
  await proxy?.close();
});

describe('approval when MinIO stops in the middle of provisioning', () => {
  it('counts the admin calls of a clean approval', async () => {
    const { accountId } = await signUpAndVerify(api);
    const staff = await staffSession(api);
    proxy.stopAfter(Infinity);
    expect((await staff.post(`/api/v1/staff/accounts/${accountId}/approve`)).status).toBe(200);
    // policy, user-info, add-user, attach, info-service-account, add-service-account
    expect(proxy.seen.length).toBeGreaterThanOrEqual(5);
  });

  it('leaves the account pending after a failure at every step, and a retry completes it once', async () => {
    // Learn how many MinIO calls a clean approval makes, then fail at each of them in turn.
    const probe = await signUpAndVerify(api);
    const staff = await staffSession(api);
    proxy.stopAfter(Infinity);
    await staff.post(`/api/v1/staff/accounts/${probe.accountId}/approve`);
    const steps = proxy.seen.length;

    for (let failAt = 0; failAt < steps; failAt++) {
      const { accountId } = await signUpAndVerify(api);
      proxy.stopAfter(failAt);
      const failed = await staff.post(`/api/v1/staff/accounts/${accountId}/approve`);
      expect(failed.status, `failure after ${failAt} calls`).toBe(502);
      expect(failed.body.code).toBe('provisioning_failed');
      const [pending] = await api.db.select().from(accounts).where(eq(accounts.id, accountId));
      expect(pending.status).toBe('pending_approval');

      proxy.heal();
      const retried = await staff.post(`/api/v1/staff/accounts/${accountId}/approve`);
      expect(retried.status, `retry after failing at call ${failAt}`).toBe(200);
      expect(retried.body.status).toBe('active');

      // Exactly one key on MinIO, the one the database knows, and it works.
      const user = `acct-${accountId}`;
      const onMinio = await admin.listServiceAccounts(user);
      const rows = await api.db.select().from(accessKeys).where(eq(accessKeys.accountId, accountId));
      expect(rows).toHaveLength(1);
      expect(onMinio.map((k) => k.accessKey)).toEqual([rows[0].accessKeyId]);
      expect((await admin.getUserInfo(user))?.policyName).toBe(user);

      // Approving again changes nothing.
      expect((await staff.post(`/api/v1/staff/accounts/${accountId}/approve`)).body.status).toBe('active');
      expect(await admin.listServiceAccounts(user)).toHaveLength(1);
    }
  });

  it('the retried account works end to end with its revealed key', async () => {
    const { accountId, input } = await signUpAndVerify(api);
    const staff = await staffSession(api);
    proxy.stopAfter(3);
    expect((await staff.post(`/api/v1/staff/accounts/${accountId}/approve`)).status).toBe(502);
    proxy.heal();
    expect((await staff.post(`/api/v1/staff/accounts/${accountId}/approve`)).status).toBe(200);
    const owner = api.session();
    expect(
      (await owner.post('/api/v1/auth/login', { email: input.email, password: input.password })).status,
    ).toBe(200);
    const keys = await owner.get<{ items: Array<{ id: string; accessKeyId: string }> }>(
      '/api/v1/access-keys',
    );
    const reveal = await owner.post<{ secretAccessKey: string }>(
      `/api/v1/access-keys/${keys.body.items[0].id}/reveal`,
    );
    const bucket = `retry-${Date.now().toString(36)}`;
    expect((await owner.post('/api/v1/buckets', { name: bucket })).status).toBe(201);
    const s3 = new S3Client({
      endpoint: inject('services').minio!.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: {
        accessKeyId: keys.body.items[0].accessKeyId,
        secretAccessKey: reveal.body.secretAccessKey,
      },
    });
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'after-retry.txt', Body: 'ok' }));
  });
});
