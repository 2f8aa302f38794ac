import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GetBucketPolicyCommand, HeadBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { eq } from 'drizzle-orm';
import { accessKeys, grants, platformSettings } from '@csp/db';
import { MinioAdminClient } from '@csp/minio-admin';
import { localTime } from '../../src/modules/identity/staff/staff-access-policy';
import { rootAdmin, approvedAccount, staffSession, startTestApi, type TestApi } from '../support/harness';
import { createStaff, inHours, openSession } from '../support/grants';
import { HttpSession } from '../support/http';

/** Attacks on the limits of a grant: what staff inside an account must not be able to do. */
let api: TestApi;
let admin: MinioAdminClient;
let s3: S3Client;
beforeAll(async () => {
  api = await startTestApi();
  admin = rootAdmin(api);
  s3 = new S3Client({
    endpoint: api.config.MINIO_ENDPOINT,
    region: 'us-east-1',
    forcePathStyle: true,
    maxAttempts: 1,
    credentials: { accessKeyId: api.config.MINIO_ROOT_USER, secretAccessKey: api.config.MINIO_ROOT_PASSWORD },
  });
});
afterEach(async () => {
  // The staff login rules are platform-wide: never leave a restriction behind.
  await api.db.delete(platformSettings).where(eq(platformSettings.key, 'staff_login'));
});
afterAll(async () => {
  await api?.close();
});

async function enteredGrant(label: string, scope: 'read' | 'full') {
  const { accountId, owner } = await approvedAccount(api, label);
  const support = await createStaff(api, 'support');
  const staff = await openSession(api, { staffId: support.id });
  const created = await owner.post<{ id: string }>('/api/v1/grants', {
    staffId: support.id,
    scope,
    reason: 'Chamado #42: revisão de configuração',
    endsAt: inHours(2),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const entered = await staff.post(`/api/v1/staff/grants/${created.body.id}/enter`);
  expect(entered.status, JSON.stringify(entered.body)).toBe(200);
  return { accountId, owner, support, staff, grantId: created.body.id };
}

async function errorName(promise: Promise<unknown>) {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return (error as { name?: string }).name;
  }
}

const unique = (label: string) => `${label}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

describe('nothing made under a grant outlives it (H4)', () => {
  it('a full grant cannot create, rotate or reactivate S3 keys, nor make a bucket public', async () => {
    const { accountId, owner, staff } = await enteredGrant('h4', 'full');
    const bucket = await owner.post<{ id: string; name: string }>('/api/v1/buckets', { name: unique('h4') });
    expect(bucket.status).toBe(201);
    const spare = await owner.post<{ key: { id: string } }>('/api/v1/access-keys', { name: 'spare' });
    expect(spare.status).toBe(201);
    expect((await owner.post(`/api/v1/access-keys/${spare.body.key.id}/deactivate`)).status).toBe(200);
    const keys = await owner.get<{ items: Array<{ id: string; status: string }> }>('/api/v1/access-keys');
    const active = keys.body.items.find((k) => k.status === 'active')!;
    const user = `acct-${accountId}`;
    const before = await admin.listServiceAccounts(user);
    const rowsBefore = await api.db
      .select()
      .from(accessKeys)
      .where(eq(accessKeys.accountId, accountId))
      .orderBy(accessKeys.id);

    const created = await staff.post('/api/v1/access-keys', { name: 'staff-key' });
    expect(created.status, JSON.stringify(created.body)).toBe(403);
    expect(created.body.code).toBe('grant_persistent_access_not_allowed');
    expect(created.body.message).toBeTruthy();
    expect(created.body).not.toHaveProperty('secretAccessKey');
    const rotated = await staff.post(`/api/v1/access-keys/${active.id}/rotate`);
    expect(rotated.status).toBe(403);
    expect(rotated.body.code).toBe('grant_persistent_access_not_allowed');
    const reactivated = await staff.post(`/api/v1/access-keys/${spare.body.key.id}/reactivate`);
    expect(reactivated.status).toBe(403);
    expect(reactivated.body.code).toBe('grant_persistent_access_not_allowed');
    const toggled = await staff.request('PUT', `/api/v1/buckets/${bucket.body.id}/public-read`, {
      enabled: true,
    });
    expect(toggled.status).toBe(403);
    expect(toggled.body.code).toBe('grant_persistent_access_not_allowed');
    const publicName = unique('h4pub');
    const publicBucket = await staff.post('/api/v1/buckets', { name: publicName, publicRead: true });
    expect(publicBucket.status).toBe(403);
    expect(publicBucket.body.code).toBe('grant_persistent_access_not_allowed');

    // Nothing changed on MinIO or in the database.
    const after = await admin.listServiceAccounts(user);
    expect(after.map((a) => [a.accessKey, a.accountStatus]).sort()).toEqual(
      before.map((a) => [a.accessKey, a.accountStatus]).sort(),
    );
    const rowsAfter = await api.db
      .select()
      .from(accessKeys)
      .where(eq(accessKeys.accountId, accountId))
      .orderBy(accessKeys.id);
    expect(rowsAfter).toEqual(rowsBefore);
    expect(await errorName(s3.send(new GetBucketPolicyCommand({ Bucket: bucket.body.name })))).toBe(
      'NoSuchBucketPolicy',
    );
    expect(await errorName(s3.send(new HeadBucketCommand({ Bucket: publicName })))).not.toBe('ok');

    // What does not outlive the grant stays allowed: listing keys, a private bucket.
    expect((await staff.get('/api/v1/access-keys')).status).toBe(200);
    expect((await staff.post('/api/v1/buckets', { name: unique('h4priv') })).status).toBe(201);
  });
});

describe('grant sessions follow the staff login rules and the staff session (M1)', () => {
  it('the staff IP allowlist and allowed hours apply to every grant request', async () => {
    const { staff } = await enteredGrant('m1ip', 'read');
    expect((await staff.get('/api/v1/buckets')).status).toBe(200);
    // An allowlist that holds neither the caller's address nor loopback (TEST-NET-1).
    await api.db
      .insert(platformSettings)
      .values({ key: 'staff_login', value: { ipAllowlist: ['192.0.2.0/24'], hours: null } });
    const denied = await staff.get('/api/v1/buckets');
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('staff_ip_not_allowed');
    expect((await staff.post('/api/v1/buckets', { name: unique('m1') })).status).toBe(403);

    const { day } = localTime(new Date());
    await api.db
      .update(platformSettings)
      .set({
        value: {
          ipAllowlist: [],
          hours: { start: '00:00', end: '23:59', days: [0, 1, 2, 3, 4, 5, 6].filter((d) => d !== day) },
        },
      })
      .where(eq(platformSettings.key, 'staff_login'));
    const late = await staff.get('/api/v1/buckets');
    expect(late.status).toBe(403);
    expect(late.body.code).toBe('staff_outside_hours');

    await api.db.delete(platformSettings).where(eq(platformSettings.key, 'staff_login'));
    expect((await staff.get('/api/v1/buckets')).status).toBe(200);
  });

  it('staff logout ends the grant sessions it opened', async () => {
    const { staff } = await enteredGrant('m1out', 'full');
    const grantToken = staff.cookie('csp_session')!;
    expect((await staff.get('/api/v1/buckets')).status).toBe(200);
    expect((await staff.post('/api/v1/staff/auth/logout')).status).toBe(204);
    expect((await staff.get('/api/v1/staff/me')).status).toBe(401);
    // The customer-side cookie is dead too, wherever it is replayed from.
    const replay = new HttpSession(api.baseUrl);
    replay.setCookie('csp_session', grantToken);
    expect((await replay.get('/api/v1/buckets')).status).toBe(401);
    expect((await staff.get('/api/v1/buckets')).status).toBe(401);
  });
});

interface AuditItem {
  action: string;
  actor: { type: string; id: string | null };
  grant: { id: string } | null;
  resourceType: string | null;
  resourceId: string | null;
  details: Record<string, unknown> | null;
}

describe('every request under a grant is audited with the staff member (M2)', () => {
  it('reads and download URLs under a read grant land in the customer audit log', async () => {
    const { owner, support, staff, grantId } = await enteredGrant('m2', 'read');
    const bucket = await owner.post<{ id: string; name: string }>('/api/v1/buckets', { name: unique('m2') });
    expect(bucket.status).toBe(201);
    await s3.send(new PutObjectCommand({ Bucket: bucket.body.name, Key: 'folha.csv', Body: 'salarios' }));

    const signed = await staff.post(`/api/v1/buckets/${bucket.body.id}/objects/download-url`, {
      key: 'folha.csv',
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect((await staff.get('/api/v1/buckets')).status).toBe(200);
    expect((await staff.get(`/api/v1/buckets/${bucket.body.id}`)).status).toBe(200);

    const log = await owner.get<{ items: AuditItem[] }>(`/api/v1/audit?grantId=${grantId}&limit=200`);
    expect(log.status).toBe(200);
    const download = log.body.items.find((e) => e.action === 'object.download_authorized');
    expect(download).toMatchObject({
      actor: { type: 'staff', id: support.id },
      grant: { id: grantId },
      resourceType: 'bucket',
      resourceId: bucket.body.id,
      details: { bucket: bucket.body.name, key: 'folha.csv' },
    });
    const requests = log.body.items.filter((e) => e.action === 'grant.request');
    for (const e of requests) expect(e.actor).toMatchObject({ type: 'staff', id: support.id });
    const seen = requests.map((e) => `${String(e.details?.method)} ${String(e.details?.route)}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'GET /api/v1/buckets',
        'GET /api/v1/buckets/:id',
        'POST /api/v1/buckets/:id/objects/download-url',
      ]),
    );
    const detail = requests.find((e) => e.details?.route === '/api/v1/buckets/:id');
    expect(detail).toMatchObject({ resourceType: 'bucket', resourceId: bucket.body.id });

    // A customer's own download URL is audited too (without a grant).
    expect(
      (await owner.post(`/api/v1/buckets/${bucket.body.id}/objects/download-url`, { key: 'folha.csv' }))
        .status,
    ).toBe(200);
    const own = await owner.get<{ items: AuditItem[] }>('/api/v1/audit?action=object.download_authorized');
    expect(own.body.items.some((e) => e.actor.type === 'user' && e.grant === null)).toBe(true);
  });
});

describe('support enters only with the customer consent (L9)', () => {
  it('a super admin cannot assign a support member to an account; partners stay assignable', async () => {
    const { accountId } = await approvedAccount(api, 'l9');
    const support = await createStaff(api, 'support');
    const partner = await createStaff(api, 'partner');
    const root = await staffSession(api);
    const options = await root.get<{ items: Array<{ id: string }> }>('/api/v1/staff/grants/staff-options');
    expect(options.body.items.map((s) => s.id)).toContain(partner.id);
    expect(options.body.items.map((s) => s.id)).not.toContain(support.id);

    const body = {
      accountIds: [accountId],
      scope: 'full',
      reason: 'Verificação interna',
      endsAt: inHours(2),
    };
    const refused = await root.post<{ fields?: Record<string, string> }>('/api/v1/staff/grants', {
      ...body,
      staffId: support.id,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.fields?.staffId).toBeTruthy();
    expect(await api.db.select().from(grants).where(eq(grants.staffId, support.id))).toEqual([]);
    expect((await root.post('/api/v1/staff/grants', { ...body, staffId: partner.id })).status).toBe(201);
  });
});

describe('a grant session is not a staff session (L6)', () => {
  it('the csp_session token of a grant does not open the staff API as csp_staff_session', async () => {
    const { staff } = await enteredGrant('l6', 'read');
    const token = staff.cookie('csp_session')!;
    const thief = new HttpSession(api.baseUrl);
    thief.setCookie('csp_staff_session', token);
    const res = await thief.get('/api/v1/staff/me');
    expect(res.status).toBe(401);
  });
});
