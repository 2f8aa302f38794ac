import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AppException } from '../../../common/app-exception';
import { randomDigits, sha256Hex } from '../../../common/crypto';
import type { Language } from '../../../common/messages';
import { RateLimitService } from '../../../common/rate-limit.service';
import { AuditService } from '../../audit';
import { MailerService, emailChangeCodeEmail, emailChangedAlertEmail } from '../../notifications';
import type { RequestMeta } from '../../../common/request-meta';
import type { UserAuth } from '../../../access/auth.types';
import { verifyPassword } from '../login/password';
import { EmailChangeRepository } from './email-change.repository';
import { SessionService } from '../sessions/session.service';

const CODE_TTL_MS = 15 * 60_000;
const MAX_TRIES = 5;

/**
 * E-mail change with re-verification: a 6-digit code goes to the new address (15 minutes, 5 tries);
 * only then does the address change, the other sessions end and the old address gets an alert.
 * Whether the new address is taken is said only after it is proven.
 */
@Injectable()
export class EmailChangeService {
  constructor(
    private readonly changes: EmailChangeRepository,
    private readonly rateLimits: RateLimitService,
    private readonly mailer: MailerService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get brand() {
    return { name: this.config.BRAND_NAME, appUrl: this.config.APP_URL };
  }

  async start(auth: UserAuth, newEmail: string, password: string, meta: RequestMeta) {
    await this.rateLimits.hit(`email-change:user:${auth.userId}`, 5, 3600);
    await this.rateLimits.hit(`email-change:ip:${meta.ip}`, 20, 3600);
    const user = await this.changes.findUser(auth.userId);
    if (!user) throw AppException.unauthorized();
    if (!(await verifyPassword(user.passwordHash, password)))
      throw AppException.badRequest('current_password_invalid');
    if (newEmail === user.email) throw AppException.validation({ newEmail: 'email_unchanged' });
    const code = randomDigits(6);
    const row = await this.changes.createRequest(
      user.id,
      newEmail,
      new Date(Date.now() + CODE_TTL_MS),
      (id) => sha256Hex(`${id}:${code}`),
    );
    await this.mailer.enqueue(
      emailChangeCodeEmail({
        to: newEmail,
        name: user.fullName,
        code,
        lang: user.language as Language,
        brand: this.brand,
      }),
    );
    return { requestId: row.id, expiresAt: row.expiresAt.toISOString() };
  }

  async confirm(auth: UserAuth, requestId: string, code: string, meta: RequestMeta) {
    const row = await this.changes.consumeTry(auth.userId, requestId, MAX_TRIES);
    if (!row) throw AppException.gone('too_many_attempts');
    if (row.expiresAt.getTime() < Date.now()) throw AppException.gone('code_expired');
    if (row.codeHash !== sha256Hex(`${row.id}:${code}`)) {
      const remaining = MAX_TRIES - row.attempts;
      if (remaining <= 0) throw AppException.gone('too_many_attempts');
      throw AppException.badRequest('invalid_code', { remaining }, { remainingAttempts: remaining });
    }
    const user = await this.changes.findUser(auth.userId);
    if (!user) throw AppException.unauthorized();
    if (await this.changes.emailTaken(row.newEmail)) throw AppException.conflict('email_taken');
    if (!(await this.changes.markUsed(row.id))) throw AppException.gone('code_expired');
    try {
      await this.changes.setEmail(auth.userId, row.newEmail);
    } catch {
      throw AppException.conflict('email_taken');
    }
    const ended = await this.sessions.endOtherSessionsOfUser(auth.userId, auth.sessionId);
    await this.audit.byUser(auth, meta, {
      action: 'user.email_changed',
      resourceType: 'user',
      resourceId: auth.userId,
      details: { from: user.email, to: row.newEmail, sessionsEnded: ended },
    });
    await this.mailer.enqueue(
      emailChangedAlertEmail({
        to: user.email,
        name: user.fullName,
        newEmail: row.newEmail,
        lang: user.language as Language,
        brand: this.brand,
      }),
    );
    return { email: row.newEmail };
  }
}
