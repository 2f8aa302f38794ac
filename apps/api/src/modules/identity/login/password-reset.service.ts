import { Inject, Injectable } from '@nestjs/common';
import { ApiTokensService } from '../../api-tokens';
import { AuditService } from '../../audit';
import { MailerService, passwordResetEmail } from '../../notifications';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AppException } from '../../../common/app-exception';
import { randomToken, sha256Hex } from '../../../common/crypto';
import type { Language } from '../../../common/messages';
import { RateLimitService } from '../../../common/rate-limit.service';
import { JobQueueService, QUEUES } from '../../../jobs/job-queue.service';
import { AccountSecurityRepository } from '../profile/account-security.repository';
import type { RequestMeta } from '../../../common/request-meta';
import { IdentityRepository } from '../identity.repository';
import { LoginSecurityRepository } from './login-security.repository';
import { LoginSecurityService } from './login-security.service';
import { passwordProblem } from '../../../common/password-policy';
import { hashPassword } from './password';
import { SessionService } from '../sessions/session.service';

export const RESET_TOKEN_TTL_MS = 15 * 60_000;

export interface PasswordResetRequestJob {
  email: string;
  lang: Language;
  ip: string;
}

/**
 * Forgot/reset password: a 256-bit single-use token (only its SHA-256 stored), 15 minutes. Using it
 * ends every session; it opens none, so 2FA still applies at the next login.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly identities: IdentityRepository,
    private readonly repo: LoginSecurityRepository,
    private readonly accountSecurity: AccountSecurityRepository,
    private readonly loginSecurity: LoginSecurityService,
    private readonly sessions: SessionService,
    private readonly apiTokens: ApiTokensService,
    private readonly rateLimits: RateLimitService,
    private readonly mailer: MailerService,
    private readonly jobs: JobQueueService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The same answer, and the same work on the response path, whether or not the e-mail exists:
   * rate limits (per IP and per e-mail) and one queued job. The worker looks the e-mail up and
   * issues the link (`requestNow`).
   */
  async request(email: string, meta: RequestMeta, lang: Language) {
    await this.rateLimits.hit(`forgot:ip:${meta.ip}`, 10, 3600);
    await this.rateLimits.hit(`forgot:email:${email}`, 3, 3600);
    const job: PasswordResetRequestJob = { email, lang, ip: meta.ip };
    await this.jobs.send(QUEUES.passwordResetRequest, job);
  }

  /** The worker's side of a forgot-password request: a link only for an active user. */
  async requestNow(job: PasswordResetRequestJob) {
    const row = await this.identities.findUserByEmail(job.email);
    if (!row || row.user.status !== 'active') return;
    await this.issue(
      { userId: row.user.id },
      row.user.email,
      row.user.fullName,
      (row.user.language as Language) ?? job.lang,
      { ip: job.ip, userAgent: null },
    );
  }

  /** Issues a token and mails the link (also used to let a new staff member set a password). */
  async issue(
    subject: { userId: string } | { staffId: string },
    email: string,
    name: string,
    lang: Language,
    meta: RequestMeta | null,
  ) {
    const token = randomToken(32);
    await this.repo.createResetToken({
      subjectType: 'userId' in subject ? 'user' : 'staff',
      ...subject,
      tokenHash: sha256Hex(token),
      expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MS),
      ip: meta?.ip ?? null,
    });
    const page = 'userId' in subject ? '/redefinir-senha' : '/staff/redefinir-senha';
    await this.mailer.enqueue(
      passwordResetEmail({
        to: email,
        name,
        link: `${this.config.APP_URL}${page}?token=${encodeURIComponent(token)}`,
        lang,
        brand: { name: this.config.BRAND_NAME, appUrl: this.config.APP_URL },
      }),
    );
  }

  async reset(token: string, password: string, meta: RequestMeta) {
    await this.rateLimits.hit(`reset:ip:${meta.ip}`, 20, 3600);
    const problem = passwordProblem(password);
    if (problem) throw AppException.validation({ password: problem });
    const row = await this.repo.consumeResetToken(sha256Hex(token));
    if (!row) throw AppException.badRequest('reset_token_invalid');
    const passwordHash = await hashPassword(password);
    if (row.userId) {
      const found = await this.identities.findUserById(row.userId);
      await this.accountSecurity.setUserPassword(row.userId, passwordHash);
      const ended = await this.sessions.endAllSessionsOfUser(row.userId);
      const tokensRevoked = await this.apiTokens.revokeAllOfUser(row.userId);
      if (found) await this.loginSecurity.clearLockout('user', found.user.email);
      await this.audit.record({
        accountId: found?.account.id ?? null,
        actor: { type: 'user', id: row.userId },
        action: 'user.password_reset',
        resourceType: 'user',
        resourceId: row.userId,
        details: { sessionsEnded: ended, tokensRevoked },
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
    } else if (row.staffId) {
      const staff = await this.identities.findStaff(row.staffId);
      await this.accountSecurity.setStaffPassword(row.staffId, passwordHash);
      const ended = await this.sessions.endAllSessionsOfStaff(row.staffId);
      if (staff) await this.loginSecurity.clearLockout('staff', staff.email);
      await this.audit.record({
        actor: { type: 'staff', id: row.staffId },
        action: 'staff.password_reset',
        resourceType: 'staff',
        resourceId: row.staffId,
        details: { sessionsEnded: ended },
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
    }
  }
}
