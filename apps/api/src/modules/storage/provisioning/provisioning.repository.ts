import { Injectable } from '@nestjs/common';
import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { accounts, buckets, storageUsers, type Database, liveBucketsOf } from '@csp/db';
import { InjectDb } from '../../../database/database.module';

/**
 * SQL of provisioning: the account's storage user, its provisioning lease and what its canned
 * policy is made of. Every query takes the account id.
 */
@Injectable()
export class ProvisioningRepository {
  constructor(@InjectDb() private readonly db: Database) {}

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
        .where(liveBucketsOf(accountId))
        .orderBy(asc(buckets.name));
      return write({ bucketNames: rows.map((r) => r.name), writesBlocked: !!account?.writesBlockedAt });
    });
  }
}
