import { Injectable } from '@nestjs/common';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import {
  accounts,
  buckets,
  quotaChangeRequests,
  staffMembers,
  users,
  type Database,
  type Executor,
  liveBucketsOf,
} from '@csp/db';
import { InjectDb } from '../../../database/database.module';

export type QuotaRequestStatus = (typeof quotaChangeRequests.$inferSelect)['status'];

/** A measured usage applied to an account: its block state before and after, and its quota. */
export interface MeasurementResult {
  quotaBytes: bigint;
  wasBlockedAt: Date | null;
  blockedAt: Date | null;
}

/** SQL of account-wide quotas: usage measurements, the write block and quota change requests. */
@Injectable()
export class QuotaRepository {
  constructor(@InjectDb() readonly db: Database) {}

  transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(tx));
  }

  // ------------------------------------------------------------------ enforcement

  /** Active accounts with their live bucket names (the input of one enforcement pass). */
  async activeAccountsWithBuckets() {
    const rows = await this.db
      .select({ id: accounts.id, bucket: buckets.name })
      .from(accounts)
      .leftJoin(buckets, liveBucketsOf(accounts.id))
      .where(eq(accounts.status, 'active'))
      .orderBy(asc(accounts.id));
    const byAccount = new Map<string, string[]>();
    for (const row of rows) {
      const names = byAccount.get(row.id) ?? [];
      if (row.bucket) names.push(row.bucket);
      byAccount.set(row.id, names);
    }
    return byAccount;
  }

  async accountBucketNames(accountId: string) {
    const rows = await this.db.select({ name: buckets.name }).from(buckets).where(liveBucketsOf(accountId));
    return rows.map((r) => r.name);
  }

  /**
   * Stores a usage measurement and decides the block against the account's current quota, in one
   * statement on the locked row (a quota raised a moment ago is always the one compared). Null
   * when the account is not active.
   */
  async recordMeasurement(
    accountId: string,
    usageBytes: number,
    measuredAt: Date,
  ): Promise<MeasurementResult | null> {
    const result = await this.db.execute<{
      quota_bytes: string;
      was_blocked_at: string | null;
      blocked_at: string | null;
    }>(sql`
      with old as (
        select id, writes_blocked_at from accounts where id = ${accountId} and status = 'active' for update
      )
      update accounts a set
        usage_bytes = ${usageBytes},
        usage_measured_at = ${measuredAt.toISOString()},
        writes_blocked_at = case
          when ${usageBytes} >= a.quota_bytes then coalesce(a.writes_blocked_at, now())
          else null end
      from old where a.id = old.id
      returning a.quota_bytes, old.writes_blocked_at as was_blocked_at, a.writes_blocked_at as blocked_at`);
    const row = result.rows[0];
    if (!row) return null;
    return {
      quotaBytes: BigInt(row.quota_bytes),
      wasBlockedAt: row.was_blocked_at ? new Date(row.was_blocked_at) : null,
      blockedAt: row.blocked_at ? new Date(row.blocked_at) : null,
    };
  }

  /**
   * Puts the block state back when MinIO did not take the matching policy, unless something else
   * changed it meanwhile; the next pass then sees the same transition and tries again.
   */
  async revertBlock(accountId: string, from: Date | null, to: Date | null) {
    await this.db.execute(sql`
      update accounts set writes_blocked_at = ${to ? to.toISOString() : null}
      where id = ${accountId} and writes_blocked_at is not distinct from ${from ? from.toISOString() : null}::timestamptz`);
  }

  async findOwner(accountId: string) {
    const [row] = await this.db
      .select({ email: users.email, fullName: users.fullName, language: users.language })
      .from(users)
      .where(and(eq(users.accountId, accountId), eq(users.role, 'owner')));
    return row ?? null;
  }

  async findAccount(accountId: string, tx: Executor = this.db) {
    const [row] = await tx.select().from(accounts).where(eq(accounts.id, accountId));
    return row ?? null;
  }

  /** Locks the account row for a quota change (serializes approvals and manual changes). */
  async lockAccount(tx: Executor, accountId: string) {
    const result = await tx.execute<{ quota_bytes: string; status: string; name: string }>(
      sql`select quota_bytes, status, name from accounts where id = ${accountId} for update`,
    );
    const row = result.rows[0];
    return row ? { quotaBytes: BigInt(row.quota_bytes), status: row.status, name: row.name } : null;
  }

  async setQuota(tx: Executor, accountId: string, quotaBytes: bigint) {
    await tx.update(accounts).set({ quotaBytes, updatedAt: new Date() }).where(eq(accounts.id, accountId));
  }

  // ------------------------------------------------------------------ change requests

  /** Inserts a pending request; null when the account already has one (partial unique index). */
  async insertRequest(values: typeof quotaChangeRequests.$inferInsert) {
    const [row] = await this.db.insert(quotaChangeRequests).values(values).onConflictDoNothing().returning();
    return row ?? null;
  }

  async listForAccount(accountId: string, limit: number) {
    return this.db
      .select({ request: quotaChangeRequests, requestedBy: users.fullName, decidedBy: staffMembers.fullName })
      .from(quotaChangeRequests)
      .leftJoin(users, eq(users.id, quotaChangeRequests.requestedByUserId))
      .leftJoin(staffMembers, eq(staffMembers.id, quotaChangeRequests.decidedByStaffId))
      .where(eq(quotaChangeRequests.accountId, accountId))
      .orderBy(desc(quotaChangeRequests.createdAt))
      .limit(limit);
  }

  async findForAccount(accountId: string, requestId: string) {
    const [row] = await this.db
      .select()
      .from(quotaChangeRequests)
      .where(and(eq(quotaChangeRequests.id, requestId), eq(quotaChangeRequests.accountId, accountId)));
    return row ?? null;
  }

  /** Cancels the account's request if it is still pending; false otherwise. */
  async cancel(accountId: string, requestId: string) {
    const rows = await this.db
      .update(quotaChangeRequests)
      .set({ status: 'canceled', decidedAt: new Date() })
      .where(
        and(
          eq(quotaChangeRequests.id, requestId),
          eq(quotaChangeRequests.accountId, accountId),
          eq(quotaChangeRequests.status, 'pending'),
        ),
      )
      .returning({ id: quotaChangeRequests.id });
    return rows.length === 1;
  }

  /** Staff view: requests across accounts with the account and its owner, newest first. */
  async listForStaff(filter: { status?: QuotaRequestStatus; requestId?: string }, limit: number) {
    const { status, requestId } = filter;
    return this.db
      .select({
        request: quotaChangeRequests,
        accountName: accounts.name,
        accountQuotaBytes: accounts.quotaBytes,
        accountUsageBytes: accounts.usageBytes,
        accountWritesBlockedAt: accounts.writesBlockedAt,
        requestedBy: users.fullName,
        decidedBy: staffMembers.fullName,
      })
      .from(quotaChangeRequests)
      .innerJoin(accounts, eq(accounts.id, quotaChangeRequests.accountId))
      .leftJoin(users, eq(users.id, quotaChangeRequests.requestedByUserId))
      .leftJoin(staffMembers, eq(staffMembers.id, quotaChangeRequests.decidedByStaffId))
      .where(
        and(
          status ? eq(quotaChangeRequests.status, status) : undefined,
          requestId ? eq(quotaChangeRequests.id, requestId) : undefined,
        ),
      )
      .orderBy(
        status === 'pending' ? asc(quotaChangeRequests.createdAt) : desc(quotaChangeRequests.createdAt),
      )
      .limit(limit);
  }

  async lockRequest(tx: Executor, requestId: string) {
    const result = await tx.execute<{ id: string; account_id: string; status: QuotaRequestStatus }>(
      sql`select id, account_id, status from quota_change_requests where id = ${requestId} for update`,
    );
    const row = result.rows[0];
    return row ? { id: row.id, accountId: row.account_id, status: row.status } : null;
  }

  async findRequest(requestId: string, tx: Executor = this.db) {
    const [row] = await tx.select().from(quotaChangeRequests).where(eq(quotaChangeRequests.id, requestId));
    return row ?? null;
  }

  async decide(
    tx: Executor,
    requestId: string,
    decision: { status: 'approved' | 'rejected'; staffId: string; reason: string | null },
  ) {
    await tx
      .update(quotaChangeRequests)
      .set({
        status: decision.status,
        decidedByStaffId: decision.staffId,
        decisionReason: decision.reason,
        decidedAt: new Date(),
      })
      .where(and(eq(quotaChangeRequests.id, requestId), eq(quotaChangeRequests.status, 'pending')));
  }
}
