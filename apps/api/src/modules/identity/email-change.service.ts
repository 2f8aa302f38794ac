import { Inject, Injectable } from '@nestjs/common';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { emailChangeRequests, users, type Database } from '@csp/db';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppException } from '../../common/app-exception';
import { randomDigits, sha256Hex } from '../../common/crypto';
import type { Language } from '../../common/messages';
import { RateLimitService } from '../../common/rate-limit.service';
import { InjectDb } from '../../database/database.module';
import { AuditService } from '../audit/audit.service';
import { MailerService } from '../notifications/mailer.service';
import { emailChangeCodeEmail, emailChangedAlertEmail } from '../notifications/security-emails';
import type { RequestMeta } from './auth.decorators';
import type { UserAuth } from './auth.types';
import { verifyPassword } from './password';
import { SessionService } from './session.service';

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
    @InjectDb() private readonly db: Database,
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
    const [user] = await this.db.select().from(users).where(eq(users.id, auth.userId));
    if (!user) throw AppException.unauthorized();
    if (!(await verifyPassword(user.passwordHash, password)))
      throw AppException.badRequest('current_password_invalid');
    if (newEmail === user.email) throw AppException.validation({ newEmail: 'email_unchanged' });
    const code = randomDigits(6);
    const [row] = await this.db
      .insert(emailChangeRequests)
      .values({
        userId: user.id,
        newEmail,
        codeHash: 'pending',
        expiresAt: new Date(Date.now() + CODE_TTL_MS),
      })
      .returning();
    await this.db
      .update(emailChangeRequests)
      .set({ codeHash: sha256Hex(`${row.id}:${code}`) })
      .where(eq(emailChangeRequests.id, row.id));
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
    const [row] = await this.db
      .update(emailChangeRequests)
      .set({ attempts: sql`${emailChangeRequests.attempts} + 1` })
      .where(
        and(
          eq(emailChangeRequests.id, requestId),
          eq(emailChangeRequests.userId, auth.userId),
          isNull(emailChangeRequests.usedAt),
          sql`${emailChangeRequests.attempts} < ${MAX_TRIES}`,
        ),
      )
      .returning();
    if (!row) throw AppException.gone('too_many_attempts');
    if (row.expiresAt.getTime() < Date.now()) throw AppException.gone('code_expired');
    if (row.codeHash !== sha256Hex(`${row.id}:${code}`)) {
      const remaining = MAX_TRIES - row.attempts;
      if (remaining <= 0) throw AppException.gone('too_many_attempts');
      throw AppException.badRequest('invalid_code', { remaining }, { remainingAttempts: remaining });
    }
    const [user] = await this.db.select().from(users).where(eq(users.id, auth.userId));
    const [taken] = await this.db.select({ id: users.id }).from(users).where(eq(users.email, row.newEmail));
    if (taken) throw AppException.conflict('email_taken');
    const used = await this.db
      .update(emailChangeRequests)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(emailChangeRequests.id, row.id),
          isNull(emailChangeRequests.usedAt),
          gt(emailChangeRequests.expiresAt, new Date()),
        ),
      )
      .returning({ id: emailChangeRequests.id });
    if (used.length !== 1) throw AppException.gone('code_expired');
    try {
      await this.db
        .update(users)
        .set({ email: row.newEmail, emailVerifiedAt: new Date() })
        .where(eq(users.id, auth.userId));
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
