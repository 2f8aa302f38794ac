// Attacks on the object browser's presigned URLs (security review f107f84, C1, H1, L13): a URL the
// platform issues must not do more than its caller may, whatever unsigned headers are added to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accounts } from '@csp/db';
import { MinioAdminClient } from '@csp/minio-admin';
import { buildBlockedTenantPolicy } from '../../src/modules/storage/provisioning/provisioning.service';
import { rootAdmin, approvedAccount, startTestApi, type TestApi } from '../support/harness';
import type { HttpSession } from '../support/http';
import { inviteMember } from '../support/team';

let api: TestApi;
let admin: MinioAdminClient;
beforeAll(async () => {
  api = await startTestApi();
  admin = rootAdmin(api);
});
afterAll(async () => {
  await api?.close();
});

type Presigned = { url: string; method: string; headers: Record<string, string>; expiresAt: string };
type Version = { key: string; versionId: string; isDeleteMarker: boolean };

const MIB = 1024 * 1024;
const text = (s: string) => new TextEncoder().encode(s);

async function createBucket(owner: HttpSession, options: Record<string, unknown> = {}) {
  const name = `atk-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
  const res = await owner.post<{ id: string; name: string }>('/api/v1/buckets', { name, ...options });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function uploadUrl(session: HttpSession, bucketId: string, key: string, size: number) {
  const signed = await session.post<Presigned>(`/api/v1/buckets/${bucketId}/objects/upload-url`, {
    key,
    size,
    contentType: 'application/octet-stream',
  });
  expect(signed.status, JSON.stringify(signed.body)).toBe(200);
  return signed.body;
}

async function put(session: HttpSession, bucketId: string, key: string, body: Uint8Array) {
  const signed = await uploadUrl(session, bucketId, key, body.byteLength);
  const res = await fetch(signed.url, { method: 'PUT', headers: signed.headers, body });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** What the account sees at `key` through its own download URL (null: nothing there). */
async function readBack(session: HttpSession, bucketId: string, key: string): Promise<string | null> {
  const signed = await session.post<Presigned>(`/api/v1/buckets/${bucketId}/objects/download-url`, { key });
  if (signed.status === 404) return null;
  expect(signed.status, JSON.stringify(signed.body)).toBe(200);
  const res = await fetch(signed.body.url);
  return res.status === 200 ? await res.text() : null;
}

async function versions(session: HttpSession, bucketId: string, key: string) {
  const res = await session.get<{ items: Version[] }>(
    `/api/v1/buckets/${bucketId}/objects/versions?key=${encodeURIComponent(key)}`,
  );
  expect(res.status).toBe(200);
  return res.body.items;
}

/** Sends the issued URL with extra, unsigned headers (what an attacker adds with curl). */
async function send(signed: Presigned, extra: Record<string, string>, body?: Uint8Array) {
  return fetch(signed.url, {
    method: signed.method,
    headers: { ...signed.headers, ...extra },
    body: body ?? (signed.method === 'PUT' ? new Uint8Array(0) : undefined),
  });
}

describe('C1: an issued upload URL cannot become a server-side copy', () => {
  let victim: { owner: HttpSession; bucket: { id: string; name: string } };
  let attacker: { owner: HttpSession; accountId: string; bucket: { id: string; name: string } };
  beforeAll(async () => {
    const b = await approvedAccount(api, 'victim');
    victim = { owner: b.owner, bucket: await createBucket(b.owner) };
    await put(victim.owner, victim.bucket.id, 'payroll.txt', text('B only: payroll'));
    const a = await approvedAccount(api, 'attacker');
    attacker = { owner: a.owner, accountId: a.accountId, bucket: await createBucket(a.owner) };
  });

  it('PUT URL + x-amz-copy-source from another account is refused and copies nothing', async () => {
    const signed = await uploadUrl(attacker.owner, attacker.bucket.id, 'loot', 0);
    const res = await send(signed, { 'x-amz-copy-source': `/${victim.bucket.name}/payroll.txt` });
    expect(res.status, await res.text()).toBeGreaterThanOrEqual(400);
    expect(await readBack(attacker.owner, attacker.bucket.id, 'loot')).not.toBe('B only: payroll');
  });

  it('PUT URL + x-amz-copy-source from MinIO’s own .minio.sys is refused', async () => {
    const signed = await uploadUrl(attacker.owner, attacker.bucket.id, 'iam', 0);
    const res = await send(signed, { 'x-amz-copy-source': '/.minio.sys/config/iam/format.json' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await readBack(attacker.owner, attacker.bucket.id, 'iam')).toBeNull();
  });

  it('UploadPart URL + x-amz-copy-source (and a range) cannot copy another account’s object', async () => {
    const size = 6 * MIB;
    const started = await attacker.owner.post<{ uploadId: string; partSize: number; partCount: number }>(
      `/api/v1/buckets/${attacker.bucket.id}/objects/multipart`,
      { key: 'loot-parts', size, partSize: 5 * MIB },
    );
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const urls = await attacker.owner.post<{ parts: Array<{ partNumber: number; url: string }> }>(
      `/api/v1/buckets/${attacker.bucket.id}/objects/multipart/part-urls`,
      { key: 'loot-parts', uploadId: started.body.uploadId, partNumbers: [1] },
    );
    expect(urls.status, JSON.stringify(urls.body)).toBe(200);
    const part = { url: urls.body.parts[0].url, method: 'PUT', headers: {}, expiresAt: '' };
    const attempts: Array<Record<string, string>> = [
      { 'x-amz-copy-source': `/${victim.bucket.name}/payroll.txt` },
      { 'x-amz-copy-source': `/${victim.bucket.name}/payroll.txt`, 'x-amz-copy-source-range': 'bytes=0-5' },
    ];
    for (const extra of attempts) {
      const res = await send(part, extra);
      const body = await res.text();
      expect(res.status, body).toBeGreaterThanOrEqual(400);
      expect(body).not.toContain('CopyPartResult');
    }
  });

  it('an external client with a full share cannot copy from a sibling bucket it was not given', async () => {
    const { owner } = await approvedAccount(api, 'siblings');
    const shared = await createBucket(owner);
    const private_ = await createBucket(owner);
    await put(owner, private_.id, 'contracts.txt', text('owner only'));
    const client = await inviteMember(api, owner, 'external_client', [
      { bucketId: shared.id, access: 'full' },
    ]);
    const signed = await uploadUrl(client.session, shared.id, 'stolen', 0);
    const res = await send(signed, { 'x-amz-copy-source': `/${private_.name}/contracts.txt` });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await readBack(owner, shared.id, 'stolen')).not.toBe('owner only');
  });
});

describe('H1: object lock holds against headers added to issued URLs', () => {
  let owner: HttpSession;
  let bucket: { id: string; name: string };
  beforeAll(async () => {
    ({ owner } = await approvedAccount(api, 'worm'));
    bucket = await createBucket(owner, {
      versioning: true,
      objectLock: true,
      defaultRetention: { mode: 'governance', days: 1 },
    });
    await put(owner, bucket.id, 'backup.tar', text('ransomware target'));
  });

  it('DELETE URL + x-amz-bypass-governance-retention cannot destroy a governance-locked version', async () => {
    const [version] = await versions(owner, bucket.id, 'backup.tar');
    const signed = await owner.post<Presigned>(`/api/v1/buckets/${bucket.id}/objects/delete-url`, {
      key: 'backup.tar',
      versionId: version.versionId,
    });
    expect(signed.status).toBe(200);
    const res = await send(signed.body, { 'x-amz-bypass-governance-retention': 'true' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect((await versions(owner, bucket.id, 'backup.tar')).map((v) => v.versionId)).toContain(
      version.versionId,
    );
  });

  it('PUT URL + compliance retention or legal hold headers is refused (no undeletable objects)', async () => {
    for (const [key, extra] of [
      [
        'forever.bin',
        {
          'x-amz-object-lock-mode': 'COMPLIANCE',
          'x-amz-object-lock-retain-until-date': '2100-01-01T00:00:00Z',
        },
      ],
      ['held.bin', { 'x-amz-object-lock-legal-hold': 'ON' }],
    ] as const) {
      const signed = await uploadUrl(owner, bucket.id, key, 4);
      const res = await send(signed, extra, text('data'));
      expect(res.status, `${key}: ${await res.text()}`).toBeGreaterThanOrEqual(400);
      expect(await readBack(owner, bucket.id, key)).toBeNull();
    }
  });

  it('PUT URL + x-amz-tagging is refused (tags are not part of what the URL grants)', async () => {
    const signed = await uploadUrl(owner, bucket.id, 'tagged.bin', 4);
    const res = await send(signed, { 'x-amz-tagging': 'owner=attacker' }, text('data'));
    expect(res.status).toBeGreaterThanOrEqual(400);
  });
});

describe('C1: what the URLs are signed with', () => {
  it('URLs are never signed with the MinIO root credentials', async () => {
    const { owner } = await approvedAccount(api, 'signer');
    const bucket = await createBucket(owner);
    const signed = await uploadUrl(owner, bucket.id, 'a.txt', 1);
    const credential = new URL(signed.url).searchParams.get('X-Amz-Credential') ?? '';
    expect(credential.split('/')[0]).not.toBe(api.config.MINIO_ROOT_USER);
    expect(new URL(signed.url).searchParams.get('X-Amz-Security-Token')).toBeTruthy();
  });

  it('a URL issued before a suspension stops working after it', async () => {
    const { owner, accountId } = await approvedAccount(api, 'suspended');
    const bucket = await createBucket(owner);
    await put(owner, bucket.id, 'kept.txt', text('still here'));
    const read = await owner.post<Presigned>(`/api/v1/buckets/${bucket.id}/objects/download-url`, {
      key: 'kept.txt',
    });
    const write = await uploadUrl(owner, bucket.id, 'late.txt', 4);
    // The suspension lever: the account's storage user is disabled (its keys die with it).
    await api.db.update(accounts).set({ status: 'suspended' }).where(eq(accounts.id, accountId));
    await admin.setUserStatus(`acct-${accountId}`, 'disabled');
    expect((await fetch(read.body.url)).status).toBe(403);
    expect((await send(write, {}, text('late'))).status).toBe(403);
  });

  it('a URL issued before the write block cannot write after it', async () => {
    const { owner, accountId } = await approvedAccount(api, 'blocked');
    const bucket = await createBucket(owner);
    const signed = await uploadUrl(owner, bucket.id, 'after-block.txt', 4);
    // What quota enforcement does: the account policy becomes read + delete only.
    await api.db.update(accounts).set({ writesBlockedAt: new Date() }).where(eq(accounts.id, accountId));
    await admin.addCannedPolicy(`acct-${accountId}`, buildBlockedTenantPolicy([bucket.name]));
    expect((await send(signed, {}, text('data'))).status).toBe(403);
  });
});

describe('L13: part URLs bind the announced size', () => {
  it('a part URL refuses a body larger than its part', async () => {
    const { owner } = await approvedAccount(api, 'parts');
    const bucket = await createBucket(owner);
    const started = await owner.post<{ uploadId: string; partSize: number }>(
      `/api/v1/buckets/${bucket.id}/objects/multipart`,
      { key: 'big.bin', size: 10 * MIB, partSize: 5 * MIB },
    );
    expect(started.status).toBe(201);
    const urls = await owner.post<{ parts: Array<{ partNumber: number; url: string }> }>(
      `/api/v1/buckets/${bucket.id}/objects/multipart/part-urls`,
      { key: 'big.bin', uploadId: started.body.uploadId, partNumbers: [1] },
    );
    const res = await fetch(urls.body.parts[0].url, { method: 'PUT', body: new Uint8Array(6 * MIB) });
    expect(res.status).toBeGreaterThanOrEqual(400);
  });
});
