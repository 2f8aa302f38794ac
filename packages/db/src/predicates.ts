import { and, eq, isNull, type Column, type SQL } from 'drizzle-orm';
import { buckets } from './schema';

/**
 * What "a live bucket of this account" means, written once: the account's rows not soft-deleted
 * (a deleted bucket's row stays, keeping its name and history, with `deleted_at` set). The
 * account is an id, or a column in a join (`accounts.id`).
 */
export function liveBucketsOf(accountId: string | Column): SQL {
  return and(eq(buckets.accountId, accountId), isNull(buckets.deletedAt))!;
}

/** The live bucket `bucketId` of this account (nothing when it is another account's, or deleted). */
export function liveBucket(accountId: string, bucketId: string): SQL {
  return and(eq(buckets.id, bucketId), liveBucketsOf(accountId))!;
}
