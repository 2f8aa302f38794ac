import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { AppException } from '../../../common/app-exception';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { TransactionRunner } from '../../../database/transaction-runner';
import { EventPublisher } from '../../../events/event-publisher';
import { AuditService } from '../../audit';
import type { RequestMeta } from '../../../common/request-meta';
import type { AccountAuth } from '../../../access/auth.types';
import { ResourceAccessService } from '../../../access/resource-access.service';
import { bucketNameProblem } from './bucket-name';
import { normalizeLifecycleRules, writeDefaultRetention, writeLifecycle, writePublicRead } from './bucket-s3';
import type { CreateBucketInput, LifecycleRule } from './buckets.dto';
import { BucketsRepository, type BucketRow } from './buckets.repository';
import { ProvisioningService } from '../provisioning/provisioning.service';
import { InjectStorageAdmin, InjectS3Root } from '../storage.clients';
import type { StorageAdmin } from '../storage-admin.port';
import { ProvisioningRepository } from '../provisioning/provisioning.repository';
import { UsageService } from '../quota/usage.service';

type Usage = { sizeBytes: number; objectCount: number };
type Retention = { mode: 'governance' | 'compliance'; days: number };

@Injectable()
export class BucketsService {
  private readonly logger = new Logger('Buckets');

  constructor(
    private readonly provisioningRows: ProvisioningRepository,
    private readonly bucketsRepo: BucketsRepository,
    private readonly provisioning: ProvisioningService,
    private readonly usage: UsageService,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
    private readonly events: EventPublisher,
    @InjectS3Root() private readonly s3: S3Client,
    @InjectStorageAdmin() private readonly storageAdmin: StorageAdmin,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: ResourceAccessService,
  ) {}

  /**
   * The buckets the caller reaches (ResourceAccessService): every bucket of the account for roles
   * that see them all, each with no access level; for external clients the buckets shared with
   * them, each with its level.
   */
  async list(auth: AccountAuth) {
    const reach = [...(await this.access.buckets(auth, 'see')).values()];
    const usage = await this.usage.bucketUsage(reach.map((r) => r.bucket.name));
    return {
      items: reach.map((r) => ({
        ...toBucket(r.bucket, usage.byBucket.get(r.bucket.name)),
        ...(r.via === 'share' ? { access: r.access } : {}),
      })),
      usageUpdatedAt: usage.updatedAt,
    };
  }

  /** One bucket with its settings and the addresses clients use. */
  async detail(accountId: string, bucketId: string) {
    const row = await this.bucketsRepo.findLiveBucket(accountId, bucketId);
    if (!row) throw AppException.notFound();
    return this.toDetail(row);
  }

  /**
   * Creates the bucket on MinIO with its options and opens it to the account's keys. The name
   * is reserved in the database first (platform-wide uniqueness); any storage failure undoes
   * every step taken, so a retry starts from nothing.
   */
  async create(auth: AccountAuth, input: CreateBucketInput, meta: RequestMeta) {
    const problem = bucketNameProblem(input.name);
    if (problem) throw AppException.validation({ name: problem });
    if (input.defaultRetention && !input.objectLock) {
      throw AppException.validation({ defaultRetention: 'bucket_retention_needs_lock' });
    }
    // A public bucket would stay public after the grant ends.
    if (auth.kind === 'grant' && input.publicRead)
      throw AppException.forbidden('grant_persistent_access_not_allowed');
    const account = await this.provisioningRows.findAccount(auth.accountId);
    if (account?.status !== 'active') throw AppException.forbidden();
    const max = this.config.MAX_BUCKETS_PER_ACCOUNT;
    if ((await this.bucketsRepo.countLiveBuckets(auth.accountId)) >= max)
      throw AppException.conflict('bucket_limit_reached', { max });

    const versioning = input.versioning || input.objectLock;
    const lifecycleRules = normalizeLifecycleRules(input.lifecycleRules);
    const retention: Retention | null = input.defaultRetention ?? null;
    const row = await this.bucketsRepo.insertBucket({
      accountId: auth.accountId,
      name: input.name,
      versioning,
      publicRead: input.publicRead,
      objectLock: input.objectLock,
      lockMode: retention?.mode ?? null,
      lockRetentionDays: retention?.days ?? null,
      lifecycleRules,
      createdByUserId: auth.userId,
    });
    if (!row) throw AppException.conflict('bucket_name_taken');

    let createdOnMinio = false;
    try {
      await this.releaseNameFromFormerOwners(row.name, row.id);
      await this.createOnMinio(row.name, input.objectLock);
      createdOnMinio = true;
      // Object lock turns versioning on by itself (and it can never be suspended).
      if (versioning && !input.objectLock) {
        await this.s3.send(
          new PutBucketVersioningCommand({
            Bucket: row.name,
            VersioningConfiguration: { Status: 'Enabled' },
          }),
        );
      }
      if (input.objectLock && retention) await writeDefaultRetention(this.s3, row.name, retention);
      if (lifecycleRules.length > 0) await writeLifecycle(this.s3, row.name, lifecycleRules);
      if (input.publicRead) await writePublicRead(this.s3, row.name, true);
      // Each bucket keeps the account quota as its MinIO hard quota: a backstop under the
      // account-wide enforcement (docs/domains/storage.md, "Quotas").
      await this.storageAdmin.setBucketQuota(row.name, Number(account.quotaBytes));
      await this.provisioning.syncPolicy(auth.accountId);
    } catch (error) {
      await this.undoCreate(auth.accountId, row, createdOnMinio);
      if (error instanceof AppException) throw error;
      this.logger.warn(`bucket ${row.name} not created: ${(error as Error).message}`);
      throw new AppException(503, 'storage_unavailable');
    }

    await this.transactions.run(async (uow) => {
      await this.audit.byUser(
        auth,
        meta,
        {
          action: 'bucket.created',
          resourceType: 'bucket',
          resourceId: row.id,
          details: {
            name: row.name,
            versioning: row.versioning,
            publicRead: row.publicRead,
            objectLock: row.objectLock,
            defaultRetention: retention,
            lifecycleRules,
          },
        },
        uow.tx,
      );
      // Former owners' scoped keys are rewritten by its consumer (key-policies.consumer.ts).
      await this.events.publish(uow, 'bucket.created', {
        accountId: auth.accountId,
        bucketId: row.id,
        name: row.name,
      });
    });
    return toBucket(row, { sizeBytes: 0, objectCount: 0 });
  }

  /**
   * A bucket name freed by a deletion may be taken by anyone. Policies name buckets, so before the
   * name goes live again every account that once held it gets its account policy rewritten from its
   * live buckets. The deletion did that already unless MinIO failed at that moment; doing it again
   * here closes that window: if it cannot be done the create fails and is undone, so a stale grant
   * can never reach the new owner's bucket. (A service account never has more than its parent
   * user, so the account policy is the guard; the former owners' scoped keys, which may still name
   * the bucket, are rewritten after the create by the `bucket.created` consumer.)
   */
  private async releaseNameFromFormerOwners(name: string, newBucketId: string) {
    const former = await this.bucketsRepo.deletedBucketsNamed(name, newBucketId);
    for (const accountId of new Set(former.map((b) => b.accountId))) {
      await this.provisioning.syncPolicy(accountId);
    }
  }

  /**
   * CreateBucket; a bucket of that name already on MinIO without a live row is a leftover of a
   * create whose undo could not reach MinIO. It is replaced only when empty (a fresh create
   * must not inherit versioning or object lock); with content it is never touched.
   */
  private async createOnMinio(name: string, objectLock: boolean) {
    const create = () =>
      this.s3.send(
        new CreateBucketCommand({ Bucket: name, ObjectLockEnabledForBucket: objectLock || undefined }),
      );
    try {
      await create();
    } catch (error) {
      const code = (error as { name?: string }).name;
      if (code !== 'BucketAlreadyOwnedByYou' && code !== 'BucketAlreadyExists') throw error;
      const versions = await this.s3.send(new ListObjectVersionsCommand({ Bucket: name, MaxKeys: 1 }));
      if ((versions.Versions?.length ?? 0) + (versions.DeleteMarkers?.length ?? 0) > 0) {
        this.logger.error(`bucket ${name} exists on MinIO with content but has no live row`);
        throw AppException.conflict('bucket_name_taken');
      }
      this.logger.warn(`replacing leftover empty bucket ${name} on MinIO`);
      await this.s3.send(new DeleteBucketCommand({ Bucket: name }));
      await create();
    }
  }

  /** Turns versioning on, or suspends it (refused for object lock buckets). */
  async setVersioning(auth: AccountAuth, bucketId: string, enabled: boolean, meta: RequestMeta) {
    return this.changeSetting(auth, bucketId, meta, 'bucket.versioning_changed', async (row) => {
      if (!enabled && row.objectLock) throw AppException.conflict('bucket_versioning_locked');
      // Written even when the row already agrees: a retry repairs a MinIO that missed it.
      await this.s3.send(
        new PutBucketVersioningCommand({
          Bucket: row.name,
          VersioningConfiguration: { Status: enabled ? 'Enabled' : 'Suspended' },
        }),
      );
      return { versioning: enabled };
    });
  }

  async setPublicRead(auth: AccountAuth, bucketId: string, enabled: boolean, meta: RequestMeta) {
    return this.changeSetting(auth, bucketId, meta, 'bucket.public_read_changed', async (row) => {
      await writePublicRead(this.s3, row.name, enabled);
      return { publicRead: enabled };
    });
  }

  async setLifecycle(
    auth: AccountAuth,
    bucketId: string,
    input: Array<Omit<LifecycleRule, 'id'>>,
    meta: RequestMeta,
  ) {
    const rules = normalizeLifecycleRules(input);
    return this.changeSetting(auth, bucketId, meta, 'bucket.lifecycle_changed', async (row) => {
      await writeLifecycle(this.s3, row.name, rules);
      return { lifecycleRules: rules };
    });
  }

  /**
   * Changes the default retention of an object lock bucket (existing versions keep theirs).
   * MinIO enforces compliance retention on versions already written; lowering the default
   * only affects new versions.
   */
  async setDefaultRetention(
    auth: AccountAuth,
    bucketId: string,
    retention: Retention | null,
    meta: RequestMeta,
  ) {
    return this.changeSetting(auth, bucketId, meta, 'bucket.retention_changed', async (row) => {
      if (!row.objectLock) throw AppException.conflict('bucket_object_lock_off');
      await writeDefaultRetention(this.s3, row.name, retention);
      return { lockMode: retention?.mode ?? null, lockRetentionDays: retention?.days ?? null };
    });
  }

  /**
   * One settings change: under the bucket's row lock, MinIO first, then the row in the same
   * transaction. MinIO refusing or being down rolls the row back (503), so the database never
   * claims a setting MinIO does not have; repeating the same change is harmless.
   */
  private async changeSetting(
    auth: AccountAuth,
    bucketId: string,
    meta: RequestMeta,
    action: string,
    apply: (row: BucketRow) => Promise<Partial<BucketRow>>,
  ) {
    let result;
    try {
      result = await this.bucketsRepo.updateLocked(auth.accountId, bucketId, apply);
    } catch (error) {
      if (error instanceof AppException) throw error;
      this.logger.warn(`${action} on bucket ${bucketId} failed: ${(error as Error).message}`);
      throw new AppException(503, 'storage_unavailable');
    }
    if (!result) throw AppException.notFound();
    const { before, after } = result;
    await this.audit.byUser(auth, meta, {
      action,
      resourceType: 'bucket',
      resourceId: after.id,
      details: { name: after.name, before: settingsOf(before), after: settingsOf(after) },
    });
    return this.toDetail(after);
  }

  /**
   * Deletes an empty bucket; MinIO itself refuses a non-empty one (versions included), and the
   * answer explains how to empty it.
   */
  async remove(auth: AccountAuth, bucketId: string, meta: RequestMeta) {
    // Under the bucket's row lock, like every settings change: a change racing the delete waits,
    // then finds no bucket (404) instead of reaching MinIO for a bucket that is gone.
    const row = await this.transactions.run(async (uow) => {
      const row = await this.bucketsRepo.lockLive(auth.accountId, bucketId, uow.tx);
      if (!row) throw AppException.notFound();
      try {
        await this.s3.send(new DeleteBucketCommand({ Bucket: row.name }));
      } catch (error) {
        const name = (error as { name?: string }).name;
        if (name === 'BucketNotEmpty') throw await this.notEmpty(row);
        if (name !== 'NoSuchBucket') throw new AppException(503, 'storage_unavailable');
      }
      await this.bucketsRepo.markBucketDeleted(auth.accountId, row.id, uow.tx);
      await this.audit.byUser(
        auth,
        meta,
        { action: 'bucket.deleted', resourceType: 'bucket', resourceId: row.id, details: { name: row.name } },
        uow.tx,
      );
      // The account's scoped keys stop naming the bucket through its consumer (key-policies.consumer.ts).
      await this.events.publish(uow, 'bucket.deleted', {
        accountId: auth.accountId,
        bucketId: row.id,
        name: row.name,
      });
      return row;
    });
    try {
      await this.provisioning.syncPolicy(auth.accountId);
    } catch (error) {
      // The bucket is gone, so the stale line grants nothing today; before anyone reuses the name
      // the create rewrites it (releaseNameFromFormerOwners), and the reconciler does too.
      this.logger.warn(`policy sync after deleting ${row.name} failed: ${(error as Error).message}`);
    }
  }

  /** The 409 for a non-empty bucket, naming what is left (versions matter once versioning was on). */
  private async notEmpty(row: BucketRow) {
    if (row.objectLock) return AppException.conflict('bucket_not_empty_locked', { name: row.name });
    if (row.versioning) return AppException.conflict('bucket_not_empty_versions', { name: row.name });
    // Versioning may have been on and suspended since: older versions still count.
    try {
      const listed = await this.s3.send(new ListObjectVersionsCommand({ Bucket: row.name, MaxKeys: 50 }));
      const versioned = [...(listed.Versions ?? []), ...(listed.DeleteMarkers ?? [])].some(
        (v) => v.VersionId && v.VersionId !== 'null',
      );
      if (versioned) return AppException.conflict('bucket_not_empty_versions', { name: row.name });
    } catch {
      // The plain explanation is still right.
    }
    return AppException.conflict('bucket_not_empty', { name: row.name });
  }

  private async undoCreate(accountId: string, row: BucketRow, createdOnMinio: boolean) {
    try {
      if (createdOnMinio) await this.s3.send(new DeleteBucketCommand({ Bucket: row.name }));
    } catch (error) {
      // The empty leftover is replaced by the next create of this name (createOnMinio).
      this.logger.error(`could not remove half-created bucket ${row.name}: ${(error as Error).message}`);
    }
    await this.bucketsRepo.removeBucketRow(accountId, row.id);
  }

  /** Settings first: usage figures are best effort here (the settings page works without them). */
  private async toDetail(row: BucketRow) {
    let usage: Usage | undefined;
    let usageUpdatedAt: string | null = null;
    try {
      const measured = await this.usage.bucketUsage([row.name]);
      usage = measured.byBucket.get(row.name);
      usageUpdatedAt = measured.updatedAt;
    } catch {
      usage = undefined;
    }
    const endpoint = this.config.s3PublicEndpoint.replace(/\/+$/, '');
    const bucketUrl = `${endpoint}/${row.name}`;
    return {
      ...toBucket(row, usage),
      lifecycleRules: row.lifecycleRules as LifecycleRule[],
      usageUpdatedAt,
      connection: {
        s3Endpoint: endpoint,
        region: this.config.S3_REGION,
        bucketUrl,
        publicObjectUrlPattern: row.publicRead ? `${bucketUrl}/{key}` : null,
      },
    };
  }
}

function settingsOf(row: BucketRow) {
  return {
    versioning: row.versioning,
    publicRead: row.publicRead,
    defaultRetention: retentionOf(row),
    lifecycleRules: row.lifecycleRules,
  };
}

function retentionOf(row: BucketRow): Retention | null {
  return row.objectLock && row.lockMode && row.lockRetentionDays
    ? { mode: row.lockMode, days: row.lockRetentionDays }
    : null;
}

function toBucket(row: BucketRow, usage: Usage | undefined) {
  return {
    id: row.id,
    name: row.name,
    versioning: row.versioning,
    publicRead: row.publicRead,
    objectLock: row.objectLock,
    defaultRetention: retentionOf(row),
    lifecycleRuleCount: Array.isArray(row.lifecycleRules) ? row.lifecycleRules.length : 0,
    sizeBytes: usage?.sizeBytes ?? 0,
    objectCount: usage?.objectCount ?? 0,
    createdAt: row.createdAt.toISOString(),
  };
}
