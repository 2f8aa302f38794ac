import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppException } from '../../common/app-exception';
import { ProvisioningRepository } from './provisioning/provisioning.repository';
import { BucketsRepository } from './buckets/buckets.repository';
import { AccessKeysRepository } from './access-keys/access-keys.repository';
import { UsageService } from './quota/usage.service';

@Injectable()
export class DashboardService {
  constructor(
    private readonly provisioningRows: ProvisioningRepository,
    private readonly bucketRows: BucketsRepository,
    private readonly keyRows: AccessKeysRepository,
    private readonly usage: UsageService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Usage is the sum of the account's buckets as MinIO reports them; the quota is the account's. */
  async get(accountId: string) {
    const account = await this.provisioningRows.findAccount(accountId);
    if (!account) throw AppException.notFound();
    const buckets = await this.bucketRows.liveBuckets(accountId);
    const keys = await this.keyRows.listAccessKeys(accountId);
    const usage = await this.usage.bucketUsage(buckets.map((b) => b.name));
    const usedBytes = [...usage.byBucket.values()].reduce((sum, b) => sum + b.sizeBytes, 0);
    const quotaBytes = Number(account.quotaBytes);
    return {
      usedBytes,
      quotaBytes,
      usagePercent: quotaBytes > 0 ? Math.round((usedBytes / quotaBytes) * 1000) / 10 : 0,
      bucketCount: buckets.length,
      accessKeyCount: keys.filter((k) => k.provisioned && k.status === 'active').length,
      usageUpdatedAt: usage.updatedAt,
      writesBlocked: account.writesBlockedAt !== null,
      writesBlockedAt: account.writesBlockedAt?.toISOString() ?? null,
      measuredAt: account.usageMeasuredAt?.toISOString() ?? null,
      s3Endpoint: this.config.s3PublicEndpoint,
      region: this.config.S3_REGION,
    };
  }
}
