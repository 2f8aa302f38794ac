import { Injectable } from '@nestjs/common';
import { and, asc, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import {
  accessKeys,
  accounts,
  buckets,
  reconcilerRuns,
  staffMembers,
  storageUsers,
  type Database,
} from '@csp/db';
import { InjectDb } from '../../database/database.module';
import type { Finding } from './reconciler-checks';

/** Account statuses whose storage the reconciler checks (pending and rejected ones have none). */
export const CHECKED_STATUSES = ['active', 'read_only', 'suspended', 'canceled'] as const;

/** A run still 'running' after this long died with its process; the next claim marks it failed. */
const STALE_RUN_MINUTES = 30;
/** Serializes claims across API and worker processes (pg_advisory_xact_lock key). */
const CLAIM_LOCK_KEY = 0x5ec0_411e;

export type RunRow = typeof reconcilerRuns.$inferSelect;

/** SQL of the reconciler: its runs, and read-only views of the storage tables across accounts. */
@Injectable()
export class ReconcilerRepository {
  constructor(@InjectDb() private readonly db: Database) {}

  /**
   * Starts a run unless another one is running (manual and scheduled runs never overlap). The
   * check and the insert happen under a transaction-scoped advisory lock, so two claims at the
   * same instant cannot both see "nothing running". Returns null when a live run exists.
   */
  async claimRun(
    trigger: 'manual' | 'schedule',
    staffId: string | null,
    repair: boolean,
  ): Promise<RunRow | null> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${CLAIM_LOCK_KEY})`);
      await tx
        .update(reconcilerRuns)
        .set({ status: 'failed', finishedAt: new Date(), error: 'interrupted (process stopped)' })
        .where(
          and(
            eq(reconcilerRuns.status, 'running'),
            sql`${reconcilerRuns.startedAt} < now() - make_interval(mins => ${STALE_RUN_MINUTES})`,
          ),
        );
      const [running] = await tx
        .select({ id: reconcilerRuns.id })
        .from(reconcilerRuns)
        .where(eq(reconcilerRuns.status, 'running'))
        .limit(1);
      if (running) return null;
      const [row] = await tx
        .insert(reconcilerRuns)
        .values({ trigger, startedByStaffId: staffId, repair, status: 'running' })
        .returning();
      return row;
    });
  }

  async finishRun(
    id: string,
    result: { status: 'succeeded' | 'failed'; checkedAccounts: number; findings: Finding[]; error?: string },
  ): Promise<RunRow> {
    const [row] = await this.db
      .update(reconcilerRuns)
      .set({
        status: result.status,
        finishedAt: new Date(),
        checkedAccounts: result.checkedAccounts,
        findings: result.findings,
        error: result.error ?? null,
      })
      .where(eq(reconcilerRuns.id, id))
      .returning();
    return row;
  }

  /** Newest first; keyset pagination on (started_at, id) with the last id as cursor. */
  async listRuns(filter: { cursor?: string; limit: number }) {
    const conditions: Array<SQL | undefined> = [
      filter.cursor
        ? sql`(${reconcilerRuns.startedAt}, ${reconcilerRuns.id}) < (select c.started_at, c.id from ${reconcilerRuns} c where c.id = ${filter.cursor})`
        : undefined,
    ];
    return this.db
      .select({ run: reconcilerRuns, staff: { fullName: staffMembers.fullName } })
      .from(reconcilerRuns)
      .leftJoin(staffMembers, eq(staffMembers.id, reconcilerRuns.startedByStaffId))
      .where(and(...conditions))
      .orderBy(desc(reconcilerRuns.startedAt), desc(reconcilerRuns.id))
      .limit(filter.limit);
  }

  async findRun(id: string) {
    const [row] = await this.db
      .select({ run: reconcilerRuns, staff: { fullName: staffMembers.fullName } })
      .from(reconcilerRuns)
      .leftJoin(staffMembers, eq(staffMembers.id, reconcilerRuns.startedByStaffId))
      .where(eq(reconcilerRuns.id, id));
    return row ?? null;
  }

  async accountNames(ids: string[]) {
    if (ids.length === 0) return [];
    return this.db
      .select({ id: accounts.id, name: accounts.name, status: accounts.status })
      .from(accounts)
      .where(inArray(accounts.id, ids));
  }

  // Storage state, across accounts (staff-only use).

  /** Accounts with a finished provisioning, in a stable order. */
  async accountsToCheck() {
    return this.db
      .select({
        id: accounts.id,
        status: accounts.status,
        quotaBytes: accounts.quotaBytes,
        writesBlockedAt: accounts.writesBlockedAt,
        minioUser: storageUsers.minioUser,
        policyName: storageUsers.policyName,
      })
      .from(storageUsers)
      .innerJoin(accounts, eq(accounts.id, storageUsers.accountId))
      .where(and(isNotNull(storageUsers.provisionedAt), inArray(accounts.status, [...CHECKED_STATUSES])))
      .orderBy(asc(accounts.createdAt), asc(accounts.id));
  }

  /** Every bucket row ever (live and deleted), for orphan detection. */
  async allBucketNames() {
    return this.db
      .select({ name: buckets.name, accountId: buckets.accountId, deletedAt: buckets.deletedAt })
      .from(buckets);
  }

  async liveBuckets(accountId: string) {
    return this.db
      .select()
      .from(buckets)
      .where(and(eq(buckets.accountId, accountId), sql`${buckets.deletedAt} is null`))
      .orderBy(asc(buckets.name));
  }

  async accessKeys(accountId: string) {
    return this.db
      .select()
      .from(accessKeys)
      .where(eq(accessKeys.accountId, accountId))
      .orderBy(asc(accessKeys.createdAt));
  }

  /**
   * Domain-event deliveries that ran out of retries, per consumer queue (pg-boss moved them to the
   * dead-letter queue; its jobs carry the consumer's queue name).
   */
  async deadLetters(queue: string): Promise<Array<{ consumer: string; count: number; oldest: Date }>> {
    const result = await this.db
      .execute<{ consumer: string | null; count: string; oldest: Date }>(
        sql`
      select data->>'queue' as consumer, count(*)::text as count, min(created_on) as oldest
      from pgboss.job
      where name = ${queue} and state in ('created', 'retry', 'active')
      group by 1 order by 1`,
      )
      // Before pg-boss first started there is no queue, and nothing in it.
      .catch((error: { code?: string; cause?: { code?: string } }) => {
        const code = error.code ?? error.cause?.code;
        if (code === '42P01' || code === '3F000') return { rows: [] };
        throw error;
      });
    return result.rows.map((r) => ({
      consumer: r.consumer ?? 'unknown',
      count: Number(r.count),
      oldest: new Date(r.oldest),
    }));
  }
}
