import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { and, eq } from 'drizzle-orm';
import { accounts, auditEntries } from '@csp/db';
import { readMail } from '@csp/local-services';
import { MinioAdminClient } from '@csp/minio-admin';
import { ConfigModule } from '../../src/config/config.module';
import { DatabaseModule } from '../../src/database/database.module';
import { StorageCoreModule } from '../../src/modules/storage/storage-core.module';
import { SharedModule } from '../../src/modules/modules';
import { QuotaEnforcementService } from '../../src/modules/storage/quota/quota-enforcement.service';
import { approvedAccount, staffSession, startTestApi, type TestApi } from '../support/harness';
import type { HttpSession } from '../support/http';
import { inviteMember } from '../support/team';

let api: TestApi;
let context: INestApplicationContext;
let enforcement: QuotaEnforcementService;
let admin: MinioAdminClient;

@Module({})
class QuotaTestModule {}

beforeAll(async () => {
  api = await startTestApi();
  // The enforcement service on its own (the worker's loop runs too, every 30 s; tick() is
  // idempotent, so the test calls it directly instead of waiting for the loop).
  context = await NestFactory.createApplicationContext(
    {
      module: QuotaTestModule,
      imports: [ConfigModule.forRoot(api.config), DatabaseModule, SharedModule, StorageCoreModule],
    },
    { logger: false },
  );
  enforcement = context.get(QuotaEnforcementService);
  admin = new MinioAdminClient({
    endpoint: api.config.MINIO_ENDPOINT,
    accessKey: api.config.MINIO_ROOT_USER,
    secretKey: api.config.MINIO_ROOT_PASSWORD,
    region: 'us-east-1',
  });
});
afterAll(async () => {
  await context?.close();
  await api?.close();
});

type QuotaRequest = {
  id: string;
  status: string;
  currentBytes: number;
  requestedBytes: number;
  reason: string;
  decisionReason: string | null;
};
type Overview = {
  quotaBytes: number;
  writesBlocked: boolean;
  pending: QuotaRequest | null;
  items: QuotaRequest[];
};
type Dashboard = { usedBytes: number; quotaBytes: number; writesBlocked: boolean; measuredAt: string | null };

const uniq = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;

async function createBucket(owner: HttpSession, prefix: string) {
  const res = await owner.post<{ id: string; name: string }>('/api/v1/buckets', {
    name: `${prefix}-${uniq()}`,
  });
  expect(res.status).toBe(201);
  return res.body.name;
}

async function createKey(owner: HttpSession, name: string) {
  const res = await owner.post<{ key: { accessKeyId: string }; secretAccessKey: string }>(
    '/api/v1/access-keys',
    { name },
  );
  expect(res.status).toBe(201);
  return new S3Client({
    endpoint: api.config.MINIO_ENDPOINT,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: res.body.key.accessKeyId, secretAccessKey: res.body.secretAccessKey },
    maxAttempts: 1,
  });
}

async function errorName(promise: Promise<unknown>) {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return (error as { name: string }).name;
  }
}

const put = (s3: S3Client, bucket: string, key: string, bytes = 16) =>
  s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: Buffer.alloc(bytes, 7) }));

/** Waits until MinIO's scanner reports the bucket's size as `expected` (the scanner lags writes). */
async function scannerSees(bucket: string, expected: (size: number) => boolean) {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const info = await admin.dataUsageInfo();
    const size = Number(info.bucketsUsageInfo?.[bucket]?.size ?? 0);
    if (expected(size)) return size;
    if (Date.now() > deadline) throw new Error(`scanner still reports ${size} bytes for ${bucket}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function setQuotaInDb(accountId: string, bytes: number) {
  await api.db
    .update(accounts)
    .set({ quotaBytes: BigInt(bytes) })
    .where(eq(accounts.id, accountId));
}

async function dashboard(owner: HttpSession) {
  const res = await owner.get<Dashboard>('/api/v1/dashboard');
  expect(res.status).toBe(200);
  return res.body;
}

async function audit(accountId: string, action: string) {
  return api.db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.accountId, accountId), eq(auditEntries.action, action)));
}

/** An account with two buckets, two keys, 8 KiB stored, and a 4 KiB quota: over it once measured. */
async function overQuotaAccount(label: string) {
  const acct = await approvedAccount(api, label);
  const bucketA = await createBucket(acct.owner, 'qa');
  const bucketB = await createBucket(acct.owner, 'qb');
  const key1 = await createKey(acct.owner, 'backup');
  const key2 = await createKey(acct.owner, 'app');
  await put(key1, bucketA, 'big.bin', 8192);
  await setQuotaInDb(acct.accountId, 4096);
  await scannerSees(bucketA, (size) => size >= 8192);
  const since = new Date(Date.now() - 1000);
  await enforcement.tick();
  return { ...acct, bucketA, bucketB, key1, key2, since };
}

describe('account-wide quota enforcement (real MinIO)', () => {
  it('over quota: no key can upload to any bucket, reads and lists work; approving a larger quota reopens writes at once', async () => {
    const acct = await overQuotaAccount('quota');
    const { owner, accountId, bucketA, bucketB, key1, key2 } = acct;

    const blocked = await dashboard(owner);
    expect(blocked.writesBlocked).toBe(true);
    expect(blocked.measuredAt).not.toBeNull();
    const [row] = await api.db.select().from(accounts).where(eq(accounts.id, accountId));
    expect(Number(row.usageBytes)).toBeGreaterThanOrEqual(8192);

    for (const s3 of [key1, key2]) {
      for (const bucket of [bucketA, bucketB]) {
        expect(await errorName(put(s3, bucket, `new-${uniq()}.txt`))).toBe('AccessDenied');
      }
      expect(
        await errorName(s3.send(new CreateMultipartUploadCommand({ Bucket: bucketB, Key: 'multi.bin' }))),
      ).toBe('AccessDenied');
      const got = await s3.send(new GetObjectCommand({ Bucket: bucketA, Key: 'big.bin' }));
      expect((await got.Body!.transformToByteArray()).length).toBe(8192);
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucketA }));
      expect(listed.Contents?.map((o) => o.Key)).toEqual(['big.bin']);
    }

    const blockedAudit = await audit(accountId, 'account.writes_blocked');
    expect(blockedAudit).toHaveLength(1);
    expect(blockedAudit[0].actorType).toBe('system');
    const mail = await readMail(api.mailUrl, {
      to: acct.input.email,
      since: new Date(Date.now() - 120_000),
      subjectIncludes: 'Quota de armazenamento atingida',
    });
    expect(mail.text).toContain('/painel/quota');

    // Another pass changes nothing: no second audit entry, no second e-mail.
    await enforcement.tick();
    expect(await audit(accountId, 'account.writes_blocked')).toHaveLength(1);

    // The owner asks for 2 GB; staff approves; writes work on the very next request.
    const asked = await owner.post<QuotaRequest>('/api/v1/quota/requests', {
      requestedGb: 2,
      reason: 'Backups noturnos cresceram',
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'pending', currentBytes: 4096, requestedBytes: 2e9 });
    const staff = await staffSession(api);
    const pending = await staff.get<{ items: Array<{ id: string; accountId: string }> }>(
      '/api/v1/staff/quota/requests?status=pending',
    );
    expect(pending.body.items.some((i) => i.id === asked.body.id && i.accountId === accountId)).toBe(true);
    const approved = await staff.post<
      QuotaRequest & { accountWritesBlocked: boolean; accountQuotaBytes: number }
    >(`/api/v1/staff/quota/requests/${asked.body.id}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      accountQuotaBytes: 2e9,
      accountWritesBlocked: false,
    });

    for (const s3 of [key1, key2])
      for (const bucket of [bucketA, bucketB]) await put(s3, bucket, `after-${uniq()}.txt`);
    expect(await dashboard(owner)).toMatchObject({ quotaBytes: 2e9, writesBlocked: false });
    for (const bucket of [bucketA, bucketB])
      expect(await admin.getBucketQuota(bucket)).toMatchObject({ size: 2e9 });

    const unblockedAudit = await audit(accountId, 'account.writes_unblocked');
    expect(unblockedAudit).toHaveLength(1);
    expect(unblockedAudit[0].actorType).toBe('system');
    const approvedAudit = await audit(accountId, 'quota_request.approved');
    expect(approvedAudit[0]).toMatchObject({ actorType: 'staff' });
    await readMail(api.mailUrl, { to: acct.input.email, since: acct.since, subjectIncludes: 'aprovada' });
    const history = await owner.get<Overview>('/api/v1/quota');
    expect(history.body).toMatchObject({ quotaBytes: 2e9, writesBlocked: false, pending: null });
    expect(history.body.items[0]).toMatchObject({ id: asked.body.id, status: 'approved' });
  });

  it('deleting below the quota (deletes stay allowed while blocked) lifts the block at the next check', async () => {
    const { owner, accountId, bucketA, key2 } = await overQuotaAccount('quota-del');
    expect((await dashboard(owner)).writesBlocked).toBe(true);

    await key2.send(new DeleteObjectCommand({ Bucket: bucketA, Key: 'big.bin' }));
    await scannerSees(bucketA, (size) => size === 0);
    await enforcement.tick();

    expect((await dashboard(owner)).writesBlocked).toBe(false);
    await put(key2, bucketA, 'small.txt', 10);
    expect(await audit(accountId, 'account.writes_unblocked')).toHaveLength(1);
  });

  it('staff sets an account quota directly: bucket hard quotas follow and the block is re-evaluated at once', async () => {
    const { owner, accountId, bucketA, bucketB, key1 } = await overQuotaAccount('quota-set');
    const staff = await staffSession(api);

    const invalid = await staff.post<{ code: string; fields: Record<string, string> }>(
      `/api/v1/staff/quota/accounts/${accountId}`,
      { quotaGb: 0, reason: 'x' },
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.fields.quotaGb).toContain('número inteiro');
    expect(invalid.body.fields.reason).toContain('motivo');
    const unknown = await staff.post(`/api/v1/staff/quota/accounts/00000000-0000-4000-8000-000000000000`, {
      quotaGb: 5,
      reason: 'Escalonamento urgente',
    });
    expect(unknown.status).toBe(404);

    const set = await staff.post<{ quotaBytes: number; writesBlocked: boolean }>(
      `/api/v1/staff/quota/accounts/${accountId}`,
      { quotaGb: 5, reason: 'Escalonamento urgente' },
    );
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ quotaBytes: 5e9, writesBlocked: false });
    await put(key1, bucketB, 'works.txt');
    for (const bucket of [bucketA, bucketB])
      expect(await admin.getBucketQuota(bucket)).toMatchObject({ size: 5e9 });
    expect(await audit(accountId, 'account.quota_changed')).toHaveLength(1);
    expect((await dashboard(owner)).quotaBytes).toBe(5e9);
  });
});

describe('quota change requests', () => {
  it('validates input in pt-BR and English and changes nothing', async () => {
    const { owner, accountId } = await approvedAccount(api, 'quota-val');
    for (const body of [
      { requestedGb: 0, reason: 'Preciso de mais' },
      { requestedGb: 1.5, reason: 'Preciso de mais' },
      { requestedGb: '20', reason: 'Preciso de mais' },
      { requestedGb: 1_000_001, reason: 'Preciso de mais' },
      { reason: 'Preciso de mais' },
    ]) {
      const res = await owner.post<{ fields: Record<string, string> }>('/api/v1/quota/requests', body);
      expect(res.status).toBe(400);
      expect(res.body.fields.requestedGb).toBe(
        'Informe a nova quota em GB: um número inteiro de 1 a 1.000.000.',
      );
    }
    const shortReason = await owner.post<{ fields: Record<string, string> }>('/api/v1/quota/requests', {
      requestedGb: 20,
      reason: 'ab',
    });
    expect(shortReason.body.fields.reason).toBe('Informe o motivo (3 a 500 caracteres).');
    const same = await owner.post<{ message: string }>('/api/v1/quota/requests', {
      requestedGb: 10,
      reason: 'Mesmo valor',
    });
    expect(same.status).toBe(400);
    expect(same.body.message).toBe('A quota pedida é igual à atual (10 GB).');

    const en = api.session('en');
    const { input } = await approvedAccount(api, 'quota-val-en');
    await en.post('/api/v1/auth/login', { email: input.email, password: input.password });
    const enRes = await en.post<{ fields: Record<string, string> }>('/api/v1/quota/requests', {
      requestedGb: -1,
      reason: '',
    });
    expect(enRes.status).toBe(400);
    expect(enRes.body.fields).toEqual({
      requestedGb: 'Enter the new quota in GB: a whole number from 1 to 1,000,000.',
      reason: 'Give a reason (3 to 500 characters).',
    });

    const overview = await owner.get<Overview>('/api/v1/quota');
    expect(overview.body.items).toEqual([]);
    expect(await audit(accountId, 'quota_request.created')).toHaveLength(0);
  });

  it('one pending request at a time; cancel; rejection with a reason reaches the owner', async () => {
    const { owner, accountId, input } = await approvedAccount(api, 'quota-flow');
    const since = new Date(Date.now() - 1000);
    const first = await owner.post<QuotaRequest>('/api/v1/quota/requests', {
      requestedGb: 50,
      reason: 'Crescimento',
    });
    expect(first.status).toBe(201);
    const second = await owner.post<{ code: string; message: string }>('/api/v1/quota/requests', {
      requestedGb: 60,
      reason: 'Outro valor',
    });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('quota_request_pending');
    expect(second.body.message).toContain('Já existe uma solicitação');

    const canceled = await owner.post<QuotaRequest>(`/api/v1/quota/requests/${first.body.id}/cancel`);
    expect(canceled.status).toBe(200);
    expect(canceled.body.status).toBe('canceled');
    const again = await owner.post<{ code: string }>(`/api/v1/quota/requests/${first.body.id}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('quota_request_not_pending');

    const third = await owner.post<QuotaRequest>('/api/v1/quota/requests', {
      requestedGb: 60,
      reason: 'Outro valor',
    });
    expect(third.status).toBe(201);
    const staff = await staffSession(api);
    const noReason = await staff.post<{ fields: Record<string, string> }>(
      `/api/v1/staff/quota/requests/${third.body.id}/reject`,
      {},
    );
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields.reason).toBe('Informe o motivo (3 a 500 caracteres).');
    const rejected = await staff.post<QuotaRequest>(`/api/v1/staff/quota/requests/${third.body.id}/reject`, {
      reason: 'Plano atual não permite; fale com o comercial',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      decisionReason: 'Plano atual não permite; fale com o comercial',
    });
    const approveRejected = await staff.post<{ code: string }>(
      `/api/v1/staff/quota/requests/${third.body.id}/approve`,
      {},
    );
    expect(approveRejected.status).toBe(409);

    const overview = await owner.get<Overview>('/api/v1/quota');
    expect(overview.body.quotaBytes).toBe(10e9);
    expect(overview.body.items.map((i) => i.status)).toEqual(['rejected', 'canceled']);
    const mail = await readMail(api.mailUrl, { to: input.email, since, subjectIncludes: 'não aprovada' });
    expect(mail.text).toContain('fale com o comercial');
    const actions = (
      await api.db.select().from(auditEntries).where(eq(auditEntries.accountId, accountId))
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['quota_request.created', 'quota_request.canceled', 'quota_request.rejected']),
    );
  });

  it("only the owner may request; another account's request id is 404", async () => {
    const { owner } = await approvedAccount(api, 'quota-roles');
    for (const role of ['admin', 'developer'] as const) {
      const member = await inviteMember(api, owner, role);
      const res = await member.session.post('/api/v1/quota/requests', { requestedGb: 20, reason: 'Preciso' });
      expect(res.status).toBe(403);
      expect((await member.session.get('/api/v1/quota')).status).toBe(403);
    }
    const mine = await owner.post<QuotaRequest>('/api/v1/quota/requests', {
      requestedGb: 20,
      reason: 'Preciso',
    });
    const other = await approvedAccount(api, 'quota-other');
    const foreign = await other.owner.post(`/api/v1/quota/requests/${mine.body.id}/cancel`);
    expect(foreign.status).toBe(404);
    const still = await owner.get<Overview>('/api/v1/quota');
    expect(still.body.pending?.id).toBe(mine.body.id);
    // A customer session is no staff session at all.
    expect((await owner.get('/api/v1/staff/quota/requests')).status).toBe(401);
  });
});
