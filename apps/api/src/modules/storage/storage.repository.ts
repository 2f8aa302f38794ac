import { Injectable } from '@nestjs/common';
import { and, asc, count, eq, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import { accessKeys, accounts, buckets, storageUsers, type Database, type Executor } from '@csp/db';
import { InjectDb } from '../../database/database.module';

/** SQL for the storage domain. Every query that reads customer rows takes the account id. */
@Injectable()
export class StorageRepository {
  constructor(@InjectDb() readonly db: Database) {}

  async findAccount(accountId: string) {
    const [row] = await this.db.select().from(accounts).where(eq(accounts.id, accountId));
    return row ?? null;
  }

  async ensureStorageUser(accountId: string, minioUser: string, policyName: string) {
    await this.db.insert(storageUsers).values({ accountId, minioUser, policyName }).onConflictDoNothing();
    const [row] = await this.db.select().from(storageUsers).where(eq(storageUsers.accountId, accountId));
    return row;
  }

  /** Claims the account's provisioning lease; false when another request holds a live one. */
  async claimProvisioningLease(accountId: string, seconds: number) {
    const rows = await this.db
      .update(storageUsers)
      .set({ leaseUntil: sql`now() + make_interval(secs => ${seconds})` })
      .where(
        and(
          eq(storageUsers.accountId, accountId),
          or(isNull(storageUsers.leaseUntil), lt(storageUsers.leaseUntil, sql`now()`)),
        ),
      )
      .returning({ accountId: storageUsers.accountId });
    return rows.length === 1;
  }

  async releaseProvisioningLease(accountId: string) {
    await this.db.update(storageUsers).set({ leaseUntil: null }).where(eq(storageUsers.accountId, accountId));
  }

  async markStorageUserProvisioned(accountId: string) {
    await this.db
      .update(storageUsers)
      .set({ provisionedAt: sql`coalesce(${storageUsers.provisionedAt}, now())` })
      .where(eq(storageUsers.accountId, accountId));
  }

  async findStorageUser(accountId: string) {
    const [row] = await this.db.select().from(storageUsers).where(eq(storageUsers.accountId, accountId));
    return row ?? null;
  }

  /**
   * Runs `write` with what the account's canned policy is made of (its live bucket names and whether
   * writes are blocked), read while holding a per-account transaction lock. Every policy write goes
   * through here, so concurrent writers run one after the other and the last one always writes the
   * latest committed state.
   */
  async withPolicyInputs<T>(
    accountId: string,
    write: (inputs: { bucketNames: string[]; writesBlocked: boolean }) => Promise<T>,
  ): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`policy:${accountId}`}, 0))`);
      const [account] = await tx
        .select({ writesBlockedAt: accounts.writesBlockedAt })
        .from(accounts)
        .where(eq(accounts.id, accountId));
      const rows = await tx
        .select({ name: buckets.name })
        .from(buckets)
        .where(and(eq(buckets.accountId, accountId), isNull(buckets.deletedAt)))
        .orderBy(asc(buckets.name));
      return write({ bucketNames: rows.map((r) => r.name), writesBlocked: !!account?.writesBlockedAt });
    });
  }

  // Buckets

  async liveBuckets(accountId: string) {
    return this.db
      .select()
      .from(buckets)
      .where(and(eq(buckets.accountId, accountId), isNull(buckets.deletedAt)))
      .orderBy(asc(buckets.name));
  }

  async countLiveBuckets(accountId: string) {
    const [row] = await this.db
      .select({ n: count() })
      .from(buckets)
      .where(and(eq(buckets.accountId, accountId), isNull(buckets.deletedAt)));
    return row?.n ?? 0;
  }

  /** Keys that still count against the cap: active or inactive (not expired, not revoked). */
  async countUsableAccessKeys(accountId: string) {
    const [row] = await this.db
      .select({ n: count() })
      .from(accessKeys)
      .where(and(eq(accessKeys.accountId, accountId), notInArray(accessKeys.status, ['expired', 'revoked'])));
    return row?.n ?? 0;
  }

  async findLiveBucket(accountId: string, bucketId: string) {
    const [row] = await this.db
      .select()
      .from(buckets)
      .where(and(eq(buckets.id, bucketId), eq(buckets.accountId, accountId), isNull(buckets.deletedAt)));
    return row ?? null;
  }

  /** Inserts the bucket row, reserving the name platform-wide; null when the name is taken. */
  async insertBucket(values: typeof buckets.$inferInsert) {
    const [row] = await this.db.insert(buckets).values(values).onConflictDoNothing().returning();
    return row ?? null;
  }

  async removeBucketRow(accountId: string, bucketId: string) {
    await this.db.delete(buckets).where(and(eq(buckets.id, bucketId), eq(buckets.accountId, accountId)));
  }

  async markBucketDeleted(accountId: string, bucketId: string, tx: Executor = this.db) {
    await tx
      .update(buckets)
      .set({ deletedAt: new Date() })
      .where(and(eq(buckets.id, bucketId), eq(buckets.accountId, accountId), isNull(buckets.deletedAt)));
  }

  // Access keys

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
