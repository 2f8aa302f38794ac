import { Injectable } from '@nestjs/common';
import { and, asc, count, eq, inArray, isNotNull, isNull, lte, notInArray, sql } from 'drizzle-orm';
import { accessKeys, buckets, type Database, type Executor, type Tx, liveBucketsOf } from '@csp/db';
import { InjectDb } from '../../../database/database.module';

export type AccessKeyRow = typeof accessKeys.$inferSelect;

/** A bucket a key is limited to, as stored in `access_keys.scope`. */
export interface StoredScopeItem {
  bucketId: string;
  access: 'read' | 'full';
}

/**
 * SQL for the access-key lifecycle (scope, deactivation, rotation, expiry). Customer queries take
 * the account id; the two `due*` queries are the worker's, across accounts.
 */
@Injectable()
export class AccessKeysRepository {
  constructor(@InjectDb() private readonly db: Database) {}

  /**
   * Runs `work` holding a transaction-scoped advisory lock on the key, so the changes of one key's
   * state (deactivate, reactivate, revoke, the sweep) happen one at a time: each reads the row and
   * calls MinIO without another one changing the key in between (a revoke deleting the service
   * account while a reactivation turns it on). `work` runs its statements on `tx`, the lock's own
   * connection (never another one from the pool: waiting for a second connection while holding one
   * would starve the pool under load); they commit together when it returns.
   */
  async withKeyLock<T>(keyId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`csp:access-key:${keyId}`}, 0))`);
      return work(tx);
    });
  }

  /** Id -> name of every live bucket of the account. */
  async liveBucketNames(accountId: string, tx: Executor = this.db) {
    const rows = await tx
      .select({ id: buckets.id, name: buckets.name })
      .from(buckets)
      .where(liveBucketsOf(accountId))
      .orderBy(asc(buckets.name));
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async markDeactivated(accountId: string, keyId: string, tx: Executor = this.db) {
    const [row] = await tx
      .update(accessKeys)
      .set({ status: 'inactive', deactivatedAt: new Date(), graceEndsAt: null })
      .where(
        and(eq(accessKeys.id, keyId), eq(accessKeys.accountId, accountId), eq(accessKeys.status, 'active')),
      )
      .returning();
    return row ?? null;
  }

  async markReactivated(accountId: string, keyId: string, tx: Executor = this.db) {
    const [row] = await tx
      .update(accessKeys)
      .set({ status: 'active', deactivatedAt: null })
      .where(
        and(eq(accessKeys.id, keyId), eq(accessKeys.accountId, accountId), eq(accessKeys.status, 'inactive')),
      )
      .returning();
    return row ?? null;
  }

  /**
   * Starts a rotation: sets the grace end on an active key that is not being rotated already.
   * Null when another rotation won (or the key is not active): only one replacement per key.
   */
  async claimRotation(accountId: string, keyId: string, graceEndsAt: Date) {
    const [row] = await this.db
      .update(accessKeys)
      .set({ graceEndsAt })
      .where(
        and(
          eq(accessKeys.id, keyId),
          eq(accessKeys.accountId, accountId),
          eq(accessKeys.status, 'active'),
          isNull(accessKeys.graceEndsAt),
        ),
      )
      .returning();
    return row ?? null;
  }

  /** Undoes `claimRotation` when the new key could not be made. */
  async releaseRotation(accountId: string, keyId: string) {
    await this.db
      .update(accessKeys)
      .set({ graceEndsAt: null })
      .where(and(eq(accessKeys.id, keyId), eq(accessKeys.accountId, accountId)));
  }

  /** Active keys whose rotation grace has ended by `now` (business time; worker; every account). */
  async dueForGraceEnd(now: Date, limit = 100) {
    return this.db
      .select()
      .from(accessKeys)
      .where(
        and(
          eq(accessKeys.status, 'active'),
          isNotNull(accessKeys.graceEndsAt),
          lte(accessKeys.graceEndsAt, now),
        ),
      )
      .limit(limit);
  }

  /** Deactivates a key whose grace ended by `now`, unless the customer changed it meanwhile. */
  async markGraceEnded(keyId: string, now: Date, tx: Executor = this.db) {
    const [row] = await tx
      .update(accessKeys)
      .set({ status: 'inactive', deactivatedAt: now, graceEndsAt: null })
      .where(
        and(
          eq(accessKeys.id, keyId),
          eq(accessKeys.status, 'active'),
          isNotNull(accessKeys.graceEndsAt),
          lte(accessKeys.graceEndsAt, now),
        ),
      )
      .returning();
    return row ?? null;
  }

  /** Active or inactive keys past their expiry become `expired` (MinIO already refuses them). */
  async markExpired() {
    return this.db
      .update(accessKeys)
      .set({ status: 'expired', graceEndsAt: null })
      .where(
        and(
          inArray(accessKeys.status, ['active', 'inactive']),
          isNotNull(accessKeys.expiresAt),
          lte(accessKeys.expiresAt, sql`now()`),
        ),
      )
      .returning();
  }

  async markRevoked(accountId: string, keyId: string, tx: Executor = this.db) {
    await tx
      .update(accessKeys)
      .set({ status: 'revoked', revokedAt: new Date(), pendingSecret: null, graceEndsAt: null })
      .where(and(eq(accessKeys.id, keyId), eq(accessKeys.accountId, accountId)));
  }

  /** Keys that still count against the cap: active or inactive (not expired, not revoked). */
  async countUsableAccessKeys(accountId: string) {
    const [row] = await this.db
      .select({ n: count() })
      .from(accessKeys)
      .where(and(eq(accessKeys.accountId, accountId), notInArray(accessKeys.status, ['expired', 'revoked'])));
    return row?.n ?? 0;
  }

  async listAccessKeys(accountId: string) {
    return this.db
      .select()
      .from(accessKeys)
      .where(eq(accessKeys.accountId, accountId))
      .orderBy(asc(accessKeys.createdAt));
  }

  async findAccessKey(accountId: string, keyId: string, tx: Executor = this.db) {
    const [row] = await tx
      .select()
      .from(accessKeys)
      .where(and(eq(accessKeys.id, keyId), eq(accessKeys.accountId, accountId)));
    return row ?? null;
  }

  async findInitialKey(accountId: string) {
    const [row] = await this.db
      .select()
      .from(accessKeys)
      .where(and(eq(accessKeys.accountId, accountId), eq(accessKeys.isInitial, true)));
    return row ?? null;
  }

  async insertAccessKey(values: typeof accessKeys.$inferInsert) {
    const [row] = await this.db.insert(accessKeys).values(values).onConflictDoNothing().returning();
    return row ?? null;
  }

  async markKeyProvisioned(keyId: string) {
    await this.db.update(accessKeys).set({ provisioned: true }).where(eq(accessKeys.id, keyId));
  }

  async deleteAccessKeyRow(accountId: string, keyId: string) {
    await this.db
      .delete(accessKeys)
      .where(and(eq(accessKeys.id, keyId), eq(accessKeys.accountId, accountId)));
  }

  /** Takes the pending secret out in one statement, so it can be revealed only once. */
  async takePendingSecret(accountId: string, keyId: string) {
    const result = await this.db.execute<{ pending_secret: string }>(sql`
      with old as (
        select id, pending_secret from access_keys
        where id = ${keyId} and account_id = ${accountId} and status = 'active' and pending_secret is not null
        for update
      )
      update access_keys k set pending_secret = null from old where k.id = old.id
      returning old.pending_secret`);
    return result.rows[0]?.pending_secret ?? null;
  }
}
