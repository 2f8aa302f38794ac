import { createServer, type AddressInfo, type Socket } from 'node:net';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListObjectVersionsCommand, S3Client } from '@aws-sdk/client-s3';
import { eq, sql } from 'drizzle-orm';
import { accounts, auditEntries } from '@csp/db';
import { createApp } from '../../src/app';
import { createMember } from '../support/grants';
import { approvedAccount, startTestApi, testConfig, type TestApi } from '../support/harness';
import { HttpSession } from '../support/http';

// The backup page's "Testar conexão S3": real S3 calls against the real MinIO with the keys the
// customer pastes. A second API instance with its logger ON serves the test calls, so the check
// that the secret never reaches the logs looks at real log output.

interface Step {
  step: string;
  status: 'ok' | 'failed' | 'skipped';
  durationMs: number;
  code: string | null;
  s3Code: string | null;
  message: string | null;
}
interface Result {
  ok: boolean;
  endpoint: string;
  bucket: string;
  write: boolean;
  summary: string;
  steps: Step[];
}
interface KeySecret {
  key: { id: string; accessKeyId: string };
  secretAccessKey: string;
}

let api: TestApi;
let loggedApp: Awaited<ReturnType<typeof createApp>>;
let loggedBaseUrl: string;
const logLines: string[] = [];
const originalStdout = process.stdout.write.bind(process.stdout);
const originalStderr = process.stderr.write.bind(process.stderr);

beforeAll(async () => {
  api = await startTestApi();
  // Another app of this process switched Nest's static logger off (logger: false); a logger
  // instance of its own turns it back on for the logged instance.
  Logger.overrideLogger(new ConsoleLogger());
  loggedApp = await createApp(testConfig());
  await loggedApp.listen({ host: '127.0.0.1', port: 0 });
  loggedBaseUrl = `http://127.0.0.1:${(loggedApp.getHttpServer().address() as AddressInfo).port}`;
  const capture =
    (original: typeof originalStdout) =>
    (chunk: unknown, ...rest: unknown[]): boolean => {
      logLines.push(String(chunk));
      return (original as (c: unknown, ...r: unknown[]) => boolean)(chunk, ...rest);
    };
  process.stdout.write = capture(originalStdout) as typeof process.stdout.write;
  process.stderr.write = capture(originalStderr) as typeof process.stderr.write;
});
afterAll(async () => {
  process.stdout.write = originalStdout;
  process.stderr.write = originalStderr;
  await loggedApp?.close();
  await api?.close();
});

/** The same signed-in browser session, talking to the logged API instance. */
function onLoggedApi(session: HttpSession, lang: 'pt-BR' | 'en' = 'pt-BR') {
  const moved = new HttpSession(loggedBaseUrl, lang, session.clientIp);
  moved.setCookie('csp_session', session.cookie('csp_session')!);
  return moved;
}

async function makeBucket(owner: HttpSession, prefix: string) {
  const name = `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
  const res = await owner.post<{ id: string; name: string }>('/api/v1/buckets', { name });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function makeKey(owner: HttpSession, extra: Record<string, unknown> = {}) {
  const res = await owner.post<KeySecret>('/api/v1/access-keys', { name: 'backup-server', ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const stepOf = (result: Result, name: string) => result.steps.find((s) => s.step === name)!;

describe('S3 connection test', () => {
  let owner: HttpSession;
  let accountId: string;
  let bucket: string;
  let key: KeySecret;
  const secretsUsed: string[] = [];

  beforeAll(async () => {
    const acct = await approvedAccount(api, 'conntest');
    owner = onLoggedApi(acct.owner);
    accountId = acct.accountId;
    bucket = (await makeBucket(owner, 'backup')).name;
    key = await makeKey(owner);
    secretsUsed.push(key.secretAccessKey);
  });

  it('lists, reaches the bucket, writes, reads back and deletes a probe with a valid key', async () => {
    const res = await owner.post<Result>('/api/v1/storage/connection-test', {
      accessKeyId: key.key.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      bucket,
      write: true,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ok).toBe(true);
    expect(res.body.steps.map((s) => [s.step, s.status])).toEqual([
      ['list_buckets', 'ok'],
      ['bucket_access', 'ok'],
      ['write', 'ok'],
      ['read', 'ok'],
      ['delete', 'ok'],
    ]);
    expect(res.body.summary).toContain(bucket);
    // The probe is gone: nothing is left in the bucket (looked at with the platform's root client).
    const root = new S3Client({
      endpoint: api.config.MINIO_ENDPOINT,
      region: api.config.S3_REGION,
      forcePathStyle: true,
      credentials: {
        accessKeyId: api.config.MINIO_ROOT_USER,
        secretAccessKey: api.config.MINIO_ROOT_PASSWORD,
      },
    });
    const left = await root.send(new ListObjectVersionsCommand({ Bucket: bucket }));
    root.destroy();
    expect([...(left.Versions ?? []), ...(left.DeleteMarkers ?? [])]).toEqual([]);
  });

  it('explains a wrong secret, in the caller language', async () => {
    const wrong = 'wrong-secret-' + 'x'.repeat(20);
    secretsUsed.push(wrong);
    const res = await owner.post<Result>('/api/v1/storage/connection-test', {
      accessKeyId: key.key.accessKeyId,
      secretAccessKey: wrong,
      bucket,
      write: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    const list = stepOf(res.body, 'list_buckets');
    expect(list).toMatchObject({
      status: 'failed',
      code: 'connection_test_wrong_secret',
      s3Code: 'SignatureDoesNotMatch',
    });
    expect(list.message).toContain('Secret Access Key não confere');
    expect(res.body.summary).toBe(list.message);
    expect(res.body.steps.slice(1).every((s) => s.status === 'skipped')).toBe(true);

    const en = onLoggedApi(owner, 'en');
    const inEnglish = await en.post<Result>('/api/v1/storage/connection-test', {
      accessKeyId: key.key.accessKeyId,
      secretAccessKey: wrong,
      bucket,
    });
    expect(stepOf(inEnglish.body, 'list_buckets').message).toContain('does not match');
  });

  it('answers 404 for a key id that is not one of the account keys, without calling S3', async () => {
    const res = await owner.post<Result>('/api/v1/storage/connection-test', {
      accessKeyId: 'AKNOTOURS1234567890',
      secretAccessKey: 'whatever-secret-1234567890',
      bucket,
    });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'connection_test_key_not_found' });

    // Another account's real key id answers exactly the same (no leak that it exists).
    const other = await approvedAccount(api, 'conntest-other');
    const otherKey = await makeKey(other.owner);
    secretsUsed.push(otherKey.secretAccessKey);
    const foreign = await owner.post<Result>('/api/v1/storage/connection-test', {
      accessKeyId: otherKey.key.accessKeyId,
      secretAccessKey: otherKey.secretAccessKey,
      bucket,
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(res.body);
  });

  it('explains a revoked key', async () => {
    const revoked = await makeKey(owner);
    secretsUsed.push(revoked.secretAccessKey);
    expect((await owner.delete(`/api/v1/access-keys/${revoked.key.id}`)).status).toBe(204);
    const res = await owner.post<Result>('/api/v1/storage/connection-test', {
      accessKeyId: revoked.key.accessKeyId,
      secretAccessKey: revoked.secretAccessKey,
      bucket,
    });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    expect(stepOf(res.body, 'list_buckets')).toMatchObject({
      status: 'failed',
      code: 'connection_test_key_revoked',
      s3Code: 'InvalidAccessKeyId',
    });
  });

  it('explains a bucket the key cannot reach (another account bucket)', async () => {
    const other = await approvedAccount(api, 'conntest-foreign');
    const foreignBucket = (await makeBucket(other.owner, 'alheio')).name;
    const res = await owner.post<Result>('/api/v1/storage/connection-test', {
      accessKeyId: key.key.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      bucket: foreignBucket,
      write: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    expect(stepOf(res.body, 'list_buckets').status).toBe('ok');
    expect(stepOf(res.body, 'bucket_access')).toMatchObject({
      status: 'failed',
      code: 'connection_test_bucket_denied',
      s3Code: 'AccessDenied',
    });
    expect(stepOf(res.body, 'bucket_access').message).toContain(foreignBucket);
    expect(stepOf(res.body, 'write').status).toBe('skipped');
  });

  it('explains a read-only scoped key asked to write', async () => {
    const bucketRow = await owner.get<{ items: Array<{ id: string; name: string }> }>('/api/v1/buckets');
    const bucketId = bucketRow.body.items.find((b) => b.name === bucket)!.id;
    const scoped = await owner.post<KeySecret & { key: { scope?: unknown } }>('/api/v1/access-keys', {
      name: 'read-only',
      scope: [{ bucketId, access: 'read' }],
    });
    expect(scoped.status, JSON.stringify(scoped.body)).toBe(201);
    secretsUsed.push(scoped.body.secretAccessKey);
    const res = await owner.post<Result>('/api/v1/storage/connection-test', {
      accessKeyId: scoped.body.key.accessKeyId,
      secretAccessKey: scoped.body.secretAccessKey,
      bucket,
      write: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.steps.map((s) => [s.step, s.status])).toEqual([
      ['list_buckets', 'ok'],
      ['bucket_access', 'ok'],
      ['write', 'failed'],
      ['read', 'skipped'],
      ['delete', 'skipped'],
    ]);
    expect(stepOf(res.body, 'write').code).toBe('connection_test_write_denied');
  });

  it('explains that writes are blocked while the account is over quota; reading still works', async () => {
    // A zero quota keeps the block in place if the in-process quota check runs meanwhile.
    const [{ quotaBytes }] = await api.db
      .select({ quotaBytes: accounts.quotaBytes })
      .from(accounts)
      .where(eq(accounts.id, accountId));
    await api.db
      .update(accounts)
      .set({ writesBlockedAt: new Date(), quotaBytes: 0n })
      .where(eq(accounts.id, accountId));
    try {
      const res = await owner.post<Result>('/api/v1/storage/connection-test', {
        accessKeyId: key.key.accessKeyId,
        secretAccessKey: key.secretAccessKey,
        bucket,
        write: true,
      });
      expect(res.status).toBe(200);
      expect(res.body.ok).toBe(false);
      expect(stepOf(res.body, 'bucket_access').status).toBe('ok');
      expect(stepOf(res.body, 'write')).toMatchObject({
        status: 'failed',
        code: 'connection_test_writes_blocked',
      });
      expect(res.body.summary).toContain('quota');
    } finally {
      await api.db
        .update(accounts)
        .set({ writesBlockedAt: null, quotaBytes })
        .where(eq(accounts.id, accountId));
    }
  });

  it('removes the probe version too in a versioned bucket', async () => {
    const name = `versioned-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
    const created = await owner.post('/api/v1/buckets', { name, versioning: true });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const res = await owner.post<Result>('/api/v1/storage/connection-test', {
      accessKeyId: key.key.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      bucket: name,
      write: true,
    });
    expect(res.body.ok, JSON.stringify(res.body)).toBe(true);
    const root = new S3Client({
      endpoint: api.config.MINIO_ENDPOINT,
      region: api.config.S3_REGION,
      forcePathStyle: true,
      credentials: {
        accessKeyId: api.config.MINIO_ROOT_USER,
        secretAccessKey: api.config.MINIO_ROOT_PASSWORD,
      },
    });
    const left = await root.send(new ListObjectVersionsCommand({ Bucket: name }));
    root.destroy();
    expect([...(left.Versions ?? []), ...(left.DeleteMarkers ?? [])]).toEqual([]);
  });

  it('explains an S3 endpoint that does not answer (timeout), without hanging', async () => {
    // A server that accepts connections and never answers: the call must give up on its own.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const stuckApp = await createApp(testConfig({ MINIO_ENDPOINT: silentUrl }), { logger: false });
    await stuckApp.listen({ host: '127.0.0.1', port: 0 });
    try {
      const stuck = new HttpSession(
        `http://127.0.0.1:${(stuckApp.getHttpServer().address() as AddressInfo).port}`,
        'pt-BR',
        owner.clientIp,
      );
      stuck.setCookie('csp_session', owner.cookie('csp_session')!);
      const res = await stuck.post<Result>('/api/v1/storage/connection-test', {
        accessKeyId: key.key.accessKeyId,
        secretAccessKey: key.secretAccessKey,
        bucket,
        write: true,
      });
      expect(res.status).toBe(200);
      expect(res.body.ok).toBe(false);
      expect(stepOf(res.body, 'list_buckets')).toMatchObject({
        status: 'failed',
        code: 'connection_test_unreachable',
        s3Code: null,
      });
      expect(res.body.steps.slice(1).every((s) => s.status === 'skipped')).toBe(true);
    } finally {
      await stuckApp.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  }, 30_000);

  it('validates input with 400 and per-field messages', async () => {
    const bad = await owner.post('/api/v1/storage/connection-test', {
      accessKeyId: 'a b',
      secretAccessKey: '',
      bucket: 'No_Such_Name',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      code: 'validation_failed',
      fields: {
        accessKeyId: 'Informe o Access Key ID (3 a 128 caracteres, sem espaços).',
        secretAccessKey: 'Cole a Secret Access Key (1 a 256 caracteres).',
        bucket: 'Escolha um bucket (nome de 3 a 63 caracteres).',
      },
    });
    expect((await owner.post('/api/v1/storage/connection-test', {})).status).toBe(400);
  });

  it('refuses developers (403) but shows them the backup setup data', async () => {
    const dev = await createMember(api, accountId, 'developer');
    const devSession = onLoggedApi(dev.session);
    const res = await devSession.post('/api/v1/storage/connection-test', {
      accessKeyId: key.key.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      bucket,
    });
    expect(res.status).toBe(403);
    const setup = await devSession.get<{
      s3Endpoint: string;
      region: string;
      buckets: Array<{ name: string }>;
      accessKeys: Array<{ accessKeyId: string }>;
    }>('/api/v1/storage/backup-setup');
    expect(setup.status).toBe(200);
    expect(setup.body.region).toBe('us-east-1');
    expect(setup.body.buckets.map((b) => b.name)).toContain(bucket);
    expect(setup.body.accessKeys.map((k) => k.accessKeyId)).toContain(key.key.accessKeyId);
    // Setup data never carries a secret.
    expect(JSON.stringify(setup.body)).not.toContain(key.secretAccessKey);
  });

  it('audits every test without the secret, and no secret reaches the logs', async () => {
    const rows = await api.db
      .select()
      .from(auditEntries)
      .where(
        sql`${auditEntries.accountId} = ${accountId} and ${auditEntries.action} = 'storage.connection_tested'`,
      );
    expect(rows.length).toBeGreaterThanOrEqual(6);
    // The successful test of this key on this bucket (others ran against other buckets).
    const ok = rows.find((r) => {
      const details = r.details as { ok?: boolean; bucket?: string };
      return details.ok === true && details.bucket === bucket;
    })!;
    expect(ok.details).toMatchObject({ accessKeyId: key.key.accessKeyId, bucket, write: true, ok: true });
    const failed = rows.find(
      (r) => (r.details as { reason?: string }).reason === 'connection_test_wrong_secret',
    );
    expect(failed?.details).toMatchObject({ ok: false, failedStep: 'list_buckets' });

    const allAudit = JSON.stringify(await api.db.select().from(auditEntries));
    const logs = logLines.join('');
    expect(logs).toContain('Nest');
    for (const secret of secretsUsed) {
      expect(allAudit).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
  });
});
