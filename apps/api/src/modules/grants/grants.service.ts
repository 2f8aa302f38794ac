import { Injectable } from '@nestjs/common';
import { AppException } from '../../common/app-exception';
import type { MessageCode } from '../../common/messages';
import { AuditService } from '../audit';
import type { RequestMeta } from '../../common/request-meta';
import type { StaffAuth, UserAuth } from '../../access/auth.types';
import { grantStatus, GrantsRepository, type GrantStatusFilter } from './grants.repository';
import { Clock } from '../../common/clock';

const DAY = 24 * 60 * 60 * 1000;
/** A customer's "serviço assistido" lasts at most 30 days; partner windows at most a year. */
export const MAX_SUPPORT_GRANT_DAYS = 30;
export const MAX_PARTNER_GRANT_DAYS = 365;
/** Clock skew allowed for a start sent as "now" by the browser. */
const START_SKEW = 5 * 60 * 1000;
const LIST_LIMIT = 200;

type GrantRow = Awaited<ReturnType<GrantsRepository['list']>>[number];

interface PeriodInput {
  startsAt?: string;
  endsAt: string;
}

@Injectable()
export class GrantsService {
  constructor(
    private readonly grants: GrantsRepository,
    private readonly audit: AuditService,
    /** Grant windows are business time (ADR 0008). */
    private readonly clock: Clock,
  ) {}

  async supportStaff() {
    return { items: await this.grants.activeStaff(['support']) };
  }

  /** Super admins assign partners only: support enters an account only through the Owner's grant. */
  async assignableStaff() {
    return { items: await this.grants.activeStaff(['partner']) };
  }

  async listForAccount(accountId: string, status?: GrantStatusFilter) {
    const now = this.clock.now();
    const rows = await this.grants.list({ accountId, status, now, limit: LIST_LIMIT });
    return { items: rows.map((r) => toGrant(r, now)) };
  }

  async listForStaff(staffId: string, status?: GrantStatusFilter) {
    const now = this.clock.now();
    const rows = await this.grants.list({ staffId, status, now, limit: LIST_LIMIT });
    return { items: rows.map((r) => toGrant(r, now)) };
  }

  async listAll(filter: { accountId?: string; staffId?: string; status?: GrantStatusFilter }) {
    const now = this.clock.now();
    const rows = await this.grants.list({ ...filter, now, limit: LIST_LIMIT });
    return { items: rows.map((r) => toGrant(r, now)) };
  }

  /** The Owner lets a support staff member into the account for a period, with a scope and a reason. */
  async createSupportGrant(
    auth: UserAuth,
    input: { staffId: string; scope: 'read' | 'full'; reason: string } & PeriodInput,
    meta: RequestMeta,
  ) {
    const staff = await this.grants.findStaff(input.staffId);
    if (!staff || staff.status !== 'active' || staff.role !== 'support') {
      throw AppException.validation({ staffId: 'grant_staff_invalid' });
    }
    const { startsAt, endsAt } = period(input, MAX_SUPPORT_GRANT_DAYS, this.clock.now());
    const row = await this.grants.insert({
      accountId: auth.accountId,
      staffId: staff.id,
      kind: 'support',
      scope: input.scope,
      reason: input.reason,
      startsAt,
      endsAt,
      createdByUserId: auth.userId,
    });
    await this.audit.byUser(auth, meta, {
      action: 'grant.created',
      resourceType: 'grant',
      resourceId: row.id,
      details: {
        staff: staff.fullName,
        staffEmail: staff.email,
        kind: 'support',
        scope: input.scope,
        reason: input.reason,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
      },
    });
    return this.one(row.id, auth.accountId);
  }

  /**
   * A super admin assigns a partner to chosen accounts for a window. Never a support member: support
   * works inside an account only with the customer's consent, i.e. a grant its Owner created.
   */
  async assign(
    auth: StaffAuth,
    input: { staffId: string; accountIds: string[]; scope: 'read' | 'full'; reason: string } & PeriodInput,
    meta: RequestMeta,
  ) {
    const staff = await this.grants.findStaff(input.staffId);
    if (!staff || staff.status !== 'active' || staff.role !== 'partner') {
      throw AppException.validation({ staffId: 'grant_partner_invalid' });
    }
    const { startsAt, endsAt } = period(input, MAX_PARTNER_GRANT_DAYS, this.clock.now());
    const accountIds = [...new Set(input.accountIds)];
    for (const accountId of accountIds) {
      const account = await this.grants.findAccount(accountId);
      if (!account || (account.status !== 'active' && account.status !== 'read_only')) {
        throw AppException.validation({ accountIds: 'grant_account_invalid' });
      }
    }
    const ids: string[] = [];
    for (const accountId of accountIds) {
      const row = await this.grants.insert({
        accountId,
        staffId: staff.id,
        kind: 'partner',
        scope: input.scope,
        reason: input.reason,
        startsAt,
        endsAt,
        createdByStaffId: auth.staffId,
      });
      ids.push(row.id);
      await this.audit.byStaff(auth, meta, {
        accountId,
        action: 'grant.created',
        resourceType: 'grant',
        resourceId: row.id,
        details: {
          staff: staff.fullName,
          staffEmail: staff.email,
          kind: 'partner',
          scope: input.scope,
          reason: input.reason,
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
        },
      });
    }
    const now = this.clock.now();
    const rows = await this.grants.list({ now, limit: LIST_LIMIT, staffId: staff.id });
    return { items: rows.filter((r) => ids.includes(r.grant.id)).map((r) => toGrant(r, now)) };
  }

  /** Revocation takes effect on the next request: the guard checks the grant every time. */
  async revokeByOwner(auth: UserAuth, grantId: string, meta: RequestMeta) {
    const found = await this.grants.find(grantId, { accountId: auth.accountId });
    if (!found) throw AppException.notFound();
    if (await this.grants.revoke(grantId, auth.accountId, { userId: auth.userId }, this.clock.now())) {
      await this.audit.byUser(auth, meta, {
        action: 'grant.revoked',
        resourceType: 'grant',
        resourceId: grantId,
        details: { staffId: found.grant.staffId },
      });
    }
    return this.one(grantId, auth.accountId);
  }

  async revokeByStaff(auth: StaffAuth, grantId: string, meta: RequestMeta) {
    const found = await this.grants.find(grantId, {});
    if (!found) throw AppException.notFound();
    if (
      await this.grants.revoke(grantId, found.grant.accountId, { staffId: auth.staffId }, this.clock.now())
    ) {
      await this.audit.byStaff(auth, meta, {
        accountId: found.grant.accountId,
        action: 'grant.revoked',
        resourceType: 'grant',
        resourceId: grantId,
        details: { staffId: found.grant.staffId },
      });
    }
    const now = this.clock.now();
    const rows = await this.grants.list({ now, limit: LIST_LIMIT, accountId: found.grant.accountId });
    return toGrant(
      rows.find((r) => r.grant.id === grantId)!,
      now,
    );
  }

  private async one(grantId: string, accountId: string) {
    const now = this.clock.now();
    const rows = await this.grants.list({ accountId, now, limit: LIST_LIMIT });
    const row = rows.find((r) => r.grant.id === grantId);
    if (!row) throw AppException.notFound();
    return toGrant(row, now);
  }
}

function period(input: PeriodInput, maxDays: number, now: Date) {
  let startsAt = input.startsAt ? new Date(input.startsAt) : now;
  const endsAt = new Date(input.endsAt);
  const invalid = (field: string, code: MessageCode, params: Record<string, unknown> = {}) =>
    new AppException(400, 'validation_failed', params, { [field]: code });
  if (startsAt.getTime() < now.getTime() - START_SKEW) throw invalid('startsAt', 'grant_start_invalid');
  if (startsAt < now) startsAt = now;
  if (startsAt.getTime() > now.getTime() + maxDays * DAY) throw invalid('startsAt', 'grant_start_invalid');
  if (endsAt <= startsAt) throw invalid('endsAt', 'grant_period_invalid');
  if (endsAt.getTime() - startsAt.getTime() > maxDays * DAY + START_SKEW) {
    throw invalid('endsAt', 'grant_period_too_long', { days: maxDays });
  }
  return { startsAt, endsAt };
}

export function toGrant(row: GrantRow, now: Date) {
  const { grant } = row;
  return {
    id: grant.id,
    account: row.account,
    staff: row.staff,
    kind: grant.kind,
    scope: grant.scope,
    reason: grant.reason,
    startsAt: grant.startsAt.toISOString(),
    endsAt: grant.endsAt.toISOString(),
    status: grantStatus(grant, now),
    createdAt: grant.createdAt.toISOString(),
    createdBy: row.createdByUserName ?? row.createdByStaffName ?? null,
    revokedAt: grant.revokedAt?.toISOString() ?? null,
    actionCount: Number(row.actionCount),
  };
}
