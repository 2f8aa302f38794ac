import { and, eq, isNull, type SQL } from 'drizzle-orm';
import { buckets } from './schema';

/**
 * What "a live bucket of this account" means, written once: the account's rows not soft-deleted
 * (a deleted bucket's row stays, keeping its name and history, with `deleted_at` set).
 */
export function liveBucketsOf(accountId: string): SQL {
  return and(eq(buckets.accountId, accountId), isNull(buckets.deletedAt))!;
}

/** The live bucket `bucketId` of this account (nothing when it is another account's, or deleted). */
export function liveBucket(accountId: string, bucketId: string): SQL {
  return and(eq(buckets.id, bucketId), liveBucketsOf(accountId))!;
}
