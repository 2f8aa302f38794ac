// The account's temporary storage credentials: minted as the account's own storage user with a
// kept secret, recorded with their purpose, cached, re-keyed for users made before secrets were
// kept (status preserved), and checked by the reconciler.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { and, eq } from 'drizzle-orm';
import { accounts, storageCredentials, storageUsers } from '@csp/db';
import { MinioAdminClient } from '@csp/minio-admin';
import { StorageSecretsWorker } from '../../src/modules/storage/provisioning/storage-secrets.worker';
import { WorkerModule } from '../../src/worker.module';
import { rootAdmin, approvedAccount, staffSession, startTestApi, type TestApi } from '../support/harness';
import type { HttpSession } from '../support/http';

let api: TestApi;
let admin: MinioAdminClient;
let worker: INestApplicationContext;
beforeAll(async () => {
  api = await startTestApi();
  admin = rootAdmin(api);
  worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(api.config), { logger: false });
});
afterAll(async () => {
  await worker?.close();
  await api?.close();
});

type Presigned = { url: string };

async function bucketOf(owner: HttpSession) {
  const name = `cred-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
  const res = await owner.post<{ id: string; name: string }>('/api/v1/buckets', { name });
  expect(res.status).toBe(201);
  return res.body;
}

async function uploadAndRead(owner: HttpSession, bucketId: string, key: string, content: string) {
  const body = new TextEncoder().encode(content);
  const up = await owner.post<Presigned & { headers: Record<string, string> }>(
    `/api/v1/buckets/${bucketId}/objects/upload-url`,
    { key, size: body.byteLength, contentType: 'text/plain' },
  );
  expect(up.status, JSON.stringify(up.body)).toBe(200);
  expect((await fetch(up.body.url, { method: 'PUT', headers: up.body.headers, body })).status).toBe(200);
  const down = await owner.post<Presigned>(`/api/v1/buckets/${bucketId}/objects/download-url`, { key });
  expect(down.status, JSON.stringify(down.body)).toBe(200);
  return (await fetch(down.body.url)).text();
}

const credentialRows = (accountId: string) =>
  api.db.select().from(storageCredentials).where(eq(storageCredentials.accountId, accountId));

describe('temporary storage credentials', () => {
  it('are minted as the account’s user, recorded with their purpose, and reused while they last', async () => {
    const { owner, accountId } = await approvedAccount(api, 'cred-rec');
    const bucket = await bucketOf(owner);
    const [user] = await api.db.select().from(storageUsers).where(eq(storageUsers.accountId, accountId));
    expect(user.secretSealed).toBeTruthy();
    expect(user.secretSetAt).not.toBeNull();

    expect(await uploadAndRead(owner, bucket.id, 'a.txt', 'first')).toBe('first');
    expect(await uploadAndRead(owner, bucket.id, 'b.txt', 'second')).toBe('second');
    const list = await owner.get(`/api/v1/buckets/${bucket.id}/objects`);
    expect(list.status).toBe(200);

    const rows = await credentialRows(accountId);
    const byUse = rows.map((r) => `${r.purpose}:${r.operation}`).sort();
    // One credential per operation class and purpose, however many URLs were signed with it.
    expect(byUse).toEqual(['housekeeping:list', 'transfer:read', 'transfer:write']);
    expect(rows.every((r) => r.bucketId === bucket.id)).toBe(true);
    expect(rows.every((r) => r.accessKeyId !== api.config.MINIO_ROOT_USER)).toBe(true);
  });

  it('the re-key job gives users provisioned without a kept secret a new one, keeping their status', async () => {
    const live = await approvedAccount(api, 'cred-legacy');
    const suspended = await approvedAccount(api, 'cred-legacy-susp');
    const bucket = await bucketOf(live.owner);
    // As before secrets were kept: nothing sealed; the suspended one is disabled on MinIO.
    for (const { accountId } of [live, suspended])
      await api.db
        .update(storageUsers)
        .set({ secretSealed: null, secretSetAt: null })
        .where(eq(storageUsers.accountId, accountId));
    await api.db.update(accounts).set({ status: 'suspended' }).where(eq(accounts.id, suspended.accountId));
    await admin.setUserStatus(`acct-${suspended.accountId}`, 'disabled');

    await worker.get(StorageSecretsWorker).run();

    for (const { accountId } of [live, suspended]) {
      const [row] = await api.db.select().from(storageUsers).where(eq(storageUsers.accountId, accountId));
      expect(row.secretSealed).toBeTruthy();
      expect(row.secretSetAt).not.toBeNull();
    }
    expect((await admin.getUserInfo(`acct-${suspended.accountId}`))?.status).toBe('disabled');
    expect((await admin.getUserInfo(`acct-${live.accountId}`))?.status).toBe('enabled');
    // The initial key (a service account of the re-keyed user) and the portal both still work.
    expect(await uploadAndRead(live.owner, bucket.id, 'after-rekey.txt', 'ok')).toBe('ok');
  });

  it('the reconciler finds a kept secret MinIO no longer accepts, and repair re-keys it', async () => {
    const { owner, accountId } = await approvedAccount(api, 'cred-recon');
    const bucket = await bucketOf(owner);
    // Someone replaced the user's secret behind the platform's back.
    await admin.addUser(`acct-${accountId}`, 'someone-else-secret-123', 'enabled');
    const staff = await staffSession(api);
    const report = await staff.post<{
      findings: Array<{ kind: string; accountId: string; repaired: boolean }>;
    }>('/api/v1/staff/reconciler/runs', { repair: true });
    expect(report.status, JSON.stringify(report.body)).toBe(201);
    const mine = report.body.findings.filter((f) => f.accountId === accountId);
    expect(mine).toEqual([expect.objectContaining({ kind: 'user_secret_invalid', repaired: true })]);
    // New credentials are minted with the new secret (new bucket: nothing cached for it).
    const other = await bucketOf(owner);
    expect(await uploadAndRead(owner, other.id, 'x.txt', 'back')).toBe('back');
    expect(bucket.id).not.toBe(other.id);
    const rows = await api.db
      .select()
      .from(storageCredentials)
      .where(and(eq(storageCredentials.accountId, accountId), eq(storageCredentials.bucketId, other.id)));
    expect(rows.length).toBeGreaterThan(0);
  });
});
