import { Injectable } from '@nestjs/common';
import { AppException } from '../../common/app-exception';
import { randomToken } from '../../common/crypto';
import { RateLimitService } from '../../common/rate-limit.service';
import type { RequestMeta } from './auth.decorators';
import { LoginSecurityRepository } from './login-security.repository';
import { burnPasswordCheck, verifyPassword } from './password';
import { verifyPow } from './pow';

/** Lockout: 5 tries per e-mail in 10 minutes, then locked for the rest of the window. */
export const LOGIN_POLICY = {
  windowSeconds: 600,
  maxTries: 5,
  captchaAfterFailures: 3,
  powDifficulty: 16,
  captchaTtlSeconds: 600,
} as const;

export type LoginKind = 'user' | 'staff';

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
  ) {}

  async createCaptcha(meta: RequestMeta) {
    await this.rateLimits.hit(`captcha:ip:${meta.ip}`, 60, 600);
    const prefix = randomToken(16);
    const row = await this.repo.createChallenge({
      kind: 'pow',
      data: { prefix, difficulty: LOGIN_POLICY.powDifficulty },
      expiresAt: new Date(Date.now() + LOGIN_POLICY.captchaTtlSeconds * 1000),
    });
    return {
      id: row.id,
      prefix,
      difficulty: LOGIN_POLICY.powDifficulty,
      expiresAt: row.expiresAt.toISOString(),
    };
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

    const [byEmail, byIp] = await Promise.all([
      this.repo.throttleFailures(emailKey, windowSeconds),
      this.repo.throttleFailures(ipKey, windowSeconds),
    ]);
    if (byEmail && byEmail.failures >= maxTries) {
      await record(false, 'locked');
      throw lockedError(byEmail.windowStart);
    }
    if ((byEmail?.failures ?? 0) >= captchaAfterFailures || (byIp?.failures ?? 0) >= captchaAfterFailures) {
      if (!captcha) {
        await record(false, 'captcha_required');
        throw new AppException(400, 'captcha_required', {}, undefined, { captchaRequired: true });
      }
      const challenge = await this.repo.consumeChallenge({ id: captcha.id }, 'pow');
      const data = challenge?.data as { prefix?: string; difficulty?: number } | undefined;
      if (
        !data?.prefix ||
        !verifyPow(data.prefix, captcha.nonce, data.difficulty ?? LOGIN_POLICY.powDifficulty)
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

  /** After a password reset the e-mail starts afresh. */
  clearLockout(kind: LoginKind, email: string) {
    return this.repo.clearThrottle(`${kind}:email:${email}`);
  }
}

function lockedError(windowStart: Date) {
  const seconds = Math.max(
    1,
    Math.ceil((windowStart.getTime() + LOGIN_POLICY.windowSeconds * 1000 - Date.now()) / 1000),
  );
  return new AppException(429, 'login_locked', { minutes: Math.ceil(seconds / 60) }, undefined, {
    retryAfterSeconds: seconds,
  });
}
