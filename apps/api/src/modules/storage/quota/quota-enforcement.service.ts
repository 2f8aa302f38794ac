import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DataUsageInfo } from '@csp/minio-admin';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import type { Language } from '../../../common/messages';
import { AuditService } from '../../audit';
import { MailerService } from '../../notifications';
import { ProvisioningService } from '../provisioning/provisioning.service';
import { writesBlockedEmail } from './quota-emails';
import { QuotaRepository } from './quota.repository';
import { InjectStorageAdmin } from '../storage.clients';
import type { StorageAdmin } from '../storage-admin.port';

export interface QuotaTickResult {
  /** False when MinIO's scanner has not produced usage data yet (nothing was changed). */
  measured: boolean;
  accounts: number;
  blocked: number;
  unblocked: number;
  failed: number;
  /** When the scanner data used was produced. */
  measuredAt: string | null;
}

/** What one account's evaluation did. */
export type Transition = 'blocked' | 'unblocked' | 'unchanged';

interface UsageSnapshot {
  info: DataUsageInfo;
  measuredAt: Date;
}

/**
 * Account-wide quota enforcement. Usage is the sum of the account's live buckets in MinIO's
 * scanner data (`datausageinfo`, read once per pass). At or over the quota the account's writes are
 * blocked: `accounts.writes_blocked_at` is set and the tenant policy becomes read-and-delete for
 * every key at once (ProvisioningService.syncPolicy reads the flag); below it the block is lifted.
 * Each transition is written to the database first and then to MinIO; if MinIO refuses, the
 * database is put back so the next pass retries the same transition (no half-state).
 */
@Injectable()
export class QuotaEnforcementService {
  private readonly logger = new Logger('QuotaEnforcement');

  constructor(
    private readonly quotas: QuotaRepository,
    private readonly provisioning: ProvisioningService,
    private readonly audit: AuditService,
    private readonly mailer: MailerService,
    @InjectStorageAdmin() private readonly storageAdmin: StorageAdmin,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One pass over every active account. Throws only when MinIO's usage data cannot be read. */
  async tick(): Promise<QuotaTickResult> {
    const snapshot = await this.snapshot();
    const result: QuotaTickResult = {
      measured: snapshot !== null,
      accounts: 0,
      blocked: 0,
      unblocked: 0,
      failed: 0,
      measuredAt: snapshot?.measuredAt.toISOString() ?? null,
    };
    if (!snapshot) return result;
    const accounts = await this.quotas.activeAccountsWithBuckets();
    for (const [accountId, bucketNames] of accounts) {
      result.accounts += 1;
      try {
        const transition = await this.apply(
          accountId,
          usageOf(snapshot.info, bucketNames),
          snapshot.measuredAt,
        );
        if (transition === 'blocked') result.blocked += 1;
        if (transition === 'unblocked') result.unblocked += 1;
      } catch (error) {
        result.failed += 1;
        this.logger.warn(`quota check of ${accountId} failed: ${(error as Error).message}`);
      }
    }
    return result;
  }

  /**
   * Evaluates one account now (after its quota changed): fresh scanner data, current quota. Null
   * when there is no scanner data yet or the account is not active.
   */
  async enforceAccount(accountId: string): Promise<Transition | null> {
    const snapshot = await this.snapshot();
    if (!snapshot) return null;
    const bucketNames = await this.quotas.accountBucketNames(accountId);
    return this.apply(accountId, usageOf(snapshot.info, bucketNames), snapshot.measuredAt);
  }

  private async snapshot(): Promise<UsageSnapshot | null> {
    const info = await this.storageAdmin.dataUsageInfo();
    const measuredAt = info.lastUpdate instanceof Date ? info.lastUpdate : new Date(info.lastUpdate);
    // Before the scanner's first cycle MinIO reports a zero time and no buckets: every account
    // would look empty, so nothing may be decided from it.
    if (Number.isNaN(measuredAt.getTime()) || measuredAt.getFullYear() < 2000) return null;
    return { info, measuredAt };
  }

  private async apply(accountId: string, usageBytes: number, measuredAt: Date): Promise<Transition | null> {
    const m = await this.quotas.recordMeasurement(accountId, usageBytes, measuredAt);
    if (!m) return null;
    const transition: Transition =
      !m.wasBlockedAt && m.blockedAt ? 'blocked' : m.wasBlockedAt && !m.blockedAt ? 'unblocked' : 'unchanged';
    if (transition === 'unchanged') return transition;

    try {
      await this.provisioning.syncPolicy(accountId);
    } catch (error) {
      await this.quotas.revertBlock(accountId, m.blockedAt, m.wasBlockedAt);
      throw error;
    }

    const details = { usageBytes, quotaBytes: Number(m.quotaBytes), measuredAt: measuredAt.toISOString() };
    await this.audit.record({
      accountId,
      actor: { type: 'system' },
      action: transition === 'blocked' ? 'account.writes_blocked' : 'account.writes_unblocked',
      resourceType: 'account',
      resourceId: accountId,
      details,
    });
    this.logger.log(`account ${accountId} ${transition} (${usageBytes} of ${m.quotaBytes} bytes)`);
    if (transition === 'blocked') await this.notifyBlocked(accountId, usageBytes, m.quotaBytes);
    return transition;
  }

  private async notifyBlocked(accountId: string, usageBytes: number, quotaBytes: bigint) {
    const owner = await this.quotas.findOwner(accountId);
    if (!owner) return;
    await this.mailer.enqueue(
      writesBlockedEmail({
        to: owner.email,
        name: owner.fullName,
        usageBytes,
        quotaBytes,
        lang: owner.language as Language,
        brand: { name: this.config.BRAND_NAME, appUrl: this.config.APP_URL },
      }),
    );
  }
}

/** Stored bytes of the named buckets (all versions), as the scanner last saw them. */
export function usageOf(info: DataUsageInfo, bucketNames: string[]): number {
  let total = 0;
  for (const name of bucketNames) total += Number(info.bucketsUsageInfo?.[name]?.size ?? 0);
  return total;
}
