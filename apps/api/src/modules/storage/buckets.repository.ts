import { Injectable } from '@nestjs/common';
import { and, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import { buckets, type Database, type Executor, type Tx } from '@csp/db';
import { InjectDb } from '../../database/database.module';

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
    const [row] = await tx
      .select()
      .from(buckets)
      .where(and(eq(buckets.id, bucketId), eq(buckets.accountId, accountId), isNull(buckets.deletedAt)))
      .for('update');
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
}
