import { Injectable } from '@nestjs/common';
import { AppException } from '../../common/app-exception';
import { randomToken, sha256Hex } from '../../common/crypto';
import { AuditService } from '../audit';
import { SESSION_POLICY } from '../identity';
import { accountAccessError } from '../../access/account-status';
import type { RequestMeta } from '../../common/request-meta';
import type { GrantAuth, StaffAuth } from '../../access/auth.types';
import { grantRole } from '../../access/effective-permissions';
import { GrantsRepository } from './grants.repository';
import { Clock } from '../../common/clock';

const TOUCH_INTERVAL = 60_000;

/**
 * "Entering" an account through a grant: a customer-side session (cookie csp_session) that belongs
 * to the staff member and the grant, never to a customer user. Everything is re-checked on every
 * request (grant window, revocation, staff status, account status), so an expired or revoked grant
 * denies the very next request.
 */
@Injectable()
export class GrantSessionService {
  constructor(
    private readonly grants: GrantsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * A grant's window is business time (the Clock), a session's expiry real time: the real instant
   * at which the grant ends is now plus what is left of the grant on the business clock.
   */
  private grantEndsInRealTime(endsAt: Date, now: Date) {
    return now.getTime() + (endsAt.getTime() - this.clock.now().getTime());
  }

  async enter(staff: StaffAuth, grantId: string, meta: RequestMeta) {
    const row = await this.grants.find(grantId, { staffId: staff.staffId });
    if (!row) throw AppException.notFound();
    const now = new Date();
    const businessNow = this.clock.now();
    const { grant, account } = row;
    if (grant.revokedAt || grant.startsAt > businessNow || grant.endsAt <= businessNow)
      throw AppException.forbidden('grant_inactive');
    const accountError = accountAccessError(account.status);
    if (accountError) throw AppException.forbidden(accountError);

    const token = randomToken(32);
    const cap = (ms: number) =>
      new Date(Math.min(now.getTime() + ms, this.grantEndsInRealTime(grant.endsAt, now)));
    await this.grants.createSession({
      tokenHash: sha256Hex(token),
      staffId: staff.staffId,
      grantId: grant.id,
      // Bound to the staff session: it ends with it (logout, expiry, force-logout).
      parentSessionId: staff.sessionId,
      ip: meta.ip,
      userAgent: meta.userAgent,
      remember: false,
      idleExpiresAt: cap(SESSION_POLICY.staff.idle),
      absoluteExpiresAt: cap(SESSION_POLICY.staff.absolute),
    });
    await this.audit.byStaff(staff, meta, {
      accountId: account.id,
      grantId: grant.id,
      action: 'grant.entered',
      resourceType: 'grant',
      resourceId: grant.id,
      details: { scope: grant.scope, kind: grant.kind },
    });
    return {
      token,
      body: {
        grantId: grant.id,
        account: { id: account.id, name: account.name },
        scope: grant.scope,
        endsAt: grant.endsAt.toISOString(),
      },
    };
  }

  /** The grant session behind a csp_session token, or null (not one, or no longer valid). */
  async resolve(token: string): Promise<GrantAuth | null> {
    const now = new Date();
    const row = await this.grants.findLiveGrantSession(sha256Hex(token), now, this.clock.now());
    if (!row || row.staff.status !== 'active') return null;
    if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL) {
      const idle = Math.min(
        now.getTime() + SESSION_POLICY.staff.idle,
        this.grantEndsInRealTime(row.grant.endsAt, now),
      );
      await this.grants.touchSession(
        { id: row.session.id, idleExpiresAt: new Date(idle) },
        { id: row.parentSessionId, idleExpiresAt: new Date(now.getTime() + SESSION_POLICY.staff.idle) },
        now,
      );
    }
    return {
      kind: 'grant',
      sessionId: row.session.id,
      userId: null,
      accountId: row.account.id,
      role: grantRole(row.grant.scope),
      staffId: row.staff.id,
      grantId: row.grant.id,
      grant: {
        scope: row.grant.scope,
        kind: row.grant.kind,
        endsAt: row.grant.endsAt,
        staffName: row.staff.fullName,
        staffEmail: row.staff.email,
        accountName: row.account.name,
        accountStatus: row.account.status,
      },
    };
  }
}
