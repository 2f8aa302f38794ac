import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AppException } from '../../../common/app-exception';
import type { MessageCode } from '../../../common/messages';
import { randomToken } from '../../../common/crypto';
import { RateLimitService } from '../../../common/rate-limit.service';
import { JobQueueService, QUEUES } from '../../../jobs/job-queue.service';
import { AuditService } from '../../audit';
import { IdentityRepository } from '../identity.repository';
import type { RequestMeta } from '../../../common/request-meta';
import { LoginSecurityRepository } from './login-security.repository';
import { burnPasswordCheck, verifyPassword } from './password';
import { verifyPow } from './pow';

/** Lockout: 5 tries per e-mail in 10 minutes, then locked for the rest of the window. */
export const LOGIN_POLICY = {
  windowSeconds: 600,
  maxTries: 5,
  captchaAfterFailures: 3,
  captchaTtlSeconds: 600,
} as const;

/**
 * Second-factor guesses per user or staff member (whoever holds the password): 10 per hour, counted
 * across every login challenge and never reset by a correct password, only by a correct second
 * factor. From 3 failures the password step needs the captcha; at 10 the member is locked (password
 * step and second step) for the rest of the hour and told by e-mail. With the ±1 step window that
 * is 240 guesses a day, about 0.07 % a day of hitting a valid TOTP code.
 */
export const SECOND_FACTOR_POLICY = {
  windowSeconds: 3600,
  maxFailures: 10,
  captchaAfterFailures: 3,
} as const;

/** Re-authentication on signed-in routes (current password, 2FA codes): 5 tries per 10 minutes. */
export const REAUTH_POLICY = { windowSeconds: 600, maxTries: 5 } as const;

/** Never accept less work than this, whatever a stored challenge says. */
const MIN_POW_DIFFICULTY = 8;

export type LoginKind = 'user' | 'staff';

export interface FailedLoginJob {
  kind: LoginKind;
  email: string;
  ip: string;
  userAgent: string | null;
}

export interface CaptchaSolution {
  id: string;
  nonce: string;
}

interface Candidate {
  id: string;
  passwordHash: string;
}

/**
 * The password step shared by customer and staff logins: lockout counted atomically per e-mail,
 * a proof-of-work captcha after 3 failures per e-mail or IP, uniform answers, every attempt recorded.
 */
@Injectable()
export class LoginSecurityService {
  constructor(
    private readonly repo: LoginSecurityRepository,
    private readonly rateLimits: RateLimitService,
    private readonly jobs: JobQueueService,
    private readonly identities: IdentityRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A proof-of-work challenge for one login: bound to the e-mail it is for and the client address
   * that asked (as the API sees it), consumed by the first login that presents it.
   */
  async createCaptcha(email: string, meta: RequestMeta) {
    await this.rateLimits.hit(`captcha:ip:${meta.ip}`, 60, 600);
    const prefix = randomToken(16);
    const difficulty = this.config.CAPTCHA_DIFFICULTY;
    const row = await this.repo.createChallenge({
      kind: 'pow',
      data: { prefix, difficulty, email, ip: meta.ip },
      expiresAt: new Date(Date.now() + LOGIN_POLICY.captchaTtlSeconds * 1000),
    });
    return { id: row.id, prefix, difficulty, expiresAt: row.expiresAt.toISOString() };
  }

  /**
   * Returns the candidate whose password matched, or throws the same 401 for an unknown e-mail and
   * a wrong password (the throttle is keyed by the e-mail as typed, so unknown e-mails lock alike).
   */
  async checkPassword<T extends Candidate>(
    kind: LoginKind,
    email: string,
    password: string,
    captcha: CaptchaSolution | undefined,
    meta: RequestMeta,
    candidate: T | null,
  ): Promise<T> {
    const emailKey = `${kind}:email:${email}`;
    const ipKey = `${kind}:ip:${meta.ip}`;
    const { windowSeconds, maxTries, captchaAfterFailures } = LOGIN_POLICY;
    const record = (success: boolean, reason: string) =>
      this.repo.recordAttempt({
        subjectType: kind,
        email,
        userId: kind === 'user' ? (candidate?.id ?? null) : null,
        staffId: kind === 'staff' ? (candidate?.id ?? null) : null,
        ip: meta.ip,
        userAgent: meta.userAgent,
        success,
        reason,
      });

    const [byEmail, byIp, bySecondFactor] = await Promise.all([
      this.repo.throttleFailures(emailKey, windowSeconds),
      this.repo.throttleFailures(ipKey, windowSeconds),
      // Queried for unknown e-mails too (a key that never exists): the same work either way.
      this.repo.throttleFailures(
        secondFactorKey(kind, candidate?.id ?? 'none'),
        SECOND_FACTOR_POLICY.windowSeconds,
      ),
    ]);
    if (byEmail && byEmail.failures >= maxTries) {
      await record(false, 'locked');
      throw lockedError(byEmail.windowStart);
    }
    // Wrong second factors lock the member too (same answer as the e-mail lockout), and a correct
    // password does not lift it.
    if (bySecondFactor && bySecondFactor.failures >= SECOND_FACTOR_POLICY.maxFailures) {
      await record(false, 'locked');
      throw lockedError(bySecondFactor.windowStart, SECOND_FACTOR_POLICY.windowSeconds);
    }
    if (
      (byEmail?.failures ?? 0) >= captchaAfterFailures ||
      (byIp?.failures ?? 0) >= captchaAfterFailures ||
      (bySecondFactor?.failures ?? 0) >= SECOND_FACTOR_POLICY.captchaAfterFailures
    ) {
      if (!captcha) {
        await record(false, 'captcha_required');
        throw new AppException(400, 'captcha_required', {}, undefined, { captchaRequired: true });
      }
      const challenge = await this.repo.consumeChallenge({ id: captcha.id }, 'pow');
      const data = challenge?.data as
        { prefix?: string; difficulty?: number; email?: string; ip?: string } | undefined;
      if (
        !data?.prefix ||
        data.email !== email ||
        data.ip !== meta.ip ||
        !verifyPow(data.prefix, captcha.nonce, Math.max(data.difficulty ?? 0, MIN_POW_DIFFICULTY))
      ) {
        await record(false, 'captcha_invalid');
        throw new AppException(400, 'captcha_invalid', {}, undefined, { captchaRequired: true });
      }
    }

    // Reserve the try before verifying: concurrent attempts cannot all slip past the count.
    const reserved = await this.repo.reserveTry(emailKey, maxTries, windowSeconds);
    if (!reserved) {
      await record(false, 'locked');
      throw lockedError(byEmail?.windowStart ?? new Date());
    }

    let ok = false;
    if (candidate) ok = await verifyPassword(candidate.passwordHash, password);
    else await burnPasswordCheck(password);
    if (!ok) {
      await this.repo.countFailure(ipKey, windowSeconds);
      await record(false, candidate ? 'invalid_password' : 'unknown_email');
      const captchaNext =
        reserved.failures >= captchaAfterFailures || (byIp?.failures ?? 0) + 1 >= captchaAfterFailures;
      throw new AppException(401, 'invalid_credentials', {}, undefined, { captchaRequired: captchaNext });
    }
    await this.repo.clearThrottle(emailKey);
    return candidate!;
  }

  recordAttempt(
    kind: LoginKind,
    email: string,
    subjectId: string,
    meta: RequestMeta,
    success: boolean,
    reason: string,
  ) {
    return this.repo.recordAttempt({
      subjectType: kind,
      email,
      userId: kind === 'user' ? subjectId : null,
      staffId: kind === 'staff' ? subjectId : null,
      ip: meta.ip,
      userAgent: meta.userAgent,
      success,
      reason,
    });
  }

  /** Queues the audit entry of a refused login (see `auditFailedLogin`). */
  async queueFailedLoginAudit(kind: LoginKind, email: string, meta: RequestMeta) {
    const job: FailedLoginJob = { kind, email, ip: meta.ip, userAgent: meta.userAgent };
    await this.jobs.send(QUEUES.loginFailed, job);
  }

  /** The worker's side: an audit entry when the e-mail is a real user or staff member. */
  async auditFailedLogin(job: FailedLoginJob) {
    if (job.kind === 'user') {
      const found = await this.identities.findUserByEmail(job.email);
      if (!found) return;
      await this.audit.record({
        accountId: found.account.id,
        actor: { type: 'anonymous' },
        action: 'auth.login_failed',
        resourceType: 'user',
        resourceId: found.user.id,
        ip: job.ip,
        userAgent: job.userAgent,
      });
    } else {
      const staff = await this.identities.findStaffByEmail(job.email);
      if (!staff) return;
      await this.audit.record({
        actor: { type: 'anonymous' },
        action: 'staff.login_failed',
        resourceType: 'staff',
        resourceId: staff.id,
        ip: job.ip,
        userAgent: job.userAgent,
      });
    }
  }

  /** After a password reset the e-mail starts afresh (second-factor failures are not forgiven). */
  clearLockout(kind: LoginKind, email: string) {
    return this.repo.clearThrottle(`${kind}:email:${email}`);
  }

  /**
   * Reserves one second-factor try for the member before the proof is checked, so parallel guesses
   * cannot slip past the count; 429 `login_locked` when none is left. Returns the try's number.
   */
  async reserveSecondFactorTry(kind: LoginKind, subjectId: string): Promise<number> {
    const { maxFailures, windowSeconds } = SECOND_FACTOR_POLICY;
    const key = secondFactorKey(kind, subjectId);
    const reserved = await this.repo.reserveTry(key, maxFailures, windowSeconds);
    if (!reserved) {
      const current = await this.repo.throttleFailures(key, windowSeconds);
      throw lockedError(current?.windowStart ?? new Date(), windowSeconds);
    }
    return reserved.failures;
  }

  /** A correct second factor (which only the member has) forgives the earlier wrong ones. */
  secondFactorSucceeded(kind: LoginKind, subjectId: string) {
    return this.repo.clearThrottle(secondFactorKey(kind, subjectId));
  }

  /**
   * Re-authentication on a signed-in route (current password, and a code where asked): one try is
   * reserved per request, 5 per 10 minutes per member, so a hijacked session cannot brute-force
   * the password. `check` returns the error code of a wrong answer, or null; a full success resets
   * the count.
   */
  async reauthenticate(kind: LoginKind, subjectId: string, check: () => Promise<MessageCode | null>) {
    const { maxTries, windowSeconds } = REAUTH_POLICY;
    const key = `${kind}:reauth:${subjectId}`;
    const reserved = await this.repo.reserveTry(key, maxTries, windowSeconds);
    if (!reserved) {
      const current = await this.repo.throttleFailures(key, windowSeconds);
      throw reauthLockedError(current?.windowStart ?? new Date());
    }
    const problem = await check();
    if (problem) throw AppException.badRequest(problem);
    await this.repo.clearThrottle(key);
  }
}

export function secondFactorKey(kind: LoginKind, subjectId: string) {
  return `${kind}:2fa:${subjectId}`;
}

function reauthLockedError(windowStart: Date) {
  const seconds = secondsLeft(windowStart, REAUTH_POLICY.windowSeconds);
  return new AppException(429, 'reauth_locked', { minutes: Math.ceil(seconds / 60) }, undefined, {
    retryAfterSeconds: seconds,
  });
}

function secondsLeft(windowStart: Date, windowSeconds: number) {
  return Math.max(1, Math.ceil((windowStart.getTime() + windowSeconds * 1000 - Date.now()) / 1000));
}

function lockedError(windowStart: Date, windowSeconds: number = LOGIN_POLICY.windowSeconds) {
  const seconds = secondsLeft(windowStart, windowSeconds);
  return new AppException(429, 'login_locked', { minutes: Math.ceil(seconds / 60) }, undefined, {
    retryAfterSeconds: seconds,
  });
}
