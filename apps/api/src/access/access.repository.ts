import { Injectable } from '@nestjs/common';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { accessKeys, buckets, userBucketAccess, type Database, type Executor, liveBucketsOf } from '@csp/db';
import { InjectDb } from '../database/database.module';

/** The set queries behind every resource check; each takes the account id and a list of ids. */
@Injectable()
export class AccessRepository {
  constructor(@InjectDb() private readonly db: Database) {}

  /** The live buckets of the account, or only those among `ids`. */
  async liveBuckets(accountId: string, ids?: readonly string[], db: Executor = this.db) {
    if (ids?.length === 0) return [];
    return db
      .select()
      .from(buckets)
      .where(and(liveBucketsOf(accountId), ids ? inArray(buckets.id, [...ids]) : undefined))
      .orderBy(asc(buckets.name));
  }

  /** The live buckets of the account shared with one user (external clients), with the share's level. */
  async sharedBuckets(accountId: string, userId: string, ids?: readonly string[], db: Executor = this.db) {
    if (ids?.length === 0) return [];
    return db
      .select({ bucket: buckets, access: userBucketAccess.access })
      .from(userBucketAccess)
      .innerJoin(buckets, eq(buckets.id, userBucketAccess.bucketId))
      .where(
        and(
          eq(userBucketAccess.accountId, accountId),
          eq(userBucketAccess.userId, userId),
          liveBucketsOf(accountId),
          ids ? inArray(buckets.id, [...ids]) : undefined,
        ),
      )
      .orderBy(asc(buckets.name));
  }

  /** The account's keys (existing on MinIO) among these public key ids. */
  async accessKeys(accountId: string, accessKeyIds: readonly string[], db: Executor = this.db) {
    if (accessKeyIds.length === 0) return [];
    return db
      .select({
        id: accessKeys.id,
        accessKeyId: accessKeys.accessKeyId,
        status: accessKeys.status,
        expiresAt: accessKeys.expiresAt,
      })
      .from(accessKeys)
      .where(
        and(
          eq(accessKeys.accountId, accountId),
          inArray(accessKeys.accessKeyId, [...accessKeyIds]),
          eq(accessKeys.provisioned, true),
        ),
      );
  }
}
