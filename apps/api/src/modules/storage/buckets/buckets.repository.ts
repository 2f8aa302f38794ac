import { Injectable } from '@nestjs/common';
import { and, asc, count, eq, isNotNull, ne } from 'drizzle-orm';
import { buckets, type Database, type Executor, type Tx, liveBucket, liveBucketsOf } from '@csp/db';
import { InjectDb } from '../../../database/database.module';

export type BucketRow = typeof buckets.$inferSelect;
export type BucketSettingsPatch = Partial<
  Pick<BucketRow, 'versioning' | 'publicRead' | 'lockMode' | 'lockRetentionDays' | 'lifecycleRules'>
>;

/** SQL of bucket settings. Every query takes the account id. */
@Injectable()
export class BucketsRepository {
  constructor(@InjectDb() private readonly db: Database) {}

  /** The account's live bucket, locked for the rest of the transaction `tx` (null when none). */
  async lockLive(accountId: string, bucketId: string, tx: Executor): Promise<BucketRow | null> {
    const [row] = await tx.select().from(buckets).where(liveBucket(accountId, bucketId)).for('update');
    return row ?? null;
  }

  /**
   * Runs `work` holding the live bucket's row lock, so settings changes of one bucket are
   * serialized (database and MinIO change in the same order). `work` returns the columns to
   * store; they are written in the same transaction, so a failure inside `work` (MinIO refused
   * or is down) leaves the row untouched. Returns null when the bucket is not the account's.
   */
  async updateLocked(
    accountId: string,
    bucketId: string,
    work: (row: BucketRow) => Promise<BucketSettingsPatch>,
  ): Promise<{ before: BucketRow; after: BucketRow } | null> {
    return this.db.transaction(async (tx: Tx) => {
      const row = await this.lockLive(accountId, bucketId, tx);
      if (!row) return null;
      const patch = await work(row);
      if (Object.keys(patch).length === 0) return { before: row, after: row };
      const [after] = await tx
        .update(buckets)
        .set(patch)
        .where(and(eq(buckets.id, bucketId), eq(buckets.accountId, accountId)))
        .returning();
      return { before: row, after };
    });
  }

  /**
   * The deleted buckets that had this name, apart from `exceptBucketId`, with their accounts. The
   * one query here not scoped by account: it is about a name, which is platform-wide.
   */
  async deletedBucketsNamed(
    name: string,
    exceptBucketId: string,
  ): Promise<Array<{ id: string; accountId: string }>> {
    return this.db
      .select({ id: buckets.id, accountId: buckets.accountId })
      .from(buckets)
      .where(and(eq(buckets.name, name), isNotNull(buckets.deletedAt), ne(buckets.id, exceptBucketId)));
  }

  async liveBuckets(accountId: string) {
    return this.db.select().from(buckets).where(liveBucketsOf(accountId)).orderBy(asc(buckets.name));
  }

  async countLiveBuckets(accountId: string) {
    const [row] = await this.db.select({ n: count() }).from(buckets).where(liveBucketsOf(accountId));
    return row?.n ?? 0;
  }

  async findLiveBucket(accountId: string, bucketId: string) {
    const [row] = await this.db.select().from(buckets).where(liveBucket(accountId, bucketId));
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
    await tx.update(buckets).set({ deletedAt: new Date() }).where(liveBucket(accountId, bucketId));
  }
}
