import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { MinioAdminClient, NO_BUCKET_PLACEHOLDER, type IamPolicyDocument } from '@csp/minio-admin';
import { TransactionRunner } from '../../src/database/transaction-runner';
import { DEAD_LETTER_QUEUE, type EventEnvelope } from '../../src/events/domain-events';
import { EventPublisher } from '../../src/events/event-publisher';
import { KeyPoliciesOnBucketDeleted } from '../../src/modules/storage/access-keys/key-policies.consumer';
import { startWorker } from '../../src/worker';
import { rootAdmin, approvedAccount, staffSession, startTestApi, type TestApi } from '../support/harness';
import type { HttpSession } from '../support/http';

/**
 * Domain events (events/domain-events.ts) on the real PostgreSQL and pg-boss: published in the
 * change's transaction, delivered at least once to idempotent consumers. The test API's worker
 * delivers no events here, so the test decides when consumers run (and kills one mid-delivery). A delivery
 * times out after 3 s and the supervisor looks every second, so a dead worker's job comes back soon.
 */
const DELETED_QUEUE = 'storage.key-policies.bucket-deleted';
const CREATED_QUEUE = 'storage.key-policies.bucket-created';

let api: TestApi;
let admin: MinioAdminClient;
let worker: Awaited<ReturnType<typeof startWorker>> | undefined;

beforeAll(async () => {
  api = await startTestApi(
    { EVENT_DELIVERY_TIMEOUT_SECONDS: '3', JOB_MAINTENANCE_INTERVAL_SECONDS: '1' },
    { events: false },
  );
  admin = rootAdmin(api);
});
afterAll(async () => {
  await worker?.stop();
  await api?.close();
});

/** The jobs of `queue` whose event payload names `bucketId`. */
async function jobs(queue: string, bucketId: string) {
  const result = await api.db.execute<{ state: string; retry_count: number }>(
    sql`select state, retry_count from pgboss.job where name = ${queue} and data->'payload'->>'bucketId' = ${bucketId}`,
  );
  return result.rows;
}

/** The bucket names a key's own (inline) policy names. */
async function namedBuckets(accessKeyId: string): Promise<string[]> {
  const info = await admin.infoServiceAccount(accessKeyId);
  const resources = (info?.policy?.Statement ?? []).flatMap((s) => [s.Resource ?? []].flat());
  const names = resources.map(
    (r) =>
      String(r)
        .replace(/^arn:aws:s3:::/, '')
        .split('/')[0],
  );
  // A key whose scope has no live bucket left names a placeholder no bucket can have.
  return [...new Set(names.filter((n) => n !== NO_BUCKET_PLACEHOLDER))].sort();
}

function normalized(policy: IamPolicyDocument | undefined) {
  return (policy?.Statement ?? []).map((statement) =>
    Object.fromEntries(
      Object.entries(statement).map(([k, v]) => [k, Array.isArray(v) ? [...v].map(String).sort() : v]),
    ),
  );
}

async function bucketAndScopedKey(owner: HttpSession, label: string) {
  const name = `ev-${label}-${Date.now().toString(36)}`;
  const made = await owner.post<{ id: string; name: string }>('/api/v1/buckets', { name });
  expect(made.status).toBe(201);
  const key = await owner.post<{ key: { id: string; accessKeyId: string } }>('/api/v1/access-keys', {
    name: `so ${label}`,
    scope: [{ bucketId: made.body.id, access: 'full' }],
  });
  expect(key.status).toBe(201);
  return { bucket: made.body, accessKeyId: key.body.key.accessKeyId };
}

describe('domain events', () => {
  it('a rolled-back transaction publishes nothing; a committed one publishes once to each consumer', async () => {
    const runner = api.app!.get(TransactionRunner);
    const publisher = api.app!.get(EventPublisher);
    const rolledBack = randomUUID();
    await expect(
      runner.run(async (uow) => {
        await publisher.publish(uow, 'bucket.deleted', {
          accountId: randomUUID(),
          bucketId: rolledBack,
          name: 'x',
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await jobs(DELETED_QUEUE, rolledBack)).toEqual([]);

    const committed = randomUUID();
    await runner.run((uow) =>
      publisher.publish(uow, 'bucket.deleted', { accountId: randomUUID(), bucketId: committed, name: 'y' }),
    );
    expect(await jobs(DELETED_QUEUE, committed)).toHaveLength(1);
    expect(await jobs(CREATED_QUEUE, committed)).toEqual([]);
  });

  it('deleting a bucket and taking its name again rewrite no key policy inline: the consumers do, once a worker runs', async () => {
    const a = await approvedAccount(api, 'evformer');
    const b = await approvedAccount(api, 'evnew');
    const { bucket, accessKeyId } = await bucketAndScopedKey(a.owner, 'reuse');
    expect(await namedBuckets(accessKeyId)).toEqual([bucket.name]);

    expect((await a.owner.delete(`/api/v1/buckets/${bucket.id}`)).status).toBe(204);
    const taken = await b.owner.post<{ id: string }>('/api/v1/buckets', { name: bucket.name });
    expect(taken.status).toBe(201);
    // No worker yet: the events wait, and the former owner's key still names the bucket (its
    // parent's policy does not, so it reaches nothing: access-keys.test.ts proves that).
    expect(await jobs(DELETED_QUEUE, bucket.id)).toEqual([expect.objectContaining({ state: 'created' })]);
    expect(await jobs(CREATED_QUEUE, taken.body.id)).toEqual([expect.objectContaining({ state: 'created' })]);
    expect(await namedBuckets(accessKeyId)).toEqual([bucket.name]);

    worker = await startWorker(api.config, { logger: false });
    await expect.poll(() => namedBuckets(accessKeyId), { timeout: 60_000, interval: 250 }).toEqual([]);
    await expect
      .poll(
        async () =>
          [...(await jobs(DELETED_QUEUE, bucket.id)), ...(await jobs(CREATED_QUEUE, taken.body.id))].map(
            (j) => j.state,
          ),
        { timeout: 60_000 },
      )
      .toEqual(['completed', 'completed']);
  });

  it('a consumer run twice changes nothing', async () => {
    const a = await approvedAccount(api, 'evtwice');
    const keep = await bucketAndScopedKey(a.owner, 'keep');
    const gone = await bucketAndScopedKey(a.owner, 'gone');
    const consumer = api.app!.get(KeyPoliciesOnBucketDeleted);
    const envelope: EventEnvelope<'bucket.deleted'> = {
      id: randomUUID(),
      event: 'bucket.deleted',
      payload: { accountId: a.accountId, bucketId: gone.bucket.id, name: gone.bucket.name },
      occurredAt: new Date().toISOString(),
      queue: DELETED_QUEUE,
    };
    await consumer.handle(envelope);
    const once = [
      await admin.infoServiceAccount(keep.accessKeyId),
      await admin.infoServiceAccount(gone.accessKeyId),
    ];
    await consumer.handle(envelope);
    const twice = [
      await admin.infoServiceAccount(keep.accessKeyId),
      await admin.infoServiceAccount(gone.accessKeyId),
    ];
    // MinIO hands actions back as a set, in any order.
    expect(twice.map((i) => normalized(i?.policy))).toEqual(once.map((i) => normalized(i?.policy)));
    expect(await namedBuckets(keep.accessKeyId)).toEqual([keep.bucket.name]);
    expect(await namedBuckets(gone.accessKeyId)).toEqual([gone.bucket.name]);
  });

  it('a worker killed mid-delivery: the event is delivered after the restart', async () => {
    await worker?.stop();
    worker = undefined;
    const a = await approvedAccount(api, 'evkilled');
    const { bucket, accessKeyId } = await bucketAndScopedKey(a.owner, 'killed');
    expect((await a.owner.delete(`/api/v1/buckets/${bucket.id}`)).status).toBe(204);

    // A worker takes the job and dies before finishing it (no completion, no graceful stop).
    const dying = new PgBoss({
      connectionString: api.config.DATABASE_URL,
      supervise: false,
      schedule: false,
    });
    await dying.start();
    const [job] = await dying.fetch<EventEnvelope<'bucket.deleted'>>(DELETED_QUEUE);
    expect(job?.data.payload.bucketId).toBe(bucket.id);
    await dying.stop({ graceful: false, close: true });
    expect(await jobs(DELETED_QUEUE, bucket.id)).toEqual([expect.objectContaining({ state: 'active' })]);
    expect(await namedBuckets(accessKeyId)).toEqual([bucket.name]);

    worker = await startWorker(api.config, { logger: false });
    await expect.poll(() => namedBuckets(accessKeyId), { timeout: 60_000, interval: 500 }).toEqual([]);
    const [done] = await jobs(DELETED_QUEUE, bucket.id);
    expect(done.retry_count).toBeGreaterThanOrEqual(1);
  });

  it('the reconciler reports deliveries that ran out of retries, by consumer', async () => {
    // What pg-boss does with a job whose retries are spent on a queue with a dead-letter queue.
    const boss = new PgBoss({ connectionString: api.config.DATABASE_URL, supervise: false, schedule: false });
    await boss.start();
    await api.app!.get(EventPublisher).ensureQueues(boss);
    const dead: EventEnvelope<'bucket.deleted'> = {
      id: randomUUID(),
      event: 'bucket.deleted',
      payload: { accountId: randomUUID(), bucketId: randomUUID(), name: 'gone' },
      occurredAt: new Date().toISOString(),
      queue: DELETED_QUEUE,
    };
    const jobId = await boss.send(DEAD_LETTER_QUEUE, dead);
    try {
      const staff = await staffSession(api);
      const run = await staff.post<{
        findings: Array<{ kind: string; resource: string; actual: string; repairable: boolean }>;
      }>('/api/v1/staff/reconciler/runs', { repair: true });
      expect(run.status).toBe(201);
      const found = run.body.findings.filter((f) => f.kind === 'event_dead_letter');
      expect(found).toEqual([
        expect.objectContaining({
          resource: DELETED_QUEUE,
          repairable: false,
          actual: expect.stringMatching(/^1 event\(s\) failed/),
        }),
      ]);
    } finally {
      // Later test files' reconciler runs must not see it.
      await boss.deleteJob(DEAD_LETTER_QUEUE, jobId!);
      await boss.stop({ close: true });
    }
  });
});
