import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  DeleteObjectCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketPolicyCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { and, eq, isNull } from 'drizzle-orm';
import { auditEntries, buckets } from '@csp/db';
import { FaultProxy } from '../support/fault-proxy';
import { approvedAccount, startTestApi, type TestApi } from '../support/harness';
import type { HttpSession } from '../support/http';

let api: TestApi;
let proxy: FaultProxy;
/** Root S3 client straight to MinIO: the test reads the real state, never through the API. */
let s3: S3Client;
let minioEndpoint: string;
let owner: HttpSession;
let accountId: string;
let other: HttpSession;

beforeAll(async () => {
  const { minio } = inject('services');
  minioEndpoint = minio!.endpoint;
  proxy = new FaultProxy(minio!.endpoint);
  const proxied = await proxy.start();
  // The API reaches MinIO through the proxy (to stop it mid-operation); clients see MinIO itself.
  api = await startTestApi({ MINIO_ENDPOINT: proxied, S3_PUBLIC_ENDPOINT: minio!.endpoint });
  s3 = new S3Client({
    endpoint: minio!.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: minio!.rootUser, secretAccessKey: minio!.rootPassword },
  });
  ({ owner, accountId } = await approvedAccount(api, 'bkt'));
  ({ owner: other } = await approvedAccount(api, 'bkt-other'));
});
afterAll(async () => {
  await api?.close();
  await proxy?.close();
});

type Detail = {
  id: string;
  name: string;
  versioning: boolean;
  publicRead: boolean;
  objectLock: boolean;
  defaultRetention: { mode: string; days: number } | null;
  lifecycleRuleCount: number;
  lifecycleRules: Array<{
    id: string;
    prefix: string;
    expireDays: number | null;
    noncurrentExpireDays: number | null;
    abortIncompleteUploadsDays: number | null;
  }>;
  connection: {
    s3Endpoint: string;
    region: string;
    bucketUrl: string;
    publicObjectUrlPattern: string | null;
  };
};

const uniqueName = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
const put = <T = Record<string, unknown>>(session: HttpSession, path: string, body: unknown) =>
  session.request<T>('PUT', path, body);

async function create(body: Record<string, unknown>, session = owner) {
  const res = await session.post<Detail>('/api/v1/buckets', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function errorName(promise: Promise<unknown>) {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return (error as { name?: string }).name;
  }
}

async function liveRow(name: string) {
  const [row] = await api.db
    .select()
    .from(buckets)
    .where(and(eq(buckets.name, name), isNull(buckets.deletedAt)));
  return row ?? null;
}

const anonymousGet = (bucket: string, key: string) => fetch(`${minioEndpoint}/${bucket}/${key}`);

describe('bucket creation with options', () => {
  it('creates versioning + public read + lifecycle, as MinIO reports it, and lists the settings', async () => {
    const name = uniqueName('opts');
    const created = await create({
      name,
      versioning: true,
      publicRead: true,
      lifecycleRules: [
        { prefix: 'logs/', expireDays: 30, noncurrentExpireDays: 7 },
        { abortIncompleteUploadsDays: 2 },
      ],
    });
    expect(created).toMatchObject({
      name,
      versioning: true,
      publicRead: true,
      objectLock: false,
      defaultRetention: null,
      lifecycleRuleCount: 2,
    });

    const versioning = await s3.send(new GetBucketVersioningCommand({ Bucket: name }));
    expect(versioning.Status).toBe('Enabled');
    const policy = JSON.parse((await s3.send(new GetBucketPolicyCommand({ Bucket: name }))).Policy!);
    expect(policy.Statement).toHaveLength(1);
    expect(policy.Statement[0]).toMatchObject({ Effect: 'Allow' });
    expect(JSON.stringify(policy.Statement[0].Action)).toContain('s3:GetObject');
    expect(JSON.stringify(policy.Statement[0].Resource)).toContain(`arn:aws:s3:::${name}/*`);
    const lifecycle = await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: name }));
    // The abort-only rule stays in the database: MinIO has no such action (its stale-upload sweep does it).
    expect(lifecycle.Rules).toHaveLength(1);
    expect(lifecycle.Rules![0]).toMatchObject({
      ID: 'rule-1',
      Status: 'Enabled',
      Expiration: { Days: 30 },
      NoncurrentVersionExpiration: { NoncurrentDays: 7 },
    });
    expect(lifecycle.Rules![0].Filter?.Prefix ?? lifecycle.Rules![0].Prefix).toBe('logs/');

    const list = await owner.get<{ items: Detail[] }>('/api/v1/buckets');
    expect(list.body.items.find((b) => b.name === name)).toMatchObject({
      publicRead: true,
      versioning: true,
      lifecycleRuleCount: 2,
    });

    const detail = await owner.get<Detail>(`/api/v1/buckets/${created.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.lifecycleRules).toEqual([
      {
        id: 'rule-1',
        prefix: 'logs/',
        expireDays: 30,
        noncurrentExpireDays: 7,
        abortIncompleteUploadsDays: null,
      },
      {
        id: 'rule-2',
        prefix: '',
        expireDays: null,
        noncurrentExpireDays: null,
        abortIncompleteUploadsDays: 2,
      },
    ]);
    expect(detail.body.connection).toEqual({
      s3Endpoint: minioEndpoint,
      region: 'us-east-1',
      bucketUrl: `${minioEndpoint}/${name}`,
      publicObjectUrlPattern: `${minioEndpoint}/${name}/{key}`,
    });

    const [audit] = await api.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.resourceId, created.id), eq(auditEntries.action, 'bucket.created')));
    expect(audit).toBeDefined();
  });

  it('serves anonymous GETs only while public read is on', async () => {
    const name = uniqueName('pub');
    const created = await create({ name, publicRead: true });
    await s3.send(new PutObjectCommand({ Bucket: name, Key: 'hello.txt', Body: 'olá' }));
    const open = await anonymousGet(name, 'hello.txt');
    expect(open.status).toBe(200);
    expect(await open.text()).toBe('olá');
    // Listing stays closed: only s3:GetObject is public.
    expect((await fetch(`${minioEndpoint}/${name}/`)).status).toBe(403);

    const off = await put<Detail>(owner, `/api/v1/buckets/${created.id}/public-read`, { enabled: false });
    expect(off.status).toBe(200);
    expect(off.body.publicRead).toBe(false);
    expect(off.body.connection.publicObjectUrlPattern).toBeNull();
    expect((await anonymousGet(name, 'hello.txt')).status).toBe(403);
    expect(await errorName(s3.send(new GetBucketPolicyCommand({ Bucket: name })))).toBe('NoSuchBucketPolicy');
    // Idempotent: turning it off again changes nothing.
    expect((await put(owner, `/api/v1/buckets/${created.id}/public-read`, { enabled: false })).status).toBe(
      200,
    );

    const on = await put<Detail>(owner, `/api/v1/buckets/${created.id}/public-read`, { enabled: true });
    expect(on.body.publicRead).toBe(true);
    expect((await anonymousGet(name, 'hello.txt')).status).toBe(200);
    expect((await liveRow(name))!.publicRead).toBe(true);
  });

  it('object lock: versioning forced on, default retention written, locked versions cannot be deleted', async () => {
    const name = uniqueName('lock');
    const created = await create({
      name,
      objectLock: true,
      defaultRetention: { mode: 'governance', days: 1 },
    });
    expect(created).toMatchObject({
      versioning: true,
      objectLock: true,
      defaultRetention: { mode: 'governance', days: 1 },
    });
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: name }))).Status).toBe('Enabled');
    const lock = await s3.send(new GetObjectLockConfigurationCommand({ Bucket: name }));
    expect(lock.ObjectLockConfiguration).toMatchObject({
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 1 } },
    });

    const written = await s3.send(new PutObjectCommand({ Bucket: name, Key: 'backup.tar', Body: 'x' }));
    expect(written.VersionId).toBeTruthy();
    // The default retention protects the version, even from the root credentials.
    await expect(
      s3.send(new DeleteObjectCommand({ Bucket: name, Key: 'backup.tar', VersionId: written.VersionId })),
    ).rejects.toThrow(/WORM protected/);
    const kept = await s3.send(
      new HeadObjectCommand({ Bucket: name, Key: 'backup.tar', VersionId: written.VersionId }),
    );
    expect(kept.ObjectLockMode).toBe('GOVERNANCE');

    const suspend = await put(owner, `/api/v1/buckets/${created.id}/versioning`, { enabled: false });
    expect(suspend.status).toBe(409);
    expect(suspend.body.code).toBe('bucket_versioning_locked');
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: name }))).Status).toBe('Enabled');

    const changed = await put<Detail>(owner, `/api/v1/buckets/${created.id}/object-lock`, {
      defaultRetention: { mode: 'compliance', days: 3 },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.defaultRetention).toEqual({ mode: 'compliance', days: 3 });
    expect(
      (await s3.send(new GetObjectLockConfigurationCommand({ Bucket: name }))).ObjectLockConfiguration?.Rule,
    ).toMatchObject({ DefaultRetention: { Mode: 'COMPLIANCE', Days: 3 } });

    const removed = await put<Detail>(owner, `/api/v1/buckets/${created.id}/object-lock`, {
      defaultRetention: null,
    });
    expect(removed.body.defaultRetention).toBeNull();
    const after = await s3.send(new GetObjectLockConfigurationCommand({ Bucket: name }));
    expect(after.ObjectLockConfiguration?.ObjectLockEnabled).toBe('Enabled');
    expect(after.ObjectLockConfiguration?.Rule).toBeUndefined();
    expect((await liveRow(name))!.lockMode).toBeNull();

    // Not empty (and locked): 409 with the object lock explanation.
    const del = await owner.delete(`/api/v1/buckets/${created.id}`);
    expect(del.status).toBe(409);
    expect(del.body.code).toBe('bucket_not_empty_locked');
    expect(del.body.message).toContain('retenção');
    expect(await liveRow(name)).not.toBeNull();
  });

  it('refuses a default retention on a bucket without object lock', async () => {
    const name = uniqueName('nolock');
    const res = await owner.post('/api/v1/buckets', {
      name,
      defaultRetention: { mode: 'governance', days: 5 },
    });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual({
      defaultRetention:
        'A retenção padrão exige o bloqueio de objetos, que só pode ser ativado na criação do bucket.',
    });
    expect(await liveRow(name)).toBeNull();
    expect(await errorName(s3.send(new HeadBucketCommand({ Bucket: name })))).toBe('NotFound');

    const created = await create({ name });
    const lock = await put(owner, `/api/v1/buckets/${created.id}/object-lock`, {
      defaultRetention: { mode: 'governance', days: 5 },
    });
    expect(lock.status).toBe(409);
    expect(lock.body.code).toBe('bucket_object_lock_off');
  });
});

describe('bucket settings', () => {
  it('versioning on and suspended, read back from MinIO', async () => {
    const created = await create({ name: uniqueName('ver') });
    expect(await errorName(s3.send(new GetBucketVersioningCommand({ Bucket: created.name })))).toBe('ok');
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: created.name }))).Status).toBeUndefined();

    const on = await put<Detail>(owner, `/api/v1/buckets/${created.id}/versioning`, { enabled: true });
    expect(on.status).toBe(200);
    expect(on.body.versioning).toBe(true);
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: created.name }))).Status).toBe('Enabled');

    const off = await put<Detail>(owner, `/api/v1/buckets/${created.id}/versioning`, { enabled: false });
    expect(off.body.versioning).toBe(false);
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: created.name }))).Status).toBe(
      'Suspended',
    );
  });

  it('lifecycle rules replace the configuration; an empty list removes it', async () => {
    const created = await create({ name: uniqueName('lc') });
    expect(
      await errorName(s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: created.name }))),
    ).toBe('NoSuchLifecycleConfiguration');

    const set = await put<Detail>(owner, `/api/v1/buckets/${created.id}/lifecycle`, {
      rules: [
        { prefix: 'tmp/', expireDays: 1 },
        { prefix: 'db/', noncurrentExpireDays: 90, abortIncompleteUploadsDays: 3 },
      ],
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.lifecycleRules.map((r) => r.id)).toEqual(['rule-1', 'rule-2']);
    const onMinio = await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: created.name }));
    expect(onMinio.Rules?.map((r) => [r.ID, r.Filter?.Prefix ?? r.Prefix])).toEqual([
      ['rule-1', 'tmp/'],
      ['rule-2', 'db/'],
    ]);
    expect(onMinio.Rules![0].Expiration?.Days).toBe(1);
    expect(onMinio.Rules![1].NoncurrentVersionExpiration?.NoncurrentDays).toBe(90);
    expect((await liveRow(created.name))!.lifecycleRules).toEqual(set.body.lifecycleRules);

    // Same request again: same state.
    expect(
      (
        await put(owner, `/api/v1/buckets/${created.id}/lifecycle`, {
          rules: [
            { prefix: 'tmp/', expireDays: 1 },
            { prefix: 'db/', noncurrentExpireDays: 90, abortIncompleteUploadsDays: 3 },
          ],
        })
      ).status,
    ).toBe(200);

    const cleared = await put<Detail>(owner, `/api/v1/buckets/${created.id}/lifecycle`, { rules: [] });
    expect(cleared.status).toBe(200);
    expect(cleared.body.lifecycleRules).toEqual([]);
    expect(
      await errorName(s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: created.name }))),
    ).toBe('NoSuchLifecycleConfiguration');
    // Clearing twice is fine.
    expect((await put(owner, `/api/v1/buckets/${created.id}/lifecycle`, { rules: [] })).status).toBe(200);
  });

  it('validates every input with per-field messages and changes nothing', async () => {
    const created = await create({
      name: uniqueName('val'),
      lifecycleRules: [{ expireDays: 10 }],
    });
    const path = `/api/v1/buckets/${created.id}/lifecycle`;
    const cases: Array<[unknown, string]> = [
      [{ rules: [{ prefix: 'a/' }] }, 'rules.0.expireDays'],
      [{ rules: [{ expireDays: 0 }] }, 'rules.0.expireDays'],
      [{ rules: [{ expireDays: 1.5 }] }, 'rules.0.expireDays'],
      [{ rules: [{ noncurrentExpireDays: 36_501 }] }, 'rules.0.noncurrentExpireDays'],
      [{ rules: [{ prefix: 'a\u0001', expireDays: 1 }] }, 'rules.0.prefix'],
      [
        {
          rules: [
            { prefix: 'x/', expireDays: 1 },
            { prefix: 'x/', expireDays: 2 },
          ],
        },
        'rules',
      ],
      [{ rules: Array.from({ length: 51 }, (_, i) => ({ prefix: `p${i}/`, expireDays: 1 })) }, 'rules'],
      [{}, 'rules'],
    ];
    for (const [body, field] of cases) {
      const res = await put(owner, path, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(Object.keys(res.body.fields as object), JSON.stringify(res.body)).toContain(field);
    }
    expect((await put(owner, `/api/v1/buckets/${created.id}/versioning`, { enabled: 'yes' })).status).toBe(
      400,
    );
    expect((await put(owner, `/api/v1/buckets/${created.id}/public-read`, {})).status).toBe(400);
    const retention = await put(owner, `/api/v1/buckets/${created.id}/object-lock`, {
      defaultRetention: { mode: 'forever', days: 0 },
    });
    expect(retention.status).toBe(400);
    const badCreate = await owner.post('/api/v1/buckets', {
      name: uniqueName('bad'),
      objectLock: true,
      defaultRetention: { mode: 'governance', days: 3651 },
    });
    expect(badCreate.status).toBe(400);
    expect(badCreate.body.fields).toMatchObject({ 'defaultRetention.days': expect.stringContaining('3650') });

    // Nothing changed, on either side.
    const row = await liveRow(created.name);
    expect(row!.lifecycleRules).toEqual([
      {
        id: 'rule-1',
        prefix: '',
        expireDays: 10,
        noncurrentExpireDays: null,
        abortIncompleteUploadsDays: null,
      },
    ]);
    const onMinio = await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: created.name }));
    expect(onMinio.Rules).toHaveLength(1);
  });

  it("answers 404 for another account's bucket and changes nothing", async () => {
    const created = await create({ name: uniqueName('mine'), publicRead: true });
    const id = created.id;
    expect((await other.get(`/api/v1/buckets/${id}`)).status).toBe(404);
    expect((await put(other, `/api/v1/buckets/${id}/versioning`, { enabled: true })).status).toBe(404);
    expect((await put(other, `/api/v1/buckets/${id}/public-read`, { enabled: false })).status).toBe(404);
    expect((await put(other, `/api/v1/buckets/${id}/lifecycle`, { rules: [] })).status).toBe(404);
    expect((await put(other, `/api/v1/buckets/${id}/object-lock`, { defaultRetention: null })).status).toBe(
      404,
    );
    expect((await other.delete(`/api/v1/buckets/${id}`)).status).toBe(404);
    const row = await liveRow(created.name);
    expect(row).toMatchObject({ versioning: false, publicRead: true, accountId });
    expect((await s3.send(new GetBucketPolicyCommand({ Bucket: created.name }))).Policy).toBeTruthy();
  });
});

describe('bucket deletion', () => {
  it('explains how to empty a versioned bucket, then deletes it once empty', async () => {
    const created = await create({ name: uniqueName('del'), versioning: true });
    const written = await s3.send(new PutObjectCommand({ Bucket: created.name, Key: 'a.txt', Body: 'a' }));
    const del = await owner.delete(`/api/v1/buckets/${created.id}`);
    expect(del.status).toBe(409);
    expect(del.body.code).toBe('bucket_not_empty_versions');
    expect(del.body.message).toContain('versões');

    // A delete marker alone still keeps the bucket: the explanation names versions.
    await s3.send(new DeleteObjectCommand({ Bucket: created.name, Key: 'a.txt' }));
    const again = await owner.request('DELETE', `/api/v1/buckets/${created.id}`, undefined, {
      'accept-language': 'en',
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('versions');

    const listed = await s3.send(new ListObjectVersionsCommand({ Bucket: created.name }));
    for (const v of [...(listed.Versions ?? []), ...(listed.DeleteMarkers ?? [])]) {
      await s3.send(new DeleteObjectCommand({ Bucket: created.name, Key: v.Key, VersionId: v.VersionId }));
    }
    expect(written.VersionId).toBeTruthy();
    expect((await owner.delete(`/api/v1/buckets/${created.id}`)).status).toBe(204);
    expect(await errorName(s3.send(new HeadBucketCommand({ Bucket: created.name })))).toBe('NotFound');
    expect(await liveRow(created.name)).toBeNull();
    // Deleting again: the bucket is gone (404), nothing else happens.
    expect((await owner.delete(`/api/v1/buckets/${created.id}`)).status).toBe(404);
    // The name is free again, for anyone.
    expect((await other.post('/api/v1/buckets', { name: created.name })).status).toBe(201);
  });

  it('plain bucket with objects: 409 with the plain explanation', async () => {
    const created = await create({ name: uniqueName('plain') });
    await s3.send(new PutObjectCommand({ Bucket: created.name, Key: 'a.txt', Body: 'a' }));
    const del = await owner.delete(`/api/v1/buckets/${created.id}`);
    expect(del.status).toBe(409);
    expect(del.body.code).toBe('bucket_not_empty');
    await s3.send(new DeleteObjectCommand({ Bucket: created.name, Key: 'a.txt' }));
    expect((await owner.delete(`/api/v1/buckets/${created.id}`)).status).toBe(204);
  });
});

describe('MinIO stopping in the middle', () => {
  const options = {
    versioning: true,
    publicRead: true,
    lifecycleRules: [{ prefix: 'old/', expireDays: 5, noncurrentExpireDays: 2 }],
  };

  it('a create that fails at any step leaves nothing behind, and the retry creates it fully', async () => {
    proxy.stopAfter(Infinity);
    const probe = await create({ name: uniqueName('probe'), ...options });
    const steps = proxy.seen.length;
    expect(probe.name).toBeTruthy();
    expect(steps).toBeGreaterThanOrEqual(5);

    for (let failAt = 0; failAt < steps; failAt++) {
      const name = uniqueName(`fail${failAt}`);
      proxy.stopAfter(failAt);
      const failed = await owner.post('/api/v1/buckets', { name, ...options });
      expect(failed.status, `failure after ${failAt} calls`).toBe(503);
      expect(failed.body.code).toBe('storage_unavailable');
      expect(await liveRow(name), `row after failing at call ${failAt}`).toBeNull();

      proxy.heal();
      const retried = await create({ name, ...options });
      expect(retried.publicRead).toBe(true);
      expect((await s3.send(new GetBucketVersioningCommand({ Bucket: name }))).Status).toBe('Enabled');
      expect(
        (await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: name }))).Rules,
      ).toHaveLength(1);
      expect((await s3.send(new GetBucketPolicyCommand({ Bucket: name }))).Policy).toContain('s3:GetObject');
    }
  });

  it('a settings change that cannot reach MinIO answers 503 and keeps the old settings', async () => {
    const created = await create({ name: uniqueName('keep'), lifecycleRules: [{ expireDays: 9 }] });
    proxy.stopAfter(0);
    const failed = await put(owner, `/api/v1/buckets/${created.id}/lifecycle`, { rules: [] });
    const failedPublic = await put(owner, `/api/v1/buckets/${created.id}/public-read`, { enabled: true });
    proxy.heal();
    expect(failed.status).toBe(503);
    expect(failedPublic.status).toBe(503);
    const row = await liveRow(created.name);
    expect(row!.lifecycleRules).toHaveLength(1);
    expect(row!.publicRead).toBe(false);
    const onMinio = await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: created.name }));
    expect(onMinio.Rules![0].Expiration?.Days).toBe(9);
    expect(await errorName(s3.send(new GetBucketPolicyCommand({ Bucket: created.name })))).toBe(
      'NoSuchBucketPolicy',
    );
    // Retried once MinIO is back: applied.
    expect((await put(owner, `/api/v1/buckets/${created.id}/lifecycle`, { rules: [] })).status).toBe(200);
  });
});
