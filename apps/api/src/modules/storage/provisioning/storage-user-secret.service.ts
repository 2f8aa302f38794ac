import { Inject, Injectable, Logger } from '@nestjs/common';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import type { UserStatus } from '@csp/minio-admin';
import { AppException } from '../../../common/app-exception';
import { newSecretKey, SecretBox } from '../../../common/crypto';
import { SECRET_BOX } from '../../../common/secret-box.provider';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { expectedStorageUserStatus } from './storage-status';
import { StorageCredentialsRepository } from '../objects/storage-credentials.repository';
import { InjectStorageAdmin } from '../storage.clients';
import { ProvisioningRepository } from './provisioning.repository';
import type { StorageAdmin } from '../storage-admin.port';

/** Binds a sealed storage-user secret to its row: copied to another account, it does not open. */
const userSecretAad = (accountId: string) => `storage_users.secret_sealed:${accountId}`;

/**
 * The secret of an account's storage user, kept sealed so the platform can mint the account's
 * temporary credentials (STS AssumeRole as that user, never as root). Users provisioned before the
 * secret was kept get a new one from the re-key job; MinIO's add-user replaces the status too, so
 * every re-key sends the status the account calls for.
 */
@Injectable()
export class StorageUserSecretService {
  private readonly logger = new Logger('StorageUserSecret');

  constructor(
    private readonly repo: StorageCredentialsRepository,
    private readonly provisioningRows: ProvisioningRepository,
    @InjectStorageAdmin() private readonly storageAdmin: StorageAdmin,
    @Inject(SECRET_BOX) private readonly secrets: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Creates the user on MinIO, or replaces its secret, with a secret sealed in the database first:
   * a retry after any failure resends the same unconfirmed secret, so the two never disagree for
   * longer than one call. The caller holds the account's provisioning lease.
   */
  async writeSecret(accountId: string, status: UserStatus): Promise<void> {
    const user = await this.repo.findUser(accountId);
    if (!user) throw new Error(`account ${accountId} has no storage user`);
    let sealed = user.secretSealed && !user.secretSetAt ? user.secretSealed : null;
    if (!sealed) {
      sealed = this.secrets.seal(newSecretKey(), userSecretAad(accountId));
      await this.repo.setUnconfirmedSecret(accountId, sealed);
    }
    await this.storageAdmin.addUser(
      user.minioUser,
      this.secrets.open(sealed, userSecretAad(accountId)),
      status,
    );
    await this.repo.confirmSecret(accountId, sealed);
  }

  /** The user's secret, sealed and confirmed; re-keys a live account that has none (yet). */
  async confirmedSecret(accountId: string): Promise<{ minioUser: string; secret: string }> {
    let user = await this.repo.findUser(accountId);
    if (!user?.provisionedAt) throw new AppException(503, 'storage_unavailable');
    if (!user.secretSealed || !user.secretSetAt) {
      await this.rekey(accountId);
      user = await this.repo.findUser(accountId);
    }
    if (!user?.secretSealed || !user.secretSetAt) throw new AppException(503, 'storage_unavailable');
    return {
      minioUser: user.minioUser,
      secret: this.secrets.open(user.secretSealed, userSecretAad(accountId)),
    };
  }

  /**
   * Gives a provisioned user a new kept secret with the status its account calls for, under the
   * provisioning lease (one writer per account). A suspension landing between the status read and
   * the write is caught by reading the status again afterwards.
   */
  async rekey(accountId: string): Promise<void> {
    if (!(await this.provisioningRows.claimProvisioningLease(accountId, 60)))
      throw new AppException(503, 'storage_unavailable');
    try {
      const before = await this.repo.findUser(accountId);
      if (!before?.provisionedAt) return;
      const status = expectedStorageUserStatus(before.accountStatus);
      await this.writeSecret(accountId, status);
      const after = await this.repo.findUser(accountId);
      const wanted = after ? expectedStorageUserStatus(after.accountStatus) : status;
      if (wanted !== status) await this.storageAdmin.setUserStatus(before.minioUser, wanted);
    } finally {
      await this.provisioningRows.releaseProvisioningLease(accountId);
    }
  }

  /** The migration job: every provisioned user without a kept secret gets one. */
  async rekeyUsersWithoutSecret(batch = 50): Promise<{ rekeyed: number; failed: number }> {
    let rekeyed = 0;
    let failed = 0;
    const seen = new Set<string>();
    for (;;) {
      const due = (await this.repo.usersWithoutSecret(batch)).filter((u) => !seen.has(u.accountId));
      if (due.length === 0) break;
      for (const { accountId } of due) {
        seen.add(accountId);
        try {
          await this.rekey(accountId);
          rekeyed += 1;
        } catch (error) {
          failed += 1;
          this.logger.warn(`re-key of ${accountId} failed: ${(error as Error).message}`);
        }
      }
    }
    return { rekeyed, failed };
  }

  /**
   * Whether the kept secret still signs in as the user (for the reconciler): a ListBuckets signed
   * with it answers 200 or AccessDenied when it holds, an auth error when MinIO has another secret.
   * Null when it cannot be told (no confirmed secret, or a disabled user, which refuses any secret).
   */
  async secretWorks(accountId: string): Promise<boolean | null> {
    const user = await this.repo.findUser(accountId);
    if (!user?.secretSealed || !user.secretSetAt) return null;
    if (expectedStorageUserStatus(user.accountStatus) !== 'enabled') return null;
    const s3 = new S3Client({
      endpoint: this.config.MINIO_ENDPOINT,
      region: this.config.S3_REGION,
      forcePathStyle: true,
      maxAttempts: 1,
      credentials: {
        accessKeyId: user.minioUser,
        secretAccessKey: this.secrets.open(user.secretSealed, userSecretAad(accountId)),
      },
    });
    try {
      await s3.send(new ListBucketsCommand({}));
      return true;
    } catch (error) {
      const name = (error as { name?: string }).name ?? '';
      if (name === 'AccessDenied') return true;
      if (['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'InvalidClientTokenId'].includes(name))
        return false;
      throw error;
    } finally {
      s3.destroy();
    }
  }
}
