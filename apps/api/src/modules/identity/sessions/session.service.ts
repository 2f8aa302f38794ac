import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { randomToken, sha256Hex } from '../../../common/crypto';
import { SessionRepository } from './session.repository';
import type { RequestMeta } from '../../../common/request-meta';

/**
 * The session cookies' names, the one place they are decided. With Secure cookies they carry the
 * `__Host-` prefix: the browser then keeps them only when set by this very host with Secure,
 * Path=/ and no Domain, so a page on a sibling subdomain (say a public bucket on s3.example.com)
 * cannot plant a session cookie for the app (cookie tossing, login CSRF). Browsers refuse
 * `__Host-` over plain http, so local http (COOKIE_SECURE=false) keeps the plain names.
 */
export function sessionCookieNames(cookieSecure: boolean) {
  const prefix = cookieSecure ? '__Host-' : '';
  return { user: `${prefix}csp_session`, staff: `${prefix}csp_staff_session` };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Idle and absolute lifetimes; "keep me signed in" only lengthens them. Staff get shorter ones. */
export const SESSION_POLICY = {
  user: { idle: 30 * MINUTE, absolute: 12 * HOUR },
  userRemember: { idle: 14 * DAY, absolute: 30 * DAY },
  staff: { idle: 15 * MINUTE, absolute: 8 * HOUR },
} as const;

/** Writing last-seen on every request would turn reads into writes; once a minute is enough. */
const TOUCH_INTERVAL = MINUTE;

@Injectable()
export class SessionService {
  readonly cookieNames: { user: string; staff: string };

  constructor(
    private readonly sessions: SessionRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.cookieNames = sessionCookieNames(config.COOKIE_SECURE);
  }

  async start(subject: { userId: string } | { staffId: string }, meta: RequestMeta, remember: boolean) {
    const policy =
      'staffId' in subject
        ? SESSION_POLICY.staff
        : remember
          ? SESSION_POLICY.userRemember
          : SESSION_POLICY.user;
    const token = randomToken(32);
    const now = Date.now();
    await this.sessions.create({
      tokenHash: sha256Hex(token),
      userId: 'userId' in subject ? subject.userId : null,
      staffId: 'staffId' in subject ? subject.staffId : null,
      ip: meta.ip,
      userAgent: meta.userAgent,
      place: meta.place ?? null,
      remember,
      idleExpiresAt: new Date(now + policy.idle),
      absoluteExpiresAt: new Date(now + policy.absolute),
    });
    return { token, maxAgeSeconds: remember ? Math.floor(policy.absolute / 1000) : undefined };
  }

  async resolveUser(token: string) {
    const now = new Date();
    const row = await this.sessions.findLiveUserSession(sha256Hex(token), now);
    if (!row) return null;
    await this.maybeTouch(
      row.session,
      now,
      row.session.remember ? SESSION_POLICY.userRemember.idle : SESSION_POLICY.user.idle,
    );
    return row;
  }

  async resolveStaff(token: string) {
    const now = new Date();
    const row = await this.sessions.findLiveStaffSession(sha256Hex(token), now);
    if (!row) return null;
    await this.maybeTouch(row.session, now, SESSION_POLICY.staff.idle);
    return row;
  }

  async end(sessionId: string) {
    await this.sessions.revoke(sessionId, new Date());
  }

  /** Ends every session of a customer user at once (deactivation, removal, force logout). */
  endAllSessionsOfUser(userId: string): Promise<number> {
    return this.sessions.revokeAllOfUser(userId, new Date());
  }

  /** Ends every session of a staff member at once (disabling, force-logout). */
  async endAllSessionsOfStaff(staffId: string): Promise<number> {
    return this.sessions.revokeAllOf({ staffId }, new Date());
  }

  /**
   * A privilege change (2FA enrolment): every session of the user ends, the current one included,
   * and a new one starts with the same "keep me signed in" choice. Returns the new cookie.
   */
  async rotateUser(userId: string, currentSessionId: string, meta: RequestMeta) {
    const current = await this.sessions.findById(currentSessionId);
    await this.sessions.revokeAllOf({ userId }, new Date());
    return this.start({ userId }, meta, current?.remember ?? false);
  }

  /** Ends a user's other sessions, keeping the current one (password, 2FA or e-mail change). */
  async endOtherSessionsOfUser(userId: string, currentSessionId: string): Promise<number> {
    return this.sessions.revokeAllOf({ userId }, new Date(), currentSessionId);
  }

  /** Ends a staff member's other sessions, keeping the current one (password change). */
  async endOtherSessionsOfStaff(staffId: string, currentSessionId: string): Promise<number> {
    return this.sessions.revokeAllOf({ staffId }, new Date(), currentSessionId);
  }

  listUserSessions(userId: string) {
    return this.sessions.listLiveUserSessions(userId, new Date());
  }

  /** False when the id is not a session of this user. */
  endUserSession(userId: string, sessionId: string) {
    return this.sessions.revokeUserSession(userId, sessionId, new Date());
  }

  cookieOptions(maxAgeSeconds?: number) {
    return {
      path: '/',
      httpOnly: true,
      secure: this.config.COOKIE_SECURE,
      sameSite: 'lax' as const,
      ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
    };
  }

  /** Clearing takes the same attributes: a browser ignores a `__Host-` Set-Cookie without Secure. */
  clearCookieOptions() {
    return this.cookieOptions();
  }

  private async maybeTouch(session: { id: string; lastSeenAt: Date }, now: Date, idle: number) {
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL) {
      await this.sessions.touch(session.id, now, new Date(now.getTime() + idle));
    }
  }
}
