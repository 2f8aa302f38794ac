import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppException } from '../../common/app-exception';
import { randomToken, sha256Hex } from '../../common/crypto';
import type { Language } from '../../common/messages';
import { RateLimitService } from '../../common/rate-limit.service';
import { AuditService } from '../audit';
import { LoginSecurityService, SessionService, hashPassword, verifyPassword } from '../identity';
import { MailerService } from '../notifications';
import { accountAccessError } from '../../access/account-status';
import type { RequestMeta } from '../../common/request-meta';
import type { UserAuth } from '../../access/auth.types';
import { ResourceAccessService } from '../../access/resource-access.service';
import { invitationEmail } from './invitation-email';
import type { CreateInvitationInput, MemberQuery, MemberRole } from './team.dto';
import { TeamRepository, type BucketGrant } from './team.repository';

export const INVITATION_TTL_MS = 7 * 24 * 3600_000;
const RESEND_INTERVAL_S = 60;
const MAX_SENDS = 5;

type InvitationRow = NonNullable<Awaited<ReturnType<TeamRepository['findOpenInvitation']>>>;
type UserRow = NonNullable<Awaited<ReturnType<TeamRepository['findMember']>>>;

/**
 * Team management (PRD 4.3): invitations, roles, deactivation, removal, ownership. Every method
 * takes the caller's auth: the tenant is `auth.accountId`, and a member or invitation of another
 * account is simply not found.
 */
@Injectable()
export class TeamService {
  constructor(
    private readonly team: TeamRepository,
    private readonly sessions: SessionService,
    private readonly loginSecurity: LoginSecurityService,
    private readonly mailer: MailerService,
    private readonly rateLimits: RateLimitService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: ResourceAccessService,
  ) {}

  // ---- Members ----

  async listMembers(auth: UserAuth, query: Partial<MemberQuery> & { userId?: string }) {
    const limit = query.limit ?? 100;
    const offset = query.offset ?? 0;
    const found = await this.team.listMembers(auth.accountId, query, { limit: limit + 1, offset });
    const rows = found.slice(0, limit);
    const shared = await this.team.sharedBuckets(
      auth.accountId,
      rows.filter((r) => r.user.role === 'external_client').map((r) => r.user.id),
    );
    return {
      items: rows.map(({ user, lastSeenAt }) => {
        const last = [user.lastLoginAt, lastSeenAt ? new Date(lastSeenAt) : null]
          .filter((d): d is Date => d !== null)
          .sort((a, b) => b.getTime() - a.getTime())[0];
        return {
          id: user.id,
          fullName: user.fullName,
          email: user.email,
          role: user.role,
          status: user.status,
          lastAccessAt: last ? last.toISOString() : null,
          createdAt: user.createdAt.toISOString(),
          isYou: user.id === auth.userId,
          buckets: shared.get(user.id) ?? [],
        };
      }),
      nextOffset: found.length > limit ? offset + limit : null,
    };
  }

  /** The owner is changed only by a transfer; nobody acts on themselves through these routes. */
  private async manageableMember(auth: UserAuth, userId: string): Promise<UserRow> {
    const member = await this.team.findMember(auth.accountId, userId);
    if (!member) throw AppException.notFound();
    if (member.id === auth.userId) throw AppException.badRequest('team_cannot_target_self');
    if (member.role === 'owner') throw AppException.conflict('team_owner_immutable');
    return member;
  }

  async changeRole(
    auth: UserAuth,
    userId: string,
    input: { role: MemberRole; buckets?: BucketGrant[] },
    meta: RequestMeta,
  ) {
    const member = await this.manageableMember(auth, userId);
    if (input.role !== 'external_client' && input.buckets?.length)
      throw AppException.validation({ buckets: 'team_buckets_only_external' });
    const grants = input.role === 'external_client' ? (input.buckets ?? []) : [];
    await this.assertAccountBuckets(auth, grants);
    await this.team.transaction(async (tx) => {
      await this.team.setRole(tx, auth.accountId, member.id, input.role);
      // Shared buckets mean something only for external clients; account roles see every bucket.
      if (input.role === 'external_client' || member.role === 'external_client')
        await this.team.replaceBucketAccess(tx, auth.accountId, member.id, grants);
    });
    // A privilege change: the member's sessions end, the next sign-in gets a new token.
    const sessionsEnded = await this.sessions.endAllSessionsOfUser(member.id);
    await this.audit.byUser(auth, meta, {
      action: 'team.member_role_changed',
      resourceType: 'user',
      resourceId: member.id,
      details: { before: member.role, after: input.role, buckets: grants, sessionsEnded },
    });
    return this.memberView(auth, member.id);
  }

  async setBucketAccess(auth: UserAuth, userId: string, grants: BucketGrant[], meta: RequestMeta) {
    const member = await this.manageableMember(auth, userId);
    if (member.role !== 'external_client')
      throw AppException.validation({ buckets: 'team_buckets_only_external' });
    await this.assertAccountBuckets(auth, grants);
    const before = (await this.team.sharedBuckets(auth.accountId, [member.id])).get(member.id) ?? [];
    await this.team.transaction((tx) => this.team.replaceBucketAccess(tx, auth.accountId, member.id, grants));
    await this.audit.byUser(auth, meta, {
      action: 'team.member_buckets_changed',
      resourceType: 'user',
      resourceId: member.id,
      details: { before: before.map((b) => ({ bucketId: b.bucketId, access: b.access })), after: grants },
    });
    return this.memberView(auth, member.id);
  }

  /** Disabled at once: the guard refuses the user, and every session ends now. */
  async deactivate(auth: UserAuth, userId: string, meta: RequestMeta) {
    const member = await this.manageableMember(auth, userId);
    await this.team.setStatus(auth.accountId, member.id, 'disabled');
    const ended = await this.sessions.endAllSessionsOfUser(member.id);
    await this.audit.byUser(auth, meta, {
      action: 'team.member_deactivated',
      resourceType: 'user',
      resourceId: member.id,
      details: { sessionsEnded: ended },
    });
    return this.memberView(auth, member.id);
  }

  async reactivate(auth: UserAuth, userId: string, meta: RequestMeta) {
    const member = await this.manageableMember(auth, userId);
    await this.team.setStatus(auth.accountId, member.id, 'active');
    await this.audit.byUser(auth, meta, {
      action: 'team.member_reactivated',
      resourceType: 'user',
      resourceId: member.id,
    });
    return this.memberView(auth, member.id);
  }

  /**
   * Removal keeps the row for history (audit entries, buckets and keys name their author) but
   * disables it, ends its sessions, drops its shared buckets and releases the e-mail address.
   */
  async remove(auth: UserAuth, userId: string, meta: RequestMeta) {
    const member = await this.manageableMember(auth, userId);
    await this.team.markRemoved(auth.accountId, member.id);
    const ended = await this.sessions.endAllSessionsOfUser(member.id);
    await this.audit.byUser(auth, meta, {
      action: 'team.member_removed',
      resourceType: 'user',
      resourceId: member.id,
      details: { email: member.email, fullName: member.fullName, role: member.role, sessionsEnded: ended },
    });
  }

  async forceLogout(auth: UserAuth, userId: string, meta: RequestMeta) {
    const member = await this.team.findMember(auth.accountId, userId);
    if (!member) throw AppException.notFound();
    if (member.id === auth.userId) throw AppException.badRequest('team_cannot_target_self');
    const ended = await this.sessions.endAllSessionsOfUser(member.id);
    await this.audit.byUser(auth, meta, {
      action: 'team.member_sessions_ended',
      resourceType: 'user',
      resourceId: member.id,
      details: { sessionsEnded: ended },
    });
    return { sessionsEnded: ended };
  }

  /**
   * Owner -> an active admin, in one transaction: the old owner becomes admin first, so the
   * one-owner-per-account unique index holds at every step. Confirmed with the owner's password.
   */
  async transferOwnership(auth: UserAuth, userId: string, password: string, meta: RequestMeta) {
    const target = await this.team.findMember(auth.accountId, userId);
    if (!target) throw AppException.notFound();
    if (target.id === auth.userId) throw AppException.badRequest('team_cannot_target_self');
    await this.team.transaction(async (tx) => {
      const owner = await this.team.findOwner(tx, auth.accountId);
      if (owner?.id !== auth.userId) throw AppException.forbidden();
      await this.loginSecurity.reauthenticate('user', owner.id, async () =>
        (await verifyPassword(owner.passwordHash, password)) ? null : 'team_password_confirm_invalid',
      );
      const locked = await this.team.lockMember(tx, auth.accountId, target.id);
      if (locked?.role !== 'admin' || locked.status !== 'active')
        throw AppException.conflict('team_transfer_target_invalid');
      await this.team.setRole(tx, auth.accountId, owner.id, 'admin');
      await this.team.setRole(tx, auth.accountId, locked.id, 'owner');
      await this.audit.record(
        {
          accountId: auth.accountId,
          actor: { type: 'user', id: auth.userId },
          action: 'team.ownership_transferred',
          resourceType: 'user',
          resourceId: locked.id,
          details: { from: owner.id, to: locked.id },
          ip: meta.ip,
          userAgent: meta.userAgent,
        },
        tx,
      );
    });
    // The new owner's privileges grew: their sessions end (the old owner's only shrank).
    await this.sessions.endAllSessionsOfUser(target.id);
    return this.memberView(auth, target.id);
  }

  private async memberView(auth: UserAuth, userId: string) {
    const { items } = await this.listMembers(auth, { userId, limit: 1 });
    const member = items.find((m) => m.id === userId);
    if (!member) throw AppException.notFound();
    return member;
  }

  /** Every bucket of a share must be one the caller reaches (ResourceAccessService). */
  private async assertAccountBuckets(auth: UserAuth, grants: BucketGrant[]) {
    const reach = await this.access.buckets(
      auth,
      'see',
      grants.map((g) => g.bucketId),
    );
    if (grants.some((g) => !reach.has(g.bucketId.toLowerCase())))
      throw AppException.validation({ buckets: 'team_bucket_unknown' });
  }

  // ---- Invitations ----

  async listInvitations(auth: UserAuth) {
    const rows = await this.team.openInvitations(auth.accountId);
    const names = await this.team.bucketNames(
      auth.accountId,
      rows.flatMap((r) => r.invitation.bucketAccess.map((b) => b.bucketId)),
    );
    const now = Date.now();
    return {
      items: rows.map(({ invitation, invitedByName }) => ({
        id: invitation.id,
        email: invitation.email,
        role: invitation.role,
        status: invitation.expiresAt.getTime() > now ? ('pending' as const) : ('expired' as const),
        expiresAt: invitation.expiresAt.toISOString(),
        sendCount: invitation.sendCount,
        lastSentAt: invitation.lastSentAt.toISOString(),
        invitedByName,
        buckets: invitation.bucketAccess
          .filter((b) => names.has(b.bucketId))
          .map((b) => ({ bucketId: b.bucketId, name: names.get(b.bucketId)!, access: b.access })),
        createdAt: invitation.createdAt.toISOString(),
      })),
    };
  }

  async invite(auth: UserAuth, input: CreateInvitationInput, meta: RequestMeta, lang: Language) {
    if (input.role === 'external_client' && input.buckets.length === 0)
      throw AppException.validation({ buckets: 'team_buckets_required' });
    if (input.role !== 'external_client' && input.buckets.length > 0)
      throw AppException.validation({ buckets: 'team_buckets_only_external' });
    await this.assertAccountBuckets(auth, input.buckets);
    await this.rateLimits.hit(`team:invite:account:${auth.accountId}`, 30, 3600);
    // Only this account's own members are refused here (the Owner sees them anyway). An address
    // used in another account is invited like any other, so the answer says nothing about other
    // accounts; the invitee learns it at acceptance, which only the mailbox's owner can reach.
    if (await this.team.emailIsMember(auth.accountId, input.email))
      throw AppException.conflict('team_email_is_member');

    const token = randomToken(32);
    const row = await this.team.insertInvitation({
      accountId: auth.accountId,
      email: input.email,
      role: input.role,
      tokenHash: sha256Hex(token),
      invitedByUserId: auth.userId,
      bucketAccess: input.buckets,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
    if (!row) throw AppException.conflict('team_invitation_open');
    await this.sendInvitation(auth, row, token, lang);
    await this.audit.byUser(auth, meta, {
      action: 'team.invitation_created',
      resourceType: 'invitation',
      resourceId: row.id,
      details: { email: row.email, role: row.role, buckets: row.bucketAccess },
    });
    return this.invitationView(auth, row.id);
  }

  /** A new link (the previous one stops working) valid 7 more days; once a minute, 5 sends in all. */
  async resend(auth: UserAuth, invitationId: string, meta: RequestMeta, lang: Language) {
    const row = await this.team.findOpenInvitation(auth.accountId, invitationId);
    if (!row) throw AppException.notFound();
    const since = (Date.now() - row.lastSentAt.getTime()) / 1000;
    if (since < RESEND_INTERVAL_S)
      throw new AppException(
        429,
        'team_invitation_resend_wait',
        {
          seconds: Math.ceil(RESEND_INTERVAL_S - since),
        },
        undefined,
        { retryAfterSeconds: Math.ceil(RESEND_INTERVAL_S - since) },
      );
    if (row.sendCount >= MAX_SENDS) throw AppException.conflict('team_invitation_send_limit');
    await this.rateLimits.hit(`team:invite:account:${auth.accountId}`, 30, 3600);
    if (await this.team.emailIsMember(auth.accountId, row.email))
      throw AppException.conflict('team_email_is_member');
    const token = randomToken(32);
    const rotated = await this.team.rotateInvitationToken(
      auth.accountId,
      row.id,
      sha256Hex(token),
      new Date(Date.now() + INVITATION_TTL_MS),
    );
    if (!rotated) throw AppException.notFound();
    await this.sendInvitation(auth, rotated, token, lang);
    await this.audit.byUser(auth, meta, {
      action: 'team.invitation_resent',
      resourceType: 'invitation',
      resourceId: row.id,
      details: { email: row.email, sendCount: rotated.sendCount },
    });
    return this.invitationView(auth, row.id);
  }

  async cancel(auth: UserAuth, invitationId: string, meta: RequestMeta) {
    const row = await this.team.findOpenInvitation(auth.accountId, invitationId);
    if (!row || !(await this.team.cancelInvitation(auth.accountId, row.id))) throw AppException.notFound();
    await this.audit.byUser(auth, meta, {
      action: 'team.invitation_canceled',
      resourceType: 'invitation',
      resourceId: row.id,
      details: { email: row.email, role: row.role },
    });
  }

  private async invitationView(auth: UserAuth, id: string) {
    const { items } = await this.listInvitations(auth);
    const found = items.find((i) => i.id === id);
    if (!found) throw AppException.notFound();
    return found;
  }

  private async sendInvitation(auth: UserAuth, row: InvitationRow, token: string, lang: Language) {
    const [accountName, inviter, names] = await Promise.all([
      this.team.accountName(auth.accountId),
      this.team.findMember(auth.accountId, auth.userId),
      this.team.bucketNames(
        auth.accountId,
        row.bucketAccess.map((b) => b.bucketId),
      ),
    ]);
    await this.mailer.enqueue(
      invitationEmail({
        to: row.email,
        inviterName: inviter?.fullName ?? '',
        inviterEmail: inviter?.email ?? '',
        accountName: accountName ?? '',
        role: row.role,
        link: `${this.config.APP_URL}/convite?token=${encodeURIComponent(token)}`,
        buckets: row.bucketAccess
          .filter((b) => names.has(b.bucketId))
          .map((b) => ({ name: names.get(b.bucketId)!, access: b.access })),
        lang,
        brand: { name: this.config.BRAND_NAME },
      }),
    );
  }

  // ---- Public: the invitee ----

  /** What the acceptance page shows; the same answer for unknown, used and cancelled links. */
  async preview(token: string, meta: RequestMeta) {
    await this.rateLimits.hit(`invitation:lookup:ip:${meta.ip}`, 60, 600);
    const found = await this.team.findInvitationByToken(sha256Hex(token));
    const invitation = found?.invitation;
    if (!invitation || invitation.acceptedAt || invitation.canceledAt)
      throw new AppException(404, 'team_invitation_invalid');
    if (invitation.expiresAt.getTime() <= Date.now()) throw AppException.gone('team_invitation_expired');
    const names = await this.team.bucketNames(
      invitation.accountId,
      invitation.bucketAccess.map((b) => b.bucketId),
    );
    return {
      email: invitation.email,
      role: invitation.role,
      accountName: found.accountName,
      invitedByName: await this.team.userName(invitation.invitedByUserId),
      expiresAt: invitation.expiresAt.toISOString(),
      buckets: invitation.bucketAccess
        .filter((b) => names.has(b.bucketId))
        .map((b) => ({ name: names.get(b.bucketId)!, access: b.access })),
    };
  }

  /**
   * Single use under concurrency: the open invitation is locked, the user created with the
   * invitation's role in the invitation's account (nothing from the body decides either), the
   * shared buckets copied, and the invitation marked accepted, all in one transaction.
   */
  async accept(
    input: { token: string; fullName: string; password: string },
    meta: RequestMeta,
    lang: Language,
  ) {
    await this.rateLimits.hit(`invitation:accept:ip:${meta.ip}`, 20, 600);
    const tokenHash = sha256Hex(input.token);
    // Cheap checks first: a made-up token never costs an Argon2 hash.
    const open = await this.team.findInvitationByToken(tokenHash);
    const candidate = open?.invitation;
    if (!candidate || candidate.acceptedAt || candidate.canceledAt)
      throw new AppException(404, 'team_invitation_invalid');
    if (candidate.expiresAt.getTime() <= Date.now()) throw AppException.gone('team_invitation_expired');
    if (accountAccessError(open.accountStatus)) throw AppException.forbidden('forbidden');
    const passwordHash = await hashPassword(input.password);
    const user = await this.team.transaction(async (tx) => {
      const invitation = await this.team.lockOpenInvitation(tx, tokenHash);
      if (!invitation) throw new AppException(404, 'team_invitation_invalid');
      if (invitation.expiresAt.getTime() <= Date.now()) throw AppException.gone('team_invitation_expired');
      const found = await this.team.findInvitationByToken(tokenHash);
      if (!found || accountAccessError(found.accountStatus)) throw AppException.forbidden('forbidden');
      if (await this.team.emailHasUser(invitation.email, tx))
        throw AppException.conflict('team_email_has_user');
      const created = await this.team.insertUser(tx, {
        accountId: invitation.accountId,
        fullName: input.fullName,
        email: invitation.email,
        passwordHash,
        role: invitation.role,
        language: lang,
        // The link reached this mailbox: the address is proven.
        emailVerifiedAt: new Date(),
        passwordChangedAt: new Date(),
      });
      if (!created) throw AppException.conflict('team_email_has_user');
      if (invitation.role === 'external_client') {
        const live = await this.team.liveBucketIds(
          invitation.accountId,
          invitation.bucketAccess.map((b) => b.bucketId),
          tx,
        );
        await this.team.replaceBucketAccess(
          tx,
          invitation.accountId,
          created.id,
          invitation.bucketAccess.filter((b) => live.has(b.bucketId)),
        );
      }
      await this.team.markInvitationAccepted(tx, invitation.id, created.id);
      await this.audit.record(
        {
          accountId: invitation.accountId,
          actor: { type: 'user', id: created.id },
          action: 'team.invitation_accepted',
          resourceType: 'invitation',
          resourceId: invitation.id,
          details: { role: invitation.role, invitedBy: invitation.invitedByUserId },
          ip: meta.ip,
          userAgent: meta.userAgent,
        },
        tx,
      );
      return created;
    });
    return { email: user.email };
  }
}
