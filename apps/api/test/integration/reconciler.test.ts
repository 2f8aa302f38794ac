import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  GetBucketPolicyCommand,
  GetBucketVersioningCommand,
  HeadBucketCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { accessKeys, accounts, auditEntries, reconcilerRuns } from '@csp/db';
import { buildTenantPolicy, MinioAdminClient } from '@csp/minio-admin';
import { newSecretKey } from '../../src/common/crypto';
import { JobQueueService } from '../../src/jobs/job-queue.service';
import { RECONCILER_QUEUE } from '../../src/modules/reconciler/reconciler.worker';
import { ReconcilerService } from '../../src/modules/reconciler/reconciler.service';
import { publicReadPolicy } from '../../src/modules/storage/buckets/bucket-s3';
import { expectedAccountPolicy } from '../../src/modules/storage/provisioning/provisioning.service';
import { createStaff } from '../support/grants';
import { rootAdmin, approvedAccount, staffSession, startTestApi, type TestApi } from '../support/harness';
import type { HttpSession } from '../support/http';
import { sessionFor } from '../support/walk';
import { startWorker } from '../../src/worker';

type Finding = {
  kind: string;
  accountId?: string;
  resource: string;
  expected: string;
  actual: string;
  repairable: boolean;
  repaired: boolean;
  repairError?: string;
};
type Run = {
  id: string;
  trigger: string;
  status: string;
  repair: boolean | null;
  checkedAccounts: number;
  findingCount: number;
  repairedCount: number;
  openCount: number;
  startedBy: { id: string; fullName: string } | null;
  findings: Finding[];
  accounts: Array<{ id: string; name: string }>;
};

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
    credentials: { accessKeyId: api.config.MINIO_ROOT_USER, secretAccessKey: api.config.MINIO_ROOT_PASSWORD },
  });
});
afterAll(async () => {
  s3?.destroy();
  await api?.close();
});

const uniqueName = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;

async function createBucket(owner: HttpSession, prefix: string, options: Record<string, unknown> = {}) {
  const res = await owner.post<{ id: string; name: string }>('/api/v1/buckets', {
    name: uniqueName(prefix),
    ...options,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function createKey(owner: HttpSession, name: string) {
  const res = await owner.post<{ key: { id: string; accessKeyId: string } }>('/api/v1/access-keys', { name });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.key;
}

async function run(staff: HttpSession, repair: boolean) {
  const res = await staff.post<Run>('/api/v1/staff/reconciler/runs', { repair });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const of = (r: Run, accountId: string) => r.findings.filter((f) => f.accountId === accountId);
const kinds = (findings: Finding[]) => findings.map((f) => `${f.kind}:${f.resource}`).sort();

async function versioningOf(bucket: string) {
  return (await s3.send(new GetBucketVersioningCommand({ Bucket: bucket }))).Status;
}
async function bucketPolicyOf(bucket: string) {
  try {
    return (await s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy;
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchBucketPolicy') return undefined;
    throw error;
  }
}
async function bucketExists(bucket: string) {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    return true;
  } catch {
    return false;
  }
}

describe('reconciler (database vs. MinIO)', () => {
  it('reports every kind of drift without touching anything, repairs what is repairable, then finds only what needs a person', async () => {
    const { accountId, owner } = await approvedAccount(api, 'recon');
    const user = `acct-${accountId}`;
    const plain = await createBucket(owner, 'recon-plain');
    const versioned = await createBucket(owner, 'recon-ver', { versioning: true });
    const doomed = await createBucket(owner, 'recon-gone');
    const deleted = await createBucket(owner, 'recon-del');
    expect((await owner.delete(`/api/v1/buckets/${deleted.id}`)).status).toBe(204);
    const active = await createKey(owner, 'ativa');
    const paused = await createKey(owner, 'pausada');
    expect((await owner.post(`/api/v1/access-keys/${paused.id}/deactivate`)).status).toBe(200);
    const revoked = await createKey(owner, 'revogada');
    expect((await owner.delete(`/api/v1/access-keys/${revoked.id}`)).status).toBe(204);

    const staff = await staffSession(api);
    // Nothing drifted yet for this account.
    expect(of(await run(staff, false), accountId)).toEqual([]);

    // Drift, made directly on MinIO with root credentials.
    await admin.addCannedPolicy(user, buildTenantPolicy([], 'full'));
    await admin.updateServiceAccount(active.accessKeyId, { newStatus: 'off' });
    await admin.updateServiceAccount(paused.accessKeyId, { newStatus: 'on' });
    await admin.addServiceAccount({
      targetUser: user,
      accessKey: revoked.accessKeyId,
      secretKey: newSecretKey(),
    });
    const unknown = await admin.addServiceAccount({ targetUser: user });
    await admin.setUserStatus(user, 'disabled'); // last: MinIO adds no service account to a disabled user
    await admin.setBucketQuota(plain.name, null);
    await s3.send(
      new PutBucketVersioningCommand({
        Bucket: versioned.name,
        VersioningConfiguration: { Status: 'Suspended' },
      }),
    );
    await s3.send(new PutBucketPolicyCommand({ Bucket: plain.name, Policy: publicReadPolicy(plain.name) }));
    await s3.send(new DeleteBucketCommand({ Bucket: doomed.name }));
    await s3.send(new CreateBucketCommand({ Bucket: deleted.name }));
    const orphan = uniqueName('recon-orphan');
    await s3.send(new CreateBucketCommand({ Bucket: orphan }));

    const expectedKinds = [
      `access_key_revoked_present:${revoked.accessKeyId}`,
      `access_key_status:${active.accessKeyId}`,
      `access_key_status:${paused.accessKeyId}`,
      `access_key_unknown:${unknown.accessKey}`,
      `bucket_deleted_present:${deleted.name}`,
      `bucket_missing:${doomed.name}`,
      `bucket_public_read:${plain.name}`,
      `bucket_quota:${plain.name}`,
      `bucket_versioning:${versioned.name}`,
      `policy_mismatch:${user}`,
      `user_status:${user}`,
    ].sort();

    // 1. Report only: every drift found, nothing changed.
    const report = await run(staff, false);
    expect(report).toMatchObject({ trigger: 'manual', status: 'succeeded', repair: false, repairedCount: 0 });
    expect(report.checkedAccounts).toBeGreaterThanOrEqual(1);
    const found = of(report, accountId);
    expect(kinds(found)).toEqual(expectedKinds);
    expect(found.every((f) => !f.repaired)).toBe(true);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ kind: 'bucket_orphan', resource: orphan, repairable: false }),
    );
    expect(report.findings.find((f) => f.resource === orphan)).not.toHaveProperty('accountId');
    expect(found.find((f) => f.kind === 'user_status')).toMatchObject({
      expected: 'enabled',
      actual: 'disabled',
      repairable: true,
    });
    expect(found.find((f) => f.kind === 'policy_mismatch')).toMatchObject({
      expected: `full: ${[plain.name, versioned.name, doomed.name].sort().join(', ')}`,
      actual: 'no buckets',
    });
    expect(found.find((f) => f.kind === 'bucket_quota')!.actual).toBe('none');
    expect(found.find((f) => f.kind === 'bucket_missing')!.repairable).toBe(false);
    expect(report.accounts).toContainEqual(expect.objectContaining({ id: accountId }));
    expect((await admin.getUserInfo(user))!.status).toBe('disabled');
    expect((await admin.infoServiceAccount(active.accessKeyId))!.accountStatus).toBe('off');
    expect(await admin.infoServiceAccount(revoked.accessKeyId)).not.toBeNull();
    expect(await admin.getBucketQuota(plain.name)).toBeNull();
    expect(await versioningOf(versioned.name)).toBe('Suspended');
    expect(await bucketPolicyOf(plain.name)).toBeDefined();
    expect((await admin.getCannedPolicy(user))!.policy.Statement).toHaveLength(1);

    // The run is stored and listed; GET by id answers the same findings.
    const stored = await staff.get<Run>(`/api/v1/staff/reconciler/runs/${report.id}`);
    expect(stored.status).toBe(200);
    expect(kinds(of(stored.body, accountId))).toEqual(expectedKinds);
    const list = await staff.get<{ items: Run[]; nextCursor: string | null }>(
      '/api/v1/staff/reconciler/runs?limit=1',
    );
    expect(list.body.items.map((r) => r.id)).toEqual([report.id]);
    expect(list.body.nextCursor).toBe(report.id);
    const next = await staff.get<{ items: Run[] }>(
      `/api/v1/staff/reconciler/runs?limit=1&cursor=${report.id}`,
    );
    expect(next.body.items).toHaveLength(1);
    expect(next.body.items[0].id).not.toBe(report.id);

    // 2. Repair: the repairable drift is put back, the rest stays reported.
    const repair = await run(staff, true);
    expect(repair).toMatchObject({ status: 'succeeded', repair: true });
    const fixed = of(repair, accountId);
    expect(kinds(fixed)).toEqual(expectedKinds);
    for (const f of fixed)
      expect({ kind: f.kind, repaired: f.repaired }).toEqual({ kind: f.kind, repaired: f.repairable });
    expect(repair.findings.find((f) => f.resource === orphan)!.repaired).toBe(false);

    const info = (await admin.getUserInfo(user))!;
    expect(info.status).toBe('enabled');
    expect(info.policyName).toContain(user);
    const live = [plain.name, versioned.name, doomed.name];
    const policy = (await admin.getCannedPolicy(user))!.policy;
    expect(JSON.stringify(policy)).toContain(versioned.name);
    expect(policy.Statement).toHaveLength(
      expectedAccountPolicy({ bucketNames: live, writesBlocked: false }).Statement.length,
    );
    expect((await admin.infoServiceAccount(active.accessKeyId))!.accountStatus).toBe('on');
    expect((await admin.infoServiceAccount(paused.accessKeyId))!.accountStatus).toBe('off');
    expect(await admin.infoServiceAccount(revoked.accessKeyId)).toBeNull();
    expect(await admin.infoServiceAccount(unknown.accessKey)).not.toBeNull(); // never deleted
    const [account] = await api.db
      .select({ quotaBytes: accounts.quotaBytes })
      .from(accounts)
      .where(eq(accounts.id, accountId));
    expect((await admin.getBucketQuota(plain.name))!.size).toBe(Number(account.quotaBytes));
    expect(await versioningOf(versioned.name)).toBe('Enabled');
    expect(await bucketPolicyOf(plain.name)).toBeUndefined();
    expect(await bucketExists(orphan)).toBe(true); // orphans are only reported
    expect(await bucketExists(deleted.name)).toBe(true);

    // Repairs are audited, by the staff member who ran them, in the account's log.
    const audited = await api.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.accountId, accountId), eq(auditEntries.action, 'reconciler.repaired')));
    expect(audited).toHaveLength(fixed.filter((f) => f.repaired).length);
    expect(audited.every((a) => a.actorType === 'staff' && a.resourceId === repair.id)).toBe(true);
    const runs = await api.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, 'reconciler.run'), eq(auditEntries.resourceId, repair.id)));
    expect(runs).toHaveLength(1);
    expect(runs[0].details).toMatchObject({ repair: true });

    // 3. Nothing repairable is left; only what needs a person stays.
    const after = await run(staff, true);
    const left = of(after, accountId);
    expect(kinds(left)).toEqual(
      [
        `access_key_unknown:${unknown.accessKey}`,
        `bucket_deleted_present:${deleted.name}`,
        `bucket_missing:${doomed.name}`,
      ].sort(),
    );
    expect(left.every((f) => !f.repairable && !f.repaired)).toBe(true);
  });

  it('checks a suspended account’s user is disabled, and repairs it', async () => {
    const { accountId } = await approvedAccount(api, 'recon-susp');
    await api.db.update(accounts).set({ status: 'suspended' }).where(eq(accounts.id, accountId));
    const staff = await staffSession(api);
    const found = of(await run(staff, true), accountId);
    expect(found).toEqual([
      expect.objectContaining({
        kind: 'user_status',
        expected: 'disabled',
        actual: 'enabled',
        repaired: true,
      }),
    ]);
    expect((await admin.getUserInfo(`acct-${accountId}`))!.status).toBe('disabled');
    expect(of(await run(staff, false), accountId)).toEqual([]);
  });

  it('recreates a missing user (its keys stay reported: their secrets were never stored) and re-attaches a detached policy', async () => {
    const gone = await approvedAccount(api, 'recon-gone');
    const detached = await approvedAccount(api, 'recon-det');
    const [initial] = await api.db
      .select({ accessKeyId: accessKeys.accessKeyId })
      .from(accessKeys)
      .where(eq(accessKeys.accountId, gone.accountId));
    await admin.removeUser(`acct-${gone.accountId}`);
    await admin.detachPolicy({
      user: `acct-${detached.accountId}`,
      policies: [`acct-${detached.accountId}`],
    });
    const staff = await staffSession(api);

    const report = await run(staff, false);
    const lost = [`access_key_missing:${initial.accessKeyId}`, `user_missing:acct-${gone.accountId}`];
    expect(kinds(of(report, gone.accountId))).toEqual(lost);
    expect(of(report, detached.accountId)).toEqual([
      expect.objectContaining({ kind: 'policy_detached', actual: 'attached: none', repaired: false }),
    ]);

    const repair = await run(staff, true);
    expect(kinds(of(repair, gone.accountId))).toEqual(lost);
    expect(of(repair, gone.accountId).map((f) => [f.kind, f.repaired])).toEqual([
      ['user_missing', true],
      ['access_key_missing', false],
    ]);
    expect(of(repair, detached.accountId)).toEqual([expect.objectContaining({ repaired: true })]);
    const user = (await admin.getUserInfo(`acct-${gone.accountId}`))!;
    expect(user).toMatchObject({ status: 'enabled' });
    expect(user.policyName).toContain(`acct-${gone.accountId}`);
    expect((await admin.getUserInfo(`acct-${detached.accountId}`))!.policyName).toContain(
      `acct-${detached.accountId}`,
    );

    const after = await run(staff, true);
    expect(of(after, gone.accountId)).toEqual([
      expect.objectContaining({
        kind: 'access_key_missing',
        resource: initial.accessKeyId,
        actual: 'absent',
        repairable: false,
      }),
    ]);
    expect(of(after, detached.accountId)).toEqual([]);
  });

  it('runs on the worker’s schedule as the system, and skips while another run is in progress', async () => {
    const worker = await startWorker(
      { ...api.config, RECONCILER_SCHEDULE: '*/15 * * * *' },
      { logger: false },
    );
    try {
      const boss = await worker.app.get(JobQueueService).boss({ consumer: true });
      expect(await boss.getSchedules()).toContainEqual(
        expect.objectContaining({ name: RECONCILER_QUEUE, cron: '*/15 * * * *' }),
      );
      const { accountId } = await approvedAccount(api, 'recon-sched');
      await admin.setUserStatus(`acct-${accountId}`, 'disabled');
      const reconciler = worker.app.get(ReconcilerService);
      const scheduled = (await reconciler.runScheduled(true))!;
      expect(scheduled).toMatchObject({ trigger: 'schedule', status: 'succeeded', startedByStaffId: null });
      expect((await admin.getUserInfo(`acct-${accountId}`))!.status).toBe('enabled');
      const [entry] = await api.db
        .select()
        .from(auditEntries)
        .where(and(eq(auditEntries.accountId, accountId), eq(auditEntries.action, 'reconciler.repaired')));
      expect(entry).toMatchObject({ actorType: 'system', actorId: null, resourceId: scheduled.id });

      const [busy] = await api.db
        .insert(reconcilerRuns)
        .values({ trigger: 'manual', status: 'running' })
        .returning();
      try {
        expect(await reconciler.runScheduled(true)).toBeNull();
      } finally {
        await api.db.update(reconcilerRuns).set({ status: 'failed' }).where(eq(reconcilerRuns.id, busy.id));
      }
    } finally {
      await worker.stop();
    }
  });

  it('never runs twice at once: a run in progress makes a manual one answer 409', async () => {
    const staff = await staffSession(api);
    const [busy] = await api.db
      .insert(reconcilerRuns)
      .values({ trigger: 'schedule', status: 'running' })
      .returning();
    try {
      const res = await staff.post('/api/v1/staff/reconciler/runs', { repair: false });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('reconciler_already_running');
      expect(res.body.message).toMatch(/em andamento/);
    } finally {
      await api.db.update(reconcilerRuns).set({ status: 'failed' }).where(eq(reconcilerRuns.id, busy.id));
    }
    expect((await staff.post('/api/v1/staff/reconciler/runs', { repair: false })).status).toBe(201);
  });

  it('validates the body and answers 404 for unknown runs', async () => {
    const staff = await staffSession(api);
    const before = await api.db.select({ id: reconcilerRuns.id }).from(reconcilerRuns);
    for (const body of [{}, { repair: 'yes' }, { repair: null }]) {
      const res = await staff.post('/api/v1/staff/reconciler/runs', body);
      expect(res.status).toBe(400);
      expect(res.body.fields).toMatchObject({ repair: expect.stringMatching(/corrigir/) });
    }
    expect(await api.db.select({ id: reconcilerRuns.id }).from(reconcilerRuns)).toHaveLength(before.length);
    expect(
      (await staff.get('/api/v1/staff/reconciler/runs/00000000-0000-4000-8000-000000000000')).status,
    ).toBe(404);
    expect((await staff.get('/api/v1/staff/reconciler/runs/not-an-id')).status).toBe(404);
    expect((await staff.get('/api/v1/staff/reconciler/runs?limit=0')).status).toBe(400);
  });

  it('is for super admins only: support staff 403, customers 401/403, nothing started', async () => {
    const before = await api.db.select({ id: reconcilerRuns.id }).from(reconcilerRuns);
    const support = await sessionFor(api, { staffId: (await createStaff(api, 'support')).id });
    expect((await support.post('/api/v1/staff/reconciler/runs', { repair: true })).status).toBe(403);
    expect((await support.get('/api/v1/staff/reconciler/runs')).status).toBe(403);
    const { owner } = await approvedAccount(api, 'recon-cust');
    expect([401, 403]).toContain(
      (await owner.post('/api/v1/staff/reconciler/runs', { repair: true })).status,
    );
    expect([401, 403]).toContain((await owner.get('/api/v1/staff/reconciler/runs')).status);
    expect((await api.session().post('/api/v1/staff/reconciler/runs', { repair: true })).status).toBe(401);
    expect(await api.db.select({ id: reconcilerRuns.id }).from(reconcilerRuns)).toHaveLength(before.length);
  });
});
