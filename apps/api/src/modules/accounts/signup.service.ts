import { Inject, Injectable } from '@nestjs/common';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppException } from '../../common/app-exception';
import { randomDigits, sha256Hex } from '../../common/crypto';
import type { Language } from '../../common/messages';
import { RateLimitService } from '../../common/rate-limit.service';
import { AuditService } from '../audit';
import { MailerService, signupCodeEmail, staffNewSignupEmail } from '../notifications';
import { hashPassword } from '../identity';
import type { RequestMeta } from '../../common/request-meta';
import { classifyDocument, formatDocument, normalizeDocument } from './document';
import { SignupRepository } from './signup.repository';
import type { SignupInput } from './signup.dto';

export const CODE_TTL_MS = 15 * 60_000;
export const MAX_CODE_ATTEMPTS = 5;
const RESEND_INTERVAL_S = 60;
const MAX_SENDS = 5;

const codeHash = (signupId: string, code: string) => sha256Hex(`${signupId}:${code}`);

@Injectable()
export class SignupService {
  constructor(
    private readonly signups: SignupRepository,
    private readonly mailer: MailerService,
    private readonly rateLimits: RateLimitService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get brand() {
    return { name: this.config.BRAND_NAME, appUrl: this.config.APP_URL };
  }

  /**
   * Starts a sign-up and e-mails a code. The answer is the same whether or not the e-mail is already
   * registered: that is only said after the address is proven (verify).
   */
  async start(input: SignupInput, meta: RequestMeta, lang: Language) {
    await this.rateLimits.hit(`signup:ip:${meta.ip}`, 10, 3600);
    await this.rateLimits.hit(`signup:email:${input.email}`, 5, 3600);
    const document = normalizeDocument(input.document);
    const code = randomDigits(6);
    const id = randomUUID();
    const row = await this.signups.create({
      id,
      fullName: input.fullName,
      companyName: input.companyName || null,
      email: input.email,
      documentType: classifyDocument(document)!,
      document,
      phone: input.phone.trim(),
      passwordHash: await hashPassword(input.password),
      codeHash: codeHash(id, code),
      codeExpiresAt: new Date(Date.now() + CODE_TTL_MS),
      termsAcceptedAt: new Date(),
      language: lang,
      ip: meta.ip,
    });
    await this.mailer.enqueue(
      signupCodeEmail({ to: row.email, name: row.fullName, code, lang, brand: this.brand }),
    );
    return { signupId: row.id, email: row.email };
  }

  async resend(signupId: string, meta: RequestMeta) {
    const row = await this.signups.findById(signupId);
    if (!row) throw AppException.notFound();
    if (row.verifiedAt) throw AppException.conflict('signup_already_verified');
    await this.rateLimits.hit(`signup:resend:ip:${meta.ip}`, 20, 3600);
    const since = (Date.now() - row.lastSentAt.getTime()) / 1000;
    if (since < RESEND_INTERVAL_S) throw AppException.tooManyRequests(Math.ceil(RESEND_INTERVAL_S - since));
    if (row.sendCount >= MAX_SENDS) throw AppException.tooManyRequests(3600);
    const code = randomDigits(6);
    await this.signups.replaceCode(row.id, codeHash(row.id, code), new Date(Date.now() + CODE_TTL_MS));
    await this.mailer.enqueue(
      signupCodeEmail({
        to: row.email,
        name: row.fullName,
        code,
        lang: row.language as Language,
        brand: this.brand,
      }),
    );
  }

  /** Checks the code; on success creates the account (pending approval) with its owner. */
  async verify(signupId: string, code: string, meta: RequestMeta) {
    const existing = await this.signups.findById(signupId);
    if (!existing) throw AppException.notFound();
    if (existing.verifiedAt) throw AppException.conflict('signup_already_verified');
    const row = await this.signups.consumeAttempt(signupId, MAX_CODE_ATTEMPTS);
    if (!row) throw AppException.gone('too_many_attempts');
    if (row.codeExpiresAt.getTime() < Date.now()) throw AppException.gone('code_expired');
    const expected = Buffer.from(row.codeHash);
    const given = Buffer.from(codeHash(signupId, code));
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      const remaining = MAX_CODE_ATTEMPTS - row.attempts;
      if (remaining <= 0) throw AppException.gone('too_many_attempts');
      throw AppException.badRequest('invalid_code', { remaining }, { remainingAttempts: remaining });
    }

    const result = await this.signups.transaction(async (tx) => {
      const locked = await this.signups.lockUnverified(tx, signupId);
      if (!locked) throw AppException.conflict('signup_already_verified');
      if (await this.signups.emailTaken(tx, locked.email)) throw AppException.conflict('email_taken');
      // A CPF/CNPJ already on the platform does not stop the sign-up: the answer would tell whoever
      // holds any mailbox whether that person or company is a customer. It goes to staff review
      // like any other, flagged; approval refuses it (the review decides and e-mails the person).
      const duplicateDocument = await this.signups.documentTaken(tx, locked.document);
      const plan = await this.signups.defaultPlan(tx);
      const created = await this.signups.createAccountWithOwner(
        tx,
        {
          name: locked.companyName ?? locked.fullName,
          documentType: locked.documentType,
          document: locked.document,
          email: locked.email,
          phone: locked.phone,
          planId: plan.id,
          quotaBytes: plan.quotaBytes,
        },
        {
          fullName: locked.fullName,
          email: locked.email,
          phone: locked.phone,
          passwordHash: locked.passwordHash,
          role: 'owner',
          language: locked.language,
          emailVerifiedAt: new Date(),
        },
      );
      await this.signups.markVerified(tx, signupId, created.account.id);
      await this.audit.record(
        {
          accountId: created.account.id,
          actor: { type: 'user', id: created.owner.id },
          action: 'account.signup',
          resourceType: 'account',
          resourceId: created.account.id,
          details: { plan: plan.code, documentType: locked.documentType, duplicateDocument },
          ip: meta.ip,
          userAgent: meta.userAgent,
        },
        tx,
      );
      return { ...created, duplicateDocument };
    });

    const staffEmails = this.config.STAFF_NOTIFY_EMAILS
      ? this.config.STAFF_NOTIFY_EMAILS.split(',').map((e) => e.trim())
      : await this.signups.activeSuperAdminEmails();
    for (const to of staffEmails) {
      await this.mailer.enqueue(
        staffNewSignupEmail({
          to,
          accountName: result.account.name,
          document: formatDocument(result.account.documentType, result.account.document),
          email: result.account.email,
          phone: result.account.phone,
          duplicateDocument: result.duplicateDocument,
          brand: this.brand,
        }),
      );
    }
    return { accountId: result.account.id, status: 'pending_approval' as const };
  }
}
