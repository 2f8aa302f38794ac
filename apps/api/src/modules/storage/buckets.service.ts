import { Injectable, Logger } from '@nestjs/common';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  PutBucketVersioningCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { MinioAdminClient } from '@csp/minio-admin';
import { AppException } from '../../common/app-exception';
import { AuditService } from '../audit/audit.service';
import type { RequestMeta } from '../identity/auth.decorators';
import type { AccountAuth } from '../identity/auth.types';
import { Permission, roleAllows } from '../identity/permissions';
import { bucketNameProblem } from './bucket-name';
import { ProvisioningService } from './provisioning.service';
import { InjectMinioAdmin, InjectS3Root } from './storage.clients';
import { StorageRepository } from './storage.repository';
import { UsageService } from './usage.service';

type BucketRow = NonNullable<Awaited<ReturnType<StorageRepository['findLiveBucket']>>>;

@Injectable()
export class BucketsService {
  private readonly logger = new Logger('Buckets');

  constructor(
    private readonly storage: StorageRepository,
    private readonly provisioning: ProvisioningService,
    private readonly usage: UsageService,
    private readonly audit: AuditService,
    @InjectS3Root() private readonly s3: S3Client,
    @InjectMinioAdmin() private readonly minio: MinioAdminClient,
  ) {}

  /**
   * Roles with BucketRead see every bucket of the account; the others (external clients) only
   * the buckets shared with them, each with its access level.
   */
  async list(auth: Pick<AccountAuth, 'accountId' | 'userId' | 'role'>) {
    if (!roleAllows(auth.role, Permission.BucketRead)) {
      if (!auth.userId) throw AppException.forbidden();
      const shared = await this.storage.sharedLiveBuckets(auth.accountId, auth.userId);
      const usage = await this.usage.bucketUsage(shared.map((r) => r.bucket.name));
      return {
        items: shared.map((r) => ({
          ...toBucket(r.bucket, usage.byBucket.get(r.bucket.name)),
          access: r.access,
        })),
        usageUpdatedAt: usage.updatedAt,
      };
    }
    const rows = await this.storage.liveBuckets(auth.accountId);
    const usage = await this.usage.bucketUsage(rows.map((r) => r.name));
    return {
      items: rows.map((r) => toBucket(r, usage.byBucket.get(r.name))),
      usageUpdatedAt: usage.updatedAt,
    };
  }

  /**
   * Creates the bucket on MinIO and opens it to the account's keys. The name is reserved in the
   * database first (platform-wide uniqueness); any storage failure undoes every step taken.
   */
  async create(auth: AccountAuth, input: { name: string; versioning: boolean }, meta: RequestMeta) {
    const problem = bucketNameProblem(input.name);
    if (problem) throw AppException.validation({ name: problem });
    const account = await this.storage.findAccount(auth.accountId);
    if (account?.status !== 'active') throw AppException.forbidden();

    const row = await this.storage.insertBucket({
      accountId: auth.accountId,
      name: input.name,
      versioning: input.versioning,
      createdByUserId: auth.userId,
    });
    if (!row) throw AppException.conflict('bucket_name_taken');

    let createdOnMinio = false;
    try {
      try {
        await this.s3.send(new CreateBucketCommand({ Bucket: row.name }));
        createdOnMinio = true;
      } catch (error) {
        // Only a bucket this platform already created (a retried request) may be adopted.
        if ((error as { name?: string }).name !== 'BucketAlreadyOwnedByYou') throw error;
        throw AppException.conflict('bucket_name_taken');
      }
      if (input.versioning) {
        await this.s3.send(
          new PutBucketVersioningCommand({
            Bucket: row.name,
            VersioningConfiguration: { Status: 'Enabled' },
          }),
        );
      }
      // Interim: each bucket gets the account quota as its hard limit; account-wide enforcement
      // across buckets is its own feature (docs/ARCHITECTURE.md, "Quotas").
      await this.minio.setBucketQuota(row.name, Number(account.quotaBytes));
      await this.provisioning.syncPolicy(auth.accountId);
    } catch (error) {
      await this.undoCreate(auth.accountId, row, createdOnMinio);
      if (error instanceof AppException) throw error;
      this.logger.warn(`bucket ${row.name} not created: ${(error as Error).message}`);
      throw new AppException(503, 'storage_unavailable');
    }

    await this.audit.byUser(auth, meta, {
      action: 'bucket.created',
      resourceType: 'bucket',
      resourceId: row.id,
      details: { name: row.name, versioning: row.versioning },
    });
    return toBucket(row, { sizeBytes: 0, objectCount: 0 });
  }

  /** Deletes an empty bucket; MinIO itself refuses a non-empty one (versions included). */
  async remove(auth: AccountAuth, bucketId: string, meta: RequestMeta) {
    const row = await this.storage.findLiveBucket(auth.accountId, bucketId);
    if (!row) throw AppException.notFound();
    try {
      await this.s3.send(new DeleteBucketCommand({ Bucket: row.name }));
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === 'BucketNotEmpty') throw AppException.conflict('bucket_not_empty', { name: row.name });
      if (name !== 'NoSuchBucket') throw new AppException(503, 'storage_unavailable');
    }
    await this.storage.markBucketDeleted(auth.accountId, row.id);
    try {
      await this.provisioning.syncPolicy(auth.accountId);
    } catch (error) {
      // The bucket is gone, so the stale policy line grants nothing; the next sync rewrites it.
      this.logger.warn(`policy sync after deleting ${row.name} failed: ${(error as Error).message}`);
    }
    await this.audit.byUser(auth, meta, {
      action: 'bucket.deleted',
      resourceType: 'bucket',
      resourceId: row.id,
      details: { name: row.name },
    });
  }

  private async undoCreate(accountId: string, row: BucketRow, createdOnMinio: boolean) {
    try {
      if (createdOnMinio) await this.s3.send(new DeleteBucketCommand({ Bucket: row.name }));
    } catch (error) {
      this.logger.error(`could not remove half-created bucket ${row.name}: ${(error as Error).message}`);
    }
    await this.storage.removeBucketRow(accountId, row.id);
  }
}

function toBucket(row: BucketRow, usage: { sizeBytes: number; objectCount: number } | undefined) {
  return {
    id: row.id,
    name: row.name,
    versioning: row.versioning,
    sizeBytes: usage?.sizeBytes ?? 0,
    objectCount: usage?.objectCount ?? 0,
    createdAt: row.createdAt.toISOString(),
  };
}
