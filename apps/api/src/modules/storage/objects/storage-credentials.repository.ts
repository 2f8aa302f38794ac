import { Injectable } from '@nestjs/common';
import { and, asc, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { accounts, objectUploads, storageCredentials, storageUsers, type Database } from '@csp/db';
import { InjectDb } from '../../../database/database.module';

/** SQL for the storage user's kept secret, the temporary credentials minted with it, and uploads. */
@Injectable()
export class StorageCredentialsRepository {
  constructor(@InjectDb() private readonly db: Database) {}

  /** The account's storage user with the account status the credentials must respect. */
  async findUser(accountId: string) {
    const [row] = await this.db
      .select({
        accountId: storageUsers.accountId,
        minioUser: storageUsers.minioUser,
        secretSealed: storageUsers.secretSealed,
        secretSetAt: storageUsers.secretSetAt,
        provisionedAt: storageUsers.provisionedAt,
        accountStatus: accounts.status,
      })
      .from(storageUsers)
      .innerJoin(accounts, eq(accounts.id, storageUsers.accountId))
      .where(eq(storageUsers.accountId, accountId));
    return row ?? null;
  }

  /** Writes a new secret before MinIO hears of it (unconfirmed), so a retry resends the same one. */
  async setUnconfirmedSecret(accountId: string, sealed: string) {
    await this.db
      .update(storageUsers)
      .set({ secretSealed: sealed, secretSetAt: null })
      .where(eq(storageUsers.accountId, accountId));
  }

  /** MinIO holds `sealed` now; false when another writer replaced it meanwhile. */
  async confirmSecret(accountId: string, sealed: string) {
    const rows = await this.db
      .update(storageUsers)
      .set({ secretSetAt: sql`now()` })
      .where(and(eq(storageUsers.accountId, accountId), eq(storageUsers.secretSealed, sealed)))
      .returning({ accountId: storageUsers.accountId });
    return rows.length === 1;
  }

  /** Provisioned users whose secret the platform does not hold (or holds unconfirmed). */
  async usersWithoutSecret(limit: number) {
    return this.db
      .select({ accountId: storageUsers.accountId })
      .from(storageUsers)
      .where(
        and(
          isNotNull(storageUsers.provisionedAt),
          or(isNull(storageUsers.secretSealed), isNull(storageUsers.secretSetAt)),
        ),
      )
      .orderBy(asc(storageUsers.createdAt))
      .limit(limit);
  }

  async recordCredential(values: typeof storageCredentials.$inferInsert) {
    await this.db.insert(storageCredentials).values(values);
  }

  /** Rows of credentials expired for more than `days`: metering has read the audit stream by then. */
  async pruneCredentials(days: number) {
    await this.db
      .delete(storageCredentials)
      .where(lt(storageCredentials.expiresAt, sql`now() - make_interval(days => ${days})`));
  }

  // Multipart uploads

  /** Uploads neither completed nor aborted through the portal for `days` (MinIO drops them too). */
  async pruneUploads(days: number) {
    await this.db
      .delete(objectUploads)
      .where(lt(objectUploads.createdAt, sql`now() - make_interval(days => ${days})`));
  }

  async insertUpload(values: typeof objectUploads.$inferInsert) {
    await this.db.insert(objectUploads).values(values).onConflictDoNothing();
  }

  async findUpload(accountId: string, bucketId: string, key: string, uploadId: string) {
    const [row] = await this.db
      .select()
      .from(objectUploads)
      .where(
        and(
          eq(objectUploads.accountId, accountId),
          eq(objectUploads.bucketId, bucketId),
          eq(objectUploads.key, key),
          eq(objectUploads.uploadId, uploadId),
        ),
      );
    return row ?? null;
  }

  async deleteUpload(accountId: string, bucketId: string, uploadId: string) {
    await this.db
      .delete(objectUploads)
      .where(
        and(
          eq(objectUploads.accountId, accountId),
          eq(objectUploads.bucketId, bucketId),
          eq(objectUploads.uploadId, uploadId),
        ),
      );
  }
}
