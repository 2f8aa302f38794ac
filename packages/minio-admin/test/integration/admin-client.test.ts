import { randomBytes } from 'node:crypto';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  MinioAdminClient,
  MinioAdminError,
  buildTenantPolicy,
  type IamPolicyDocument,
  type IamPolicyStatement,
} from '../../src';

interface MinioService {
  endpoint: string;
  rootUser: string;
  rootPassword: string;
}

function minioService(): MinioService {
  // The integration globalSetup calls provide('services', ...); its ProvidedContext typing lives
  // outside this package, hence the cast.
  const services = (inject as unknown as (key: string) => { minio?: MinioService } | undefined)('services');
  if (!services?.minio) throw new Error("integration globalSetup did not provide('services', { minio })");
  return services.minio;
}

const minio = minioService();
const admin = new MinioAdminClient({
  endpoint: minio.endpoint,
  accessKey: minio.rootUser,
  secretKey: minio.rootPassword,
});

const s3 = (accessKeyId: string, secretAccessKey: string) =>
  new S3Client({
    endpoint: minio.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId, secretAccessKey },
    maxAttempts: 1,
  });

/** 'OK' or the S3 error name, so expectations read as a table. */
async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (err) {
    return (err as Error).name;
  }
}

/** MinIO stores actions and resources as sets: compare order-insensitively. */
function normalise(doc: IamPolicyDocument) {
  const list = (v: string | string[] | undefined) => ([] as string[]).concat(v ?? []).sort();
  return doc.Statement.map((s: IamPolicyStatement) => ({
    Effect: s.Effect,
    Action: list(s.Action),
    Resource: list(s.Resource),
  })).sort((a, b) => a.Resource.join().localeCompare(b.Resource.join()));
}

const id = randomBytes(4).toString('hex');
const user = `it-user-${id}`;
const userSecret = `it-user-secret-${id}`;
const saKey = `itsa${id}`;
const saSecret = `it-sa-secret-${id}-xyz`;
const bucketA = `it-a-${id}`;
const bucketB = `it-b-${id}`;
const policyFull = `it-full-${id}`;
const policyRead = `it-read-${id}`;
const policyZero = `it-zero-${id}`;

const root = s3(minio.rootUser, minio.rootPassword);
const asSa = () => s3(saKey, saSecret);
const getA = (c: S3Client) => c.send(new GetObjectCommand({ Bucket: bucketA, Key: 'hello.txt' }));
const putA = (c: S3Client, key = 'new.txt') =>
  c.send(new PutObjectCommand({ Bucket: bucketA, Key: key, Body: 'x' }));
const listA = (c: S3Client) => c.send(new ListObjectsV2Command({ Bucket: bucketA }));

describe('MinioAdminClient against a real MinIO', () => {
  beforeAll(async () => {
    for (const b of [bucketA, bucketB]) {
      await root.send(new CreateBucketCommand({ Bucket: b }));
      await root.send(new PutObjectCommand({ Bucket: b, Key: 'hello.txt', Body: `hello from ${b}` }));
    }
  });

  afterAll(async () => {
    // Best effort: leave the shared server as we found it.
    await admin.removeUser(user).catch(() => undefined);
    for (const p of [policyFull, policyRead, policyZero])
      await admin.removeCannedPolicy(p).catch(() => undefined);
    for (const b of [bucketA, bucketB]) {
      const listed = await root.send(new ListObjectsV2Command({ Bucket: b })).catch(() => undefined);
      for (const o of listed?.Contents ?? [])
        await root.send(new DeleteObjectCommand({ Bucket: b, Key: o.Key }));
      await root.send(new DeleteBucketCommand({ Bucket: b })).catch(() => undefined);
    }
  });

  it('adds a user and reads it back', async () => {
    await admin.addUser(user, userSecret);
    expect(await admin.getUserInfo(user)).toMatchObject({ status: 'enabled', policyName: undefined });
    expect((await admin.listUsers())[user]).toMatchObject({ status: 'enabled' });
    expect(await admin.getUserInfo(`nobody-${id}`)).toBeNull();
  });

  it('adds canned policies (including the zero-bucket one) and reads them back', async () => {
    const full = buildTenantPolicy([bucketA], 'full');
    await admin.addCannedPolicy(policyFull, full);
    await admin.addCannedPolicy(policyRead, buildTenantPolicy([bucketA], 'read'));
    await admin.addCannedPolicy(policyZero, buildTenantPolicy([], 'full'));
    const stored = await admin.getCannedPolicy(policyFull);
    expect(stored?.name).toBe(policyFull);
    expect(stored?.createDate).toBeInstanceOf(Date);
    expect(normalise(stored!.policy)).toEqual(normalise(full));
    expect(normalise((await admin.getCannedPolicy(policyZero))!.policy)).toEqual(
      normalise(buildTenantPolicy([], 'full')),
    );
    expect(await admin.getCannedPolicy(`nope-${id}`)).toBeNull();
  });

  it('attaches a policy, idempotently', async () => {
    const first = await admin.attachPolicy({ user, policies: [policyFull] });
    expect(first).toMatchObject({ policiesAttached: [policyFull], alreadyApplied: false });
    expect(first.updatedAt).toBeInstanceOf(Date);
    expect(await admin.attachPolicy({ user, policies: [policyFull] })).toMatchObject({
      alreadyApplied: true,
    });
    expect((await admin.getUserInfo(user))?.policyName).toBe(policyFull);
  });

  it('creates a service account with chosen keys', async () => {
    const creds = await admin.addServiceAccount({
      targetUser: user,
      accessKey: saKey,
      secretKey: saSecret,
      name: 'itKey',
      description: 'integration test key',
    });
    expect(creds).toEqual({ accessKey: saKey, secretKey: saSecret, expiration: undefined });
    const info = await admin.infoServiceAccount(saKey);
    expect(info).toMatchObject({
      parentUser: user,
      accountStatus: 'on',
      impliedPolicy: true,
      name: 'itKey',
      description: 'integration test key',
      expiration: undefined,
    });
    // With an implied policy MinIO reports the parent's effective policy.
    expect(normalise(info!.policy!)).toEqual(normalise(buildTenantPolicy([bucketA], 'full')));
    const listed = await admin.listServiceAccounts(user);
    expect(listed.map((a) => a.accessKey)).toEqual([saKey]);
    expect(listed[0]).toMatchObject({ parentUser: user, accountStatus: 'on', name: 'itKey' });
  });

  it('lets the service account use its bucket and nothing else', async () => {
    const c = asSa();
    expect(await outcome(getA(c))).toBe('OK');
    expect(await outcome(putA(c))).toBe('OK');
    expect(await outcome(listA(c))).toBe('OK');
    expect(await outcome(c.send(new ListObjectsV2Command({ Bucket: bucketB })))).toBe('AccessDenied');
    expect(await outcome(c.send(new GetObjectCommand({ Bucket: bucketB, Key: 'hello.txt' })))).toBe(
      'AccessDenied',
    );
    expect(await outcome(c.send(new PutObjectCommand({ Bucket: bucketB, Key: 'x', Body: 'x' })))).toBe(
      'AccessDenied',
    );
    // No s3:ListAllMyBuckets: ListBuckets shows only the tenant's bucket.
    const buckets = await c.send(new ListBucketsCommand({}));
    expect((buckets.Buckets ?? []).map((b) => b.Name)).toEqual([bucketA]);
  });

  it('read access keeps listing and reading but blocks writes', async () => {
    await admin.detachPolicy({ user, policies: [policyFull] });
    await admin.attachPolicy({ user, policies: [policyRead] });
    const c = asSa();
    expect(await outcome(getA(c))).toBe('OK');
    expect(await outcome(listA(c))).toBe('OK');
    expect(await outcome(putA(c, 'ro.txt'))).toBe('AccessDenied');
    expect(await outcome(c.send(new DeleteObjectCommand({ Bucket: bucketA, Key: 'hello.txt' })))).toBe(
      'AccessDenied',
    );
    await admin.detachPolicy({ user, policies: [policyRead] });
    expect(await admin.detachPolicy({ user, policies: [policyRead] })).toMatchObject({
      alreadyApplied: true,
    });
  });

  it('the zero-bucket policy grants nothing', async () => {
    await admin.attachPolicy({ user, policies: [policyZero] });
    const c = asSa();
    expect(await outcome(getA(c))).toBe('AccessDenied');
    expect(await outcome(listA(c))).toBe('AccessDenied');
    expect(await outcome(putA(c, 'zero.txt'))).toBe('AccessDenied');
    // MinIO answers AccessDenied (not an empty list) when no bucket is listable.
    expect(await outcome(c.send(new ListBucketsCommand({})))).toBe('AccessDenied');
    await admin.detachPolicy({ user, policies: [policyZero] });
    await admin.attachPolicy({ user, policies: [policyFull] });
    expect(await outcome(getA(c))).toBe('OK');
  });

  it('an inline policy narrows a generated service account', async () => {
    const expiration = new Date(Date.now() + 24 * 3600_000);
    const creds = await admin.addServiceAccount({
      targetUser: user,
      policy: buildTenantPolicy([bucketA], 'read'),
      expiration,
    });
    expect(creds.accessKey).toMatch(/^\S{3,}$/);
    expect(creds.secretKey.length).toBeGreaterThanOrEqual(8);
    expect(Math.abs(creds.expiration!.getTime() - expiration.getTime())).toBeLessThan(1000);
    const info = await admin.infoServiceAccount(creds.accessKey);
    expect(info).toMatchObject({ impliedPolicy: false, accountStatus: 'on' });
    const c = s3(creds.accessKey, creds.secretKey);
    expect(await outcome(getA(c))).toBe('OK');
    expect(await outcome(putA(c, 'inline.txt'))).toBe('AccessDenied');
    await admin.updateServiceAccount(creds.accessKey, { newName: 'renamed', newDescription: 'changed' });
    expect(await admin.infoServiceAccount(creds.accessKey)).toMatchObject({
      name: 'renamed',
      description: 'changed',
    });
    await admin.deleteServiceAccount(creds.accessKey);
  });

  it('turning the service account off blocks it, on restores it', async () => {
    await admin.updateServiceAccount(saKey, { newStatus: 'off' });
    expect((await admin.infoServiceAccount(saKey))?.accountStatus).toBe('off');
    expect(await outcome(getA(asSa()))).toBe('InvalidAccessKeyId');
    await admin.updateServiceAccount(saKey, { newStatus: 'on' });
    expect(await outcome(getA(asSa()))).toBe('OK');
  });

  it('disabling the user blocks its keys and service accounts', async () => {
    await admin.setUserStatus(user, 'disabled');
    expect((await admin.getUserInfo(user))?.status).toBe('disabled');
    // The user's own key is rejected outright; its service accounts still authenticate but may do nothing.
    expect(await outcome(getA(s3(user, userSecret)))).toBe('InvalidAccessKeyId');
    expect(await outcome(getA(asSa()))).toBe('AccessDenied');
    expect(await outcome(listA(asSa()))).toBe('AccessDenied');
    expect(await outcome(putA(asSa(), 'disabled.txt'))).toBe('AccessDenied');
    await admin.setUserStatus(user, 'enabled');
    expect(await outcome(getA(asSa()))).toBe('OK');
    expect(await outcome(getA(s3(user, userSecret)))).toBe('OK');
  });

  it('deletes the service account', async () => {
    await admin.deleteServiceAccount(saKey);
    expect(await admin.infoServiceAccount(saKey)).toBeNull();
    expect(await admin.listServiceAccounts(user)).toEqual([]);
    expect(await outcome(getA(asSa()))).toBe('InvalidAccessKeyId');
  });

  it('sets, reads and clears a bucket quota', async () => {
    expect(await admin.getBucketQuota(bucketA)).toBeNull();
    await admin.setBucketQuota(bucketA, 10 * 1024 * 1024);
    expect(await admin.getBucketQuota(bucketA)).toEqual({ size: 10 * 1024 * 1024, quotaType: 'hard' });
    await admin.setBucketQuota(bucketA, null);
    expect(await admin.getBucketQuota(bucketA)).toBeNull();
  });

  it('returns typed data usage and server info', async () => {
    const usage = await admin.dataUsageInfo();
    expect(usage.lastUpdate).toBeInstanceOf(Date);
    for (const n of [usage.objectsCount, usage.objectsTotalSize, usage.bucketsCount]) {
      expect(Number.isInteger(n) && n >= 0).toBe(true);
    }
    expect(typeof usage.bucketsUsageInfo).toBe('object');
    // Scanner data lags: buckets appear once a scan ran, so only the shape is checked.
    for (const b of Object.values(usage.bucketsUsageInfo)) {
      expect(Object.keys(b).sort()).toEqual(['deleteMarkersCount', 'objectsCount', 'size', 'versionsCount']);
      expect(Object.values(b).every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
    }
    const info = await admin.serverInfo();
    expect(typeof info.mode).toBe('string');
    expect(Array.isArray(info.servers)).toBe(true);
  });

  it('reports MinIO errors with code, status and request id', async () => {
    const wrong = new MinioAdminClient({
      endpoint: minio.endpoint,
      accessKey: minio.rootUser,
      secretKey: 'wrong-secret',
    });
    const err = await wrong.listUsers().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MinioAdminError);
    expect(err).toMatchObject({ code: 'SignatureDoesNotMatch', statusCode: 403 });
    expect((err as MinioAdminError).requestId).toBeTruthy();
    const v4 = new MinioAdminClient({
      ...{ endpoint: minio.endpoint },
      accessKey: minio.rootUser,
      secretKey: minio.rootPassword,
      apiVersion: 'v4',
    });
    await expect(v4.serverInfo()).rejects.toMatchObject({
      code: 'XMinioAdminVersionMismatch',
      statusCode: 426,
    });
    await expect(admin.attachPolicy({ user, policies: [`nope-${id}`] })).rejects.toMatchObject({
      code: 'XMinioAdminNoSuchPolicy',
    });
  });

  it('removes the user (and with it its keys) and the policies', async () => {
    await admin.removeUser(user);
    expect(await admin.getUserInfo(user)).toBeNull();
    expect(await outcome(getA(s3(user, userSecret)))).toBe('InvalidAccessKeyId');
    for (const p of [policyFull, policyRead, policyZero]) {
      await admin.removeCannedPolicy(p);
      expect(await admin.getCannedPolicy(p)).toBeNull();
    }
  });
});
