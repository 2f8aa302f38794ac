import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import { accessKeys, auditEntries } from '@csp/db';
import { MinioAdminClient } from '@csp/minio-admin';
import { AccessKeysService } from '../../src/modules/storage/access-keys/access-keys.service';
import { WorkerModule } from '../../src/worker.module';
import { rootAdmin, approvedAccount, startTestApi, type TestApi } from '../support/harness';
import type { HttpSession } from '../support/http';

// A short rotation grace so the test can see it end (production default: 7 days).
const GRACE_SECONDS = 3;

let api: TestApi;
let admin: MinioAdminClient;
let worker: INestApplicationContext;
beforeAll(async () => {
  api = await startTestApi({ KEY_ROTATION_GRACE_SECONDS: String(GRACE_SECONDS) });
  admin = rootAdmin(api);
  // The worker's service, to run the sweep on demand instead of waiting for its schedule.
  worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(api.config), { logger: false });
});
afterAll(async () => {
  await worker?.close();
  await api?.close();
});

interface KeyView {
  id: string;
  accessKeyId: string;
  name: string;
  description: string | null;
  status: string;
  scope: Array<{ bucketId: string; bucketName: string; access: string }> | null;
  expiresAt: string | null;
  graceEndsAt: string | null;
  rotatedFromKeyId: string | null;
  lastUsedAt: string | null;
}
type KeySecret = { key: KeyView; secretAccessKey: string; s3Endpoint: string; region: string };

function s3For(secret: { key: { accessKeyId: string }; secretAccessKey: string }) {
  return new S3Client({
    endpoint: api.config.MINIO_ENDPOINT,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: secret.key.accessKeyId, secretAccessKey: secret.secretAccessKey },
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

let seq = 0;
async function bucket(owner: HttpSession, label: string) {
  seq += 1;
  const name = `${label}-${Date.now().toString(36)}${seq}`;
  const res = await owner.post<{ id: string; name: string }>('/api/v1/buckets', { name });
  expect(res.status).toBe(201);
  return res.body;
}

async function createKey(owner: HttpSession, body: Record<string, unknown>) {
  const res = await owner.post<KeySecret>('/api/v1/access-keys', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function listKeys(owner: HttpSession) {
  const res = await owner.get<{ items: KeyView[] }>('/api/v1/access-keys');
  expect(res.status).toBe(200);
  return res.body.items;
}

const put = (s3: S3Client, b: string, key: string, body = 'data') =>
  s3.send(new PutObjectCommand({ Bucket: b, Key: key, Body: body }));
const get = async (s3: S3Client, b: string, key: string) =>
  (await s3.send(new GetObjectCommand({ Bucket: b, Key: key }))).Body!.transformToString();
const list = async (s3: S3Client, b: string) =>
  ((await s3.send(new ListObjectsV2Command({ Bucket: b }))).Contents ?? []).map((o) => o.Key);

describe('scoped access keys', () => {
  it('a Read-scoped key lists and downloads its bucket only; a Full-scoped key writes its bucket only', async () => {
    const { owner } = await approvedAccount(api, 'scope');
    const photos = await bucket(owner, 'photos');
    const backups = await bucket(owner, 'backups');
    const all = await createKey(owner, { name: 'all buckets' });
    expect(all.key.scope).toBeNull();
    const s3All = s3For(all);
    await put(s3All, photos.name, 'a.txt', 'photo-a');
    await put(s3All, backups.name, 'b.txt', 'backup-b');

    const reader = await createKey(owner, {
      name: 'reader',
      description: 'Reads the photos',
      scope: [{ bucketId: photos.id, access: 'read' }],
    });
    expect(reader.key.description).toBe('Reads the photos');
    expect(reader.key.scope).toEqual([{ bucketId: photos.id, bucketName: photos.name, access: 'read' }]);
    const s3Read = s3For(reader);
    expect(await list(s3Read, photos.name)).toEqual(['a.txt']);
    expect(await get(s3Read, photos.name, 'a.txt')).toBe('photo-a');
    expect(await errorName(put(s3Read, photos.name, 'new.txt'))).toBe('AccessDenied');
    expect(await errorName(s3Read.send(new DeleteObjectCommand({ Bucket: photos.name, Key: 'a.txt' })))).toBe(
      'AccessDenied',
    );
    expect(await list(s3All, photos.name)).toEqual(['a.txt']);
    // The other bucket of the same account is invisible to it.
    expect(await errorName(list(s3Read, backups.name))).toBe('AccessDenied');
    expect(await errorName(get(s3Read, backups.name, 'b.txt'))).toBe('AccessDenied');
    const buckets = await s3Read.send(new ListBucketsCommand({}));
    expect((buckets.Buckets ?? []).map((b) => b.Name)).toEqual([photos.name]);

    const writer = await createKey(owner, {
      name: 'writer',
      scope: [{ bucketId: backups.id, access: 'full' }],
    });
    const s3Write = s3For(writer);
    await put(s3Write, backups.name, 'c.txt', 'backup-c');
    expect(await get(s3Write, backups.name, 'c.txt')).toBe('backup-c');
    await s3Write.send(new DeleteObjectCommand({ Bucket: backups.name, Key: 'c.txt' }));
    expect(await errorName(put(s3Write, photos.name, 'x.txt'))).toBe('AccessDenied');
    expect(await errorName(list(s3Write, photos.name))).toBe('AccessDenied');

    // Both at once, each bucket with its own access.
    const mixed = await createKey(owner, {
      name: 'mixed',
      scope: [
        { bucketId: photos.id, access: 'read' },
        { bucketId: backups.id, access: 'full' },
      ],
    });
    const s3Mixed = s3For(mixed);
    await put(s3Mixed, backups.name, 'd.txt');
    expect(await get(s3Mixed, photos.name, 'a.txt')).toBe('photo-a');
    expect(await errorName(put(s3Mixed, photos.name, 'd.txt'))).toBe('AccessDenied');

    // MinIO holds the inline policy (the key does not merely follow the account policy).
    const info = await admin.infoServiceAccount(reader.key.accessKeyId);
    expect(info?.impliedPolicy).toBe(false);
    expect(JSON.stringify(info?.policy)).toContain(photos.name);
    expect(JSON.stringify(info?.policy)).not.toContain(backups.name);

    // The list shows the scope with bucket names.
    const listed = await listKeys(owner);
    expect(listed.find((k) => k.id === mixed.key.id)?.scope).toEqual([
      { bucketId: photos.id, bucketName: photos.name, access: 'read' },
      { bucketId: backups.id, bucketName: backups.name, access: 'full' },
    ]);
    expect(listed.find((k) => k.id === reader.key.id)?.lastUsedAt).toBeNull();
  });

  it('stores the expiry on the row and on MinIO', async () => {
    const { owner } = await approvedAccount(api, 'expiry');
    const expiresAt = new Date(Date.now() + 30 * 24 * 3600 * 1000);
    expiresAt.setUTCMilliseconds(0);
    const key = await createKey(owner, { name: 'temporary', expiresAt: expiresAt.toISOString() });
    expect(key.key.expiresAt).toBe(expiresAt.toISOString());
    const info = await admin.infoServiceAccount(key.key.accessKeyId);
    expect(info?.expiration?.toISOString()).toBe(expiresAt.toISOString());
    const [row] = await api.db.select().from(accessKeys).where(eq(accessKeys.id, key.key.id));
    expect(row.expiresAt?.toISOString()).toBe(expiresAt.toISOString());

    // A key whose expiry has passed is recorded as expired by the sweep and cannot come back.
    await api.db
      .update(accessKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(accessKeys.id, key.key.id));
    const swept = await worker.get(AccessKeysService).deactivateDueKeys();
    expect(swept.expired).toBeGreaterThanOrEqual(1);
    expect((await listKeys(owner)).find((k) => k.id === key.key.id)?.status).toBe('expired');
    const back = await owner.post<{ code: string }>(`/api/v1/access-keys/${key.key.id}/reactivate`);
    expect(back.status).toBe(409);
    expect(back.body.code).toBe('access_key_expired');
  });
});

describe('deactivation, rotation, revocation', () => {
  it('a deactivated key fails and works again once reactivated', async () => {
    const { owner, accountId } = await approvedAccount(api, 'deact');
    const b = await bucket(owner, 'deact');
    const key = await createKey(owner, { name: 'app' });
    const s3 = s3For(key);
    await put(s3, b.name, 'x.txt');

    const off = await owner.post<KeyView>(`/api/v1/access-keys/${key.key.id}/deactivate`);
    expect(off.status).toBe(200);
    expect(off.body.status).toBe('inactive');
    expect((await admin.infoServiceAccount(key.key.accessKeyId))?.accountStatus).toBe('off');
    expect(await errorName(list(s3, b.name))).toMatch(/AccessDenied|InvalidAccessKeyId/);
    // Idempotent.
    expect((await owner.post<KeyView>(`/api/v1/access-keys/${key.key.id}/deactivate`)).body.status).toBe(
      'inactive',
    );

    const on = await owner.post<KeyView>(`/api/v1/access-keys/${key.key.id}/reactivate`);
    expect(on.status).toBe(200);
    expect(on.body.status).toBe('active');
    expect(await list(s3, b.name)).toEqual(['x.txt']);

    const audit = await api.db
      .select({ action: auditEntries.action })
      .from(auditEntries)
      .where(and(eq(auditEntries.accountId, accountId), eq(auditEntries.resourceId, key.key.id)));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['access_key.created', 'access_key.deactivated', 'access_key.reactivated']),
    );
  });

  it('rotation: the new key works at once, the old one during its grace, and stops after it', async () => {
    const { owner, accountId } = await approvedAccount(api, 'rotate');
    const b = await bucket(owner, 'rotate');
    const other = await bucket(owner, 'rotother');
    const expiresAt = new Date(Date.now() + 90 * 24 * 3600 * 1000);
    expiresAt.setUTCMilliseconds(0);
    const old = await createKey(owner, {
      name: 'backup-server',
      description: 'Nightly restic',
      expiresAt: expiresAt.toISOString(),
      scope: [{ bucketId: b.id, access: 'full' }],
    });
    const s3Old = s3For(old);
    await put(s3Old, b.name, 'before.txt');

    const rotated = await owner.post<KeySecret & { previous: KeyView }>(
      `/api/v1/access-keys/${old.key.id}/rotate`,
    );
    expect(rotated.status, JSON.stringify(rotated.body)).toBe(201);
    // The old key still works during its grace period.
    expect(await list(s3Old, b.name)).toEqual(['before.txt']);
    const fresh = rotated.body;
    expect(fresh.key.accessKeyId).not.toBe(old.key.accessKeyId);
    expect(fresh.key.name).toMatch(/^backup-server \(\d{4}-\d{2}-\d{2}\)$/);
    expect(fresh.key.description).toBe('Nightly restic');
    expect(fresh.key.expiresAt).toBe(expiresAt.toISOString());
    expect(fresh.key.scope).toEqual([{ bucketId: b.id, bucketName: b.name, access: 'full' }]);
    expect(fresh.key.rotatedFromKeyId).toBe(old.key.id);
    expect(fresh.previous.graceEndsAt).not.toBeNull();
    const s3New = s3For(fresh);
    await put(s3New, b.name, 'after.txt');
    expect(await errorName(put(s3New, other.name, 'x.txt'))).toBe('AccessDenied');
    expect((await admin.infoServiceAccount(fresh.key.accessKeyId))?.expiration?.toISOString()).toBe(
      expiresAt.toISOString(),
    );

    // Only one replacement per key.
    const again = await owner.post<{ code: string }>(`/api/v1/access-keys/${old.key.id}/rotate`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('access_key_already_rotated');

    // The grace ends; the sweep turns the old key off.
    const graceEndsAt = new Date(fresh.previous.graceEndsAt!).getTime();
    while (Date.now() <= graceEndsAt) await new Promise((r) => setTimeout(r, 200));
    // (The scheduled sweep of the running worker may get there first; the outcome is the same.)
    await worker.get(AccessKeysService).deactivateDueKeys();
    const keys = await listKeys(owner);
    const oldNow = keys.find((k) => k.id === old.key.id)!;
    expect(oldNow.status).toBe('inactive');
    expect(oldNow.graceEndsAt).toBeNull();
    expect(await errorName(list(s3Old, b.name))).toMatch(/AccessDenied|InvalidAccessKeyId/);
    expect((await list(s3New, b.name)).sort()).toEqual(['after.txt', 'before.txt']);
    const [graceAudit] = await api.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.accountId, accountId), eq(auditEntries.action, 'access_key.grace_ended')));
    expect(graceAudit?.actorType).toBe('system');
  });

  it('the customer can end the grace early by deactivating or revoking the old key', async () => {
    const { owner } = await approvedAccount(api, 'endnow');
    const b = await bucket(owner, 'endnow');
    const old = await createKey(owner, { name: 'app' });
    const rotated = await owner.post<KeySecret & { previous: KeyView }>(
      `/api/v1/access-keys/${old.key.id}/rotate`,
    );
    expect(rotated.status).toBe(201);
    const off = await owner.post<KeyView>(`/api/v1/access-keys/${old.key.id}/deactivate`);
    expect(off.body.status).toBe('inactive');
    expect(off.body.graceEndsAt).toBeNull();
    expect(await errorName(list(s3For(old), b.name))).toMatch(/AccessDenied|InvalidAccessKeyId/);

    const second = await owner.post<KeySecret & { previous: KeyView }>(
      `/api/v1/access-keys/${rotated.body.key.id}/rotate`,
    );
    expect(second.status).toBe(201);
    expect((await owner.delete(`/api/v1/access-keys/${rotated.body.key.id}`)).status).toBe(204);
    const keys = await listKeys(owner);
    expect(keys.find((k) => k.id === rotated.body.key.id)?.status).toBe('revoked');
    expect(await list(s3For(second.body), b.name)).toEqual([]);
    // Revoked and inactive keys cannot be rotated.
    expect((await owner.post(`/api/v1/access-keys/${rotated.body.key.id}/rotate`)).status).toBe(409);
    expect((await owner.post(`/api/v1/access-keys/${old.key.id}/rotate`)).status).toBe(409);
    expect((await owner.post(`/api/v1/access-keys/${rotated.body.key.id}/reactivate`)).status).toBe(409);
  });

  // Found by the fuzzer: two people (or scripts) changing one key at once. A revoke deleted the
  // service account on MinIO while a reactivation was turning it on: 503 storage_unavailable.
  it('a key revoked while it is being reactivated or deactivated: 409 or done, never 5xx, and it stays revoked', async () => {
    const { owner } = await approvedAccount(api, 'keyrace');
    const seen = new Set<number>();
    for (let i = 0; i < 6; i++) {
      const key = await createKey(owner, { name: `race ${i}` });
      if (i % 2 === 0) await owner.post(`/api/v1/access-keys/${key.key.id}/deactivate`);
      const change = i % 2 === 0 ? 'reactivate' : 'deactivate';
      const [revoked, changed] = await Promise.all([
        owner.delete(`/api/v1/access-keys/${key.key.id}`),
        owner.post<KeyView>(`/api/v1/access-keys/${key.key.id}/${change}`),
      ]);
      expect(revoked.status).toBe(204);
      expect([200, 409]).toContain(changed.status);
      seen.add(changed.status);
      expect(await admin.infoServiceAccount(key.key.accessKeyId)).toBeNull();
      expect((await listKeys(owner)).find((k) => k.id === key.key.id)?.status).toBe('revoked');
    }
    expect(seen.size).toBeGreaterThan(0);
  });

  it('a key MinIO no longer has (drift) cannot be turned on or off: 409, not 503', async () => {
    const { owner } = await approvedAccount(api, 'keygone');
    const key = await createKey(owner, { name: 'gone' });
    await owner.post(`/api/v1/access-keys/${key.key.id}/deactivate`);
    await admin.deleteServiceAccount(key.key.accessKeyId);
    const on = await owner.post(`/api/v1/access-keys/${key.key.id}/reactivate`);
    expect(on.status).toBe(409);
    expect(on.body.code).toBe('access_key_revoked');
  });
});

describe('isolation and validation', () => {
  it("answers 404 for another account's key and changes nothing", async () => {
    const a = await approvedAccount(api, 'isoa');
    const b = await approvedAccount(api, 'isob');
    const keyA = await createKey(a.owner, { name: 'mine' });
    for (const path of ['deactivate', 'reactivate', 'rotate', 'reveal']) {
      expect((await b.owner.post(`/api/v1/access-keys/${keyA.key.id}/${path}`)).status).toBe(404);
    }
    expect((await b.owner.delete(`/api/v1/access-keys/${keyA.key.id}`)).status).toBe(404);
    expect((await a.owner.post('/api/v1/access-keys/not-a-uuid/rotate')).status).toBe(404);
    const [row] = await api.db.select().from(accessKeys).where(eq(accessKeys.id, keyA.key.id));
    expect(row.status).toBe('active');
    expect(row.graceEndsAt).toBeNull();
    expect((await admin.infoServiceAccount(keyA.key.accessKeyId))?.accountStatus).toBe('on');
  });

  it('refuses invalid input with a translated message and creates nothing', async () => {
    const a = await approvedAccount(api, 'vala');
    const b = await approvedAccount(api, 'valb');
    const mine = await bucket(a.owner, 'mine');
    const theirs = await bucket(b.owner, 'theirs');
    const before = (await listKeys(a.owner)).length;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: '' }, 'validation_failed'],
      [{ name: 'x'.repeat(65) }, 'validation_failed'],
      [{ name: 'ok', description: 'd'.repeat(257) }, 'validation_failed'],
      [{ name: 'ok', expiresAt: new Date(Date.now() - 60_000).toISOString() }, 'validation_failed'],
      [{ name: 'ok', expiresAt: 'tomorrow' }, 'validation_failed'],
      [
        { name: 'ok', expiresAt: new Date(Date.now() + 11 * 365 * 24 * 3600_000).toISOString() },
        'validation_failed',
      ],
      [{ name: 'ok', scope: [] }, 'validation_failed'],
      [{ name: 'ok', scope: [{ bucketId: mine.id, access: 'write' }] }, 'validation_failed'],
      [
        {
          name: 'ok',
          scope: [
            { bucketId: mine.id, access: 'read' },
            { bucketId: mine.id, access: 'full' },
          ],
        },
        'validation_failed',
      ],
      [{ name: 'ok', scope: [{ bucketId: theirs.id, access: 'read' }] }, 'access_key_bucket_not_found'],
      [
        { name: 'ok', scope: [{ bucketId: '00000000-0000-4000-8000-000000000000', access: 'read' }] },
        'access_key_bucket_not_found',
      ],
    ];
    for (const [body, code] of cases) {
      const res = await a.owner.post<{ code: string; message: string }>('/api/v1/access-keys', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code, JSON.stringify(res.body)).toBe(code);
      expect(res.body.message.length).toBeGreaterThan(0);
    }
    const expiry = await a.owner.post<{ fields?: Record<string, string> }>('/api/v1/access-keys', {
      name: 'ok',
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(expiry.body.fields?.expiresAt).toContain('validade');
    expect((await listKeys(a.owner)).length).toBe(before);
    // Nothing reached MinIO either.
    const accounts = await admin.listServiceAccounts(`acct-${a.accountId}`);
    expect(accounts.length).toBe(before);
  });
});

describe('a deleted bucket name taken by another account', () => {
  it('is never reachable with the former owner keys, even when the delete could not rewrite their policies', async () => {
    const a = await approvedAccount(api, 'former');
    const b = await approvedAccount(api, 'newowner');
    const shared = await bucket(a.owner, 'reused');
    const scoped = await createKey(a.owner, {
      name: 'so-um',
      scope: [{ bucketId: shared.id, access: 'full' }],
    });
    const wide = await createKey(a.owner, { name: 'todas' });
    expect((await a.owner.delete(`/api/v1/buckets/${shared.id}`)).status).toBe(204);

    // The delete's policy rewrite "failed" (MinIO down at that moment): put the stale grants back.
    const { buildScopedPolicy, buildTenantPolicy } = await import('@csp/minio-admin');
    await admin.addCannedPolicy(`acct-${a.accountId}`, buildTenantPolicy([shared.name], 'full'));
    await admin.updateServiceAccount(scoped.key.accessKeyId, {
      newPolicy: buildScopedPolicy([{ bucket: shared.name, access: 'full' }]),
    });

    // Another account takes the name: the create rewrites the former owner's policies first.
    const taken = await b.owner.post<{ id: string }>('/api/v1/buckets', { name: shared.name });
    expect(taken.status).toBe(201);
    const bKey = await createKey(b.owner, { name: 'dono-novo' });
    await expect.poll(() => errorName(put(s3For(bKey), shared.name, 'secret.txt', 'de B'))).toBe('no error');
    for (const key of [scoped, wide]) {
      expect(await errorName(get(s3For(key), shared.name, 'secret.txt'))).toBe('AccessDenied');
      expect(await errorName(put(s3For(key), shared.name, 'intruder.txt'))).toBe('AccessDenied');
    }
  });
});
