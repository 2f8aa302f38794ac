import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppException } from '../../common/app-exception';
import type { Language } from '../../common/messages';
import { formatDocument } from '../accounts';
import { AuditService } from '../audit';
import { MailerService, rejectionEmail, welcomeEmail } from '../notifications';
import { ProvisioningService } from '../storage';
import type { RequestMeta } from '../../common/request-meta';
import type { StaffAuth } from '../../access/auth.types';
import { AccountReviewRepository } from './account-review.repository';
import type { z } from 'zod';
import type { AccountStatusSchema } from './account-review.dto';

type Row = NonNullable<Awaited<ReturnType<AccountReviewRepository['findWithOwner']>>>;

const gb = (bytes: bigint) => (Number(bytes) / 1e9).toLocaleString('pt-BR', { maximumFractionDigits: 1 });

/** Staff decisions on sign-ups: approve (provision storage, then activate) or reject. */
@Injectable()
export class AccountReviewService {
  constructor(
    private readonly reviews: AccountReviewRepository,
    private readonly provisioning: ProvisioningService,
    private readonly mailer: MailerService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(status: z.infer<typeof AccountStatusSchema> | undefined) {
    const rows = await this.reviews.list(status, 200);
    return { items: rows.map(toSummary) };
  }

  /**
   * Provisions first and activates only when every storage step succeeded. Retrying after a failure
   * completes the work; approving an account that is already active answers its state again.
   */
  async approve(staff: StaffAuth, accountId: string, meta: RequestMeta) {
    const row = await this.reviews.findWithOwner(accountId);
    if (!row) throw AppException.notFound();
    if (row.account.status === 'active') return { id: accountId, status: 'active' as const };
    if (row.account.status !== 'pending_approval') {
      throw AppException.conflict('account_not_pending', { status: row.account.status });
    }
    // Sign-ups may repeat a CPF/CNPJ (see SignupService.verify); only one account per document is approved.
    if (await this.reviews.documentApprovedElsewhere(accountId, row.account.document))
      throw AppException.conflict('document_taken');
    const { initialAccessKeyId } = await this.provisioning.provisionAccount(accountId);
    if (!(await this.decideActive(accountId, staff.staffId))) {
      const current = await this.reviews.findWithOwner(accountId);
      if (current?.account.status === 'active') return { id: accountId, status: 'active' as const };
      throw AppException.conflict('account_not_pending', { status: current?.account.status ?? 'unknown' });
    }
    await this.audit.byStaff(staff, meta, {
      accountId,
      action: 'account.approved',
      resourceType: 'account',
      resourceId: accountId,
      details: { initialAccessKeyId },
    });
    await this.mailer.enqueue(
      welcomeEmail({
        to: row.owner.email,
        name: row.owner.fullName,
        s3Endpoint: this.config.s3PublicEndpoint,
        region: this.config.S3_REGION,
        accessKeyId: initialAccessKeyId,
        quotaGb: gb(row.account.quotaBytes),
        transferGb: gb(row.plan.includedTransferBytes),
        lang: row.owner.language as Language,
        brand: this.brand,
      }),
    );
    return { id: accountId, status: 'active' as const };
  }

  /** The unique index still decides a race between two approvals of the same document. */
  private async decideActive(accountId: string, staffId: string) {
    try {
      return await this.reviews.decide(accountId, 'active', staffId, null);
    } catch (error) {
      const code =
        (error as { code?: string; cause?: { code?: string } }).cause?.code ??
        (error as { code?: string }).code;
      if (code === '23505') throw AppException.conflict('document_taken');
      throw error;
    }
  }

  async reject(staff: StaffAuth, accountId: string, reason: string, meta: RequestMeta) {
    const row = await this.reviews.findWithOwner(accountId);
    if (!row) throw AppException.notFound();
    if (row.account.status === 'rejected') return { id: accountId, status: 'rejected' as const };
    if (!(await this.reviews.decide(accountId, 'rejected', staff.staffId, reason))) {
      throw AppException.conflict('account_not_pending', { status: row.account.status });
    }
    await this.audit.byStaff(staff, meta, {
      accountId,
      action: 'account.rejected',
      resourceType: 'account',
      resourceId: accountId,
      details: { reason },
    });
    await this.mailer.enqueue(
      rejectionEmail({
        to: row.owner.email,
        name: row.owner.fullName,
        reason,
        lang: row.owner.language as Language,
        brand: this.brand,
      }),
    );
    return { id: accountId, status: 'rejected' as const };
  }

  private get brand() {
    return { name: this.config.BRAND_NAME, appUrl: this.config.APP_URL };
  }
}

function toSummary(row: Row & { documentInUse?: boolean }) {
  return {
    id: row.account.id,
    name: row.account.name,
    documentType: row.account.documentType,
    document: formatDocument(row.account.documentType, row.account.document),
    email: row.account.email,
    phone: row.account.phone,
    ownerName: row.owner.fullName,
    ownerEmail: row.owner.email,
    planName: row.plan.name,
    quotaBytes: Number(row.account.quotaBytes),
    status: row.account.status,
    rejectionReason: row.account.rejectionReason,
    documentInUse: Boolean(row.documentInUse),
    createdAt: row.account.createdAt.toISOString(),
  };
}
