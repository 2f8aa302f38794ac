import { Injectable } from '@nestjs/common';
import { and, asc, eq } from 'drizzle-orm';
import { accessKeys, accounts, buckets, type Database, liveBucketsOf } from '@csp/db';
import { InjectDb } from '../../../database/database.module';

/** SQL of the backup setup page and the connection test; every query takes the account id. */
@Injectable()
export class ConnectionTestRepository {
  constructor(@InjectDb() private readonly db: Database) {}

  async findAccount(accountId: string) {
    const [row] = await this.db
      .select({ id: accounts.id, writesBlockedAt: accounts.writesBlockedAt })
      .from(accounts)
      .where(eq(accounts.id, accountId));
    return row ?? null;
  }

  async liveBuckets(accountId: string) {
    return this.db
      .select({
        id: buckets.id,
        name: buckets.name,
        versioning: buckets.versioning,
        objectLock: buckets.objectLock,
      })
      .from(buckets)
      .where(liveBucketsOf(accountId))
      .orderBy(asc(buckets.name));
  }

  async activeKeys(accountId: string) {
    return this.db
      .select({ id: accessKeys.id, accessKeyId: accessKeys.accessKeyId, name: accessKeys.name })
      .from(accessKeys)
      .where(
        and(
          eq(accessKeys.accountId, accountId),
          eq(accessKeys.status, 'active'),
          eq(accessKeys.provisioned, true),
        ),
      )
      .orderBy(asc(accessKeys.createdAt));
  }
}
