import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AppException } from '../../../common/app-exception';
import type { Language } from '../../../common/messages';
import { AuditService } from '../../audit';
import { MailerService } from '../../notifications';
import type { RequestMeta } from '../../../common/request-meta';
import type { StaffAuth, UserAuth } from '../../../access/auth.types';
import { QuotaEnforcementService } from './quota-enforcement.service';
import { quotaDecisionEmail } from './quota-emails';
import { GB, type CreateQuotaRequestInput } from './quota.dto';
import { QuotaRepository, type QuotaRequestStatus } from './quota.repository';
import { InjectStorageAdmin } from '../storage.clients';
import type { StorageAdmin } from '../storage-admin.port';

type RequestRow = NonNullable<Awaited<ReturnType<QuotaRepository['findRequest']>>>;

/**
 * Quota change requests (PRD QuotaChangeRequest): the Owner asks, staff decide; staff may also set
 * an account's quota directly. A quota change reaches MinIO (each bucket's hard quota, the
 * backstop) before it is committed, and the write block is re-evaluated at once.
 */
@Injectable()
export class QuotaService {
  private readonly logger = new Logger('Quota');

  constructor(
    private readonly quotas: QuotaRepository,
    private readonly enforcement: QuotaEnforcementService,
    private readonly audit: AuditService,
    private readonly mailer: MailerService,
    @InjectStorageAdmin() private readonly storageAdmin: StorageAdmin,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ------------------------------------------------------------------ customer

  async overview(accountId: string) {
    const account = await this.quotas.findAccount(accountId);
    if (!account) throw AppException.notFound();
    const rows = await this.quotas.listForAccount(accountId, 100);
    const items = rows.map((r) => toRequest(r.request, r.requestedBy, r.decidedBy));
    return {
      quotaBytes: Number(account.quotaBytes),
      usageBytes: account.usageBytes === null ? null : Number(account.usageBytes),
      usageMeasuredAt: account.usageMeasuredAt?.toISOString() ?? null,
      writesBlocked: account.writesBlockedAt !== null,
      writesBlockedAt: account.writesBlockedAt?.toISOString() ?? null,
      pending: items.find((i) => i.status === 'pending') ?? null,
      items,
    };
  }

  async request(auth: UserAuth, input: CreateQuotaRequestInput, meta: RequestMeta) {
    const account = await this.quotas.findAccount(auth.accountId);
    if (!account) throw AppException.notFound();
    if (account.status !== 'active') throw AppException.conflict('quota_account_inactive');
    const requestedBytes = BigInt(input.requestedGb) * BigInt(GB);
    if (requestedBytes === account.quotaBytes) {
      throw AppException.badRequest('quota_request_same', { gb: input.requestedGb });
    }
    const row = await this.quotas.insertRequest({
      accountId: auth.accountId,
      requestedByUserId: auth.userId,
      currentBytes: account.quotaBytes,
      requestedBytes,
      reason: input.reason,
    });
    if (!row) throw AppException.conflict('quota_request_pending');
    await this.audit.byUser(auth, meta, {
      action: 'quota_request.created',
      resourceType: 'quota_request',
      resourceId: row.id,
      details: { currentBytes: Number(row.currentBytes), requestedBytes: Number(row.requestedBytes) },
    });
    return toRequest(row, null, null);
  }

  async cancel(auth: UserAuth, requestId: string, meta: RequestMeta) {
    const row = await this.quotas.findForAccount(auth.accountId, requestId);
    if (!row) throw AppException.notFound();
    if (!(await this.quotas.cancel(auth.accountId, requestId))) {
      const current = await this.quotas.findForAccount(auth.accountId, requestId);
      throw AppException.conflict('quota_request_not_pending', { status: current?.status ?? row.status });
    }
    await this.audit.byUser(auth, meta, {
      action: 'quota_request.canceled',
      resourceType: 'quota_request',
      resourceId: row.id,
      details: { requestedBytes: Number(row.requestedBytes) },
    });
    const updated = await this.quotas.findForAccount(auth.accountId, requestId);
    return toRequest(updated!, null, null);
  }

  // ------------------------------------------------------------------ staff

  async listForStaff(status: QuotaRequestStatus | undefined, requestId?: string) {
    const rows = await this.quotas.listForStaff({ status, requestId }, 200);
    return {
      items: rows.map((r) => ({
        ...toRequest(r.request, r.requestedBy, r.decidedBy),
        accountId: r.request.accountId,
        accountName: r.accountName,
        accountQuotaBytes: Number(r.accountQuotaBytes),
        accountUsageBytes: r.accountUsageBytes === null ? null : Number(r.accountUsageBytes),
        accountWritesBlocked: r.accountWritesBlockedAt !== null,
      })),
    };
  }

  /** Approval sets the requested quota (MinIO first), then lifts or applies the block at once. */
  async approve(staff: StaffAuth, requestId: string, reason: string | null, meta: RequestMeta) {
    const decided = await this.decide(staff, requestId, 'approved', reason);
    await this.audit.byStaff(staff, meta, {
      accountId: decided.accountId,
      action: 'quota_request.approved',
      resourceType: 'quota_request',
      resourceId: requestId,
      details: {
        previousBytes: Number(decided.previousBytes),
        quotaBytes: Number(decided.request.requestedBytes),
        reason,
      },
    });
    await this.afterQuotaChange(decided.accountId);
    await this.notify(
      decided.accountId,
      'approved',
      decided.request.requestedBytes,
      decided.request.requestedBytes,
      reason,
    );
    return this.staffView(requestId);
  }

  async reject(staff: StaffAuth, requestId: string, reason: string, meta: RequestMeta) {
    const decided = await this.decide(staff, requestId, 'rejected', reason);
    await this.audit.byStaff(staff, meta, {
      accountId: decided.accountId,
      action: 'quota_request.rejected',
      resourceType: 'quota_request',
      resourceId: requestId,
      details: { requestedBytes: Number(decided.request.requestedBytes), reason },
    });
    await this.notify(
      decided.accountId,
      'rejected',
      decided.request.requestedBytes,
      decided.previousBytes,
      reason,
    );
    return this.staffView(requestId);
  }

  /** "Ajustar quota manualmente" (PRD 4.2): a super admin sets the quota of any active account. */
  async setQuota(
    staff: StaffAuth,
    accountId: string,
    input: { quotaGb: number; reason: string },
    meta: RequestMeta,
  ) {
    const quotaBytes = BigInt(input.quotaGb) * BigInt(GB);
    const previous = await this.quotas.transaction(async (tx) => {
      const account = await this.quotas.lockAccount(tx, accountId);
      if (!account) throw AppException.notFound();
      if (account.status !== 'active') throw AppException.conflict('quota_account_inactive');
      if (account.quotaBytes !== quotaBytes) {
        await this.setBucketQuotas(accountId, quotaBytes, account.quotaBytes);
        await this.quotas.setQuota(tx, accountId, quotaBytes);
      }
      return account.quotaBytes;
    });
    if (previous !== quotaBytes) {
      await this.audit.byStaff(staff, meta, {
        accountId,
        action: 'account.quota_changed',
        resourceType: 'account',
        resourceId: accountId,
        details: { previousBytes: Number(previous), quotaBytes: Number(quotaBytes), reason: input.reason },
      });
      await this.afterQuotaChange(accountId);
      await this.notify(accountId, 'changed', quotaBytes, quotaBytes, input.reason);
    }
    const account = await this.quotas.findAccount(accountId);
    return {
      accountId,
      quotaBytes: Number(account!.quotaBytes),
      usageBytes: account!.usageBytes === null ? null : Number(account!.usageBytes),
      writesBlocked: account!.writesBlockedAt !== null,
    };
  }

  // ------------------------------------------------------------------ internals

  /**
   * Decides a pending request with its row and the account row locked. An approval sets every
   * bucket's MinIO hard quota before the new quota is committed; if MinIO fails, the buckets get the
   * old quota back, nothing is committed, and the request stays pending (503).
   */
  private async decide(
    staff: StaffAuth,
    requestId: string,
    status: 'approved' | 'rejected',
    reason: string | null,
  ) {
    return this.quotas.transaction(async (tx) => {
      const locked = await this.quotas.lockRequest(tx, requestId);
      if (!locked) throw AppException.notFound();
      if (locked.status !== 'pending') {
        throw AppException.conflict('quota_request_not_pending', { status: locked.status });
      }
      const account = await this.quotas.lockAccount(tx, locked.accountId);
      if (!account) throw AppException.notFound();
      const request = (await this.quotas.findRequest(requestId, tx))!;
      if (status === 'approved') {
        if (account.status !== 'active') throw AppException.conflict('quota_account_inactive');
        if (request.requestedBytes !== account.quotaBytes) {
          await this.setBucketQuotas(locked.accountId, request.requestedBytes, account.quotaBytes);
          await this.quotas.setQuota(tx, locked.accountId, request.requestedBytes);
        }
      }
      await this.quotas.decide(tx, requestId, { status, staffId: staff.staffId, reason });
      return { accountId: locked.accountId, previousBytes: account.quotaBytes, request };
    });
  }

  /** Every live bucket's hard quota = the account quota (a backstop behind the account-wide block). */
  private async setBucketQuotas(accountId: string, quotaBytes: bigint, previousBytes: bigint) {
    const names = await this.quotas.accountBucketNames(accountId);
    const done: string[] = [];
    try {
      for (const name of names) {
        await this.storageAdmin.setBucketQuota(name, Number(quotaBytes));
        done.push(name);
      }
    } catch (error) {
      this.logger.warn(`bucket quotas of ${accountId} not updated: ${(error as Error).message}`);
      for (const name of done) {
        await this.storageAdmin
          .setBucketQuota(name, Number(previousBytes))
          .catch((e: Error) => this.logger.error(`bucket ${name} keeps the new quota: ${e.message}`));
      }
      throw new AppException(503, 'storage_unavailable');
    }
  }

  /** Applies or lifts the write block for the new quota now; the periodic check retries on failure. */
  private async afterQuotaChange(accountId: string) {
    try {
      await this.enforcement.enforceAccount(accountId);
    } catch (error) {
      this.logger.warn(
        `quota re-check of ${accountId} deferred to the next pass: ${(error as Error).message}`,
      );
    }
  }

  private async notify(
    accountId: string,
    outcome: 'approved' | 'rejected' | 'changed',
    requestedBytes: bigint,
    quotaBytes: bigint,
    reason: string | null,
  ) {
    const owner = await this.quotas.findOwner(accountId);
    if (!owner) return;
    await this.mailer.enqueue(
      quotaDecisionEmail({
        to: owner.email,
        name: owner.fullName,
        outcome,
        requestedBytes,
        quotaBytes,
        reason,
        lang: owner.language as Language,
        brand: { name: this.config.BRAND_NAME, appUrl: this.config.APP_URL },
      }),
    );
  }

  private async staffView(requestId: string) {
    const { items } = await this.listForStaff(undefined, requestId);
    return items[0];
  }
}

function toRequest(row: RequestRow, requestedBy: string | null, decidedBy: string | null) {
  return {
    id: row.id,
    currentBytes: Number(row.currentBytes),
    requestedBytes: Number(row.requestedBytes),
    reason: row.reason,
    status: row.status,
    requestedByName: requestedBy,
    decidedByName: decidedBy,
    decisionReason: row.decisionReason,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
