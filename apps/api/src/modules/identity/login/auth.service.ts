import { Injectable } from '@nestjs/common';
import { AppException } from '../../../common/app-exception';
import { RateLimitService } from '../../../common/rate-limit.service';
import { AuditService } from '../../audit';
import { MailerService, newLoginAlertEmail, secondFactorLockedEmail } from '../../notifications';
import { accountAccessError } from '../../../access/account-status';
import type { RequestMeta } from '../../../common/request-meta';
import { IdentityRepository } from '../identity.repository';
import { SessionService } from '../sessions/session.service';
import type { Me } from '../identity.dto';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { randomToken, sha256Hex } from '../../../common/crypto';
import { deviceLabel } from './device';
import { LoginSecurityRepository } from './login-security.repository';
import { LoginSecurityService, SECOND_FACTOR_POLICY, type CaptchaSolution } from './login-security.service';
import { TwoFactorService, type SecondFactorProof } from '../two-factor/two-factor.service';
import { StaffAccessService } from '../staff/staff-access.service';
import { PasskeyService } from '../two-factor/passkey.service';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { StaffRole } from '../../../access/permissions';
import { rolePermissions } from '../../../access/effective-permissions';

const SECOND_FACTOR_TTL_MS = 5 * 60_000;

export type SecondFactorMethod = 'totp' | 'recovery_code' | 'passkey';

export type UserLoginResult =
  | {
      kind: 'session';
      session: { token: string; maxAgeSeconds?: number };
      me: Me & { twoFactorEnrolmentRequired?: boolean };
    }
  | { kind: 'second_factor'; challengeToken: string; methods: SecondFactorMethod[] };

@Injectable()
export class AuthService {
  constructor(
    private readonly identities: IdentityRepository,
    private readonly sessions: SessionService,
    private readonly rateLimits: RateLimitService,
    private readonly audit: AuditService,
    private readonly loginSecurity: LoginSecurityService,
    private readonly loginSecurityRepo: LoginSecurityRepository,
    private readonly twoFactor: TwoFactorService,
    private readonly mailer: MailerService,
    private readonly staffAccess: StaffAccessService,
    private readonly passkeys: PasskeyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Password step (lockout, captcha, uniform errors: LoginSecurityService), then either a session
   * or, when the user has 2FA, a short-lived challenge and no session yet.
   */
  async loginUser(
    email: string,
    password: string,
    remember: boolean,
    meta: RequestMeta,
    captcha?: CaptchaSolution,
  ): Promise<UserLoginResult> {
    await this.rateLimits.hit(`login:ip:${meta.ip}`, 30, 600);
    const found = await this.identities.findUserByEmail(email);
    const candidate = found ? { id: found.user.id, passwordHash: found.user.passwordHash } : null;
    try {
      await this.loginSecurity.checkPassword('user', email, password, captcha, meta, candidate);
    } catch (error) {
      // Queued for known and unknown e-mails alike (the worker writes the audit entry for a real
      // user): the refusal does the same work either way.
      if (error instanceof AppException && error.status === 401)
        await this.loginSecurity.queueFailedLoginAudit('user', email, meta);
      throw error;
    }
    const row = found!;
    // Only now, with the password proven, may the answer say something about the account.
    if (row.user.status !== 'active') throw AppException.forbidden('user_disabled');
    const accountError = accountAccessError(row.account.status);
    if (accountError) throw AppException.forbidden(accountError);

    const methods: SecondFactorMethod[] = row.user.totpEnabledAt ? ['totp', 'recovery_code'] : [];
    if (await this.passkeys.hasPasskeys(row.user.id)) methods.push('passkey');
    if (methods.length > 0) {
      const challengeToken = randomToken(32);
      await this.loginSecurityRepo.createChallenge({
        kind: 'login_2fa',
        tokenHash: sha256Hex(challengeToken),
        userId: row.user.id,
        data: { remember, methods },
        expiresAt: new Date(Date.now() + SECOND_FACTOR_TTL_MS),
      });
      return { kind: 'second_factor', challengeToken, methods };
    }
    return this.finishUserLogin(row, remember, meta, 'password');
  }

  /** WebAuthn authentication options for a live login challenge that allows a passkey. */
  async userPasskeyOptions(challengeToken: string) {
    const challenge = await this.passkeys.liveLoginChallenge(sha256Hex(challengeToken), 'login_2fa', 5);
    if (!challenge?.userId) throw AppException.unauthorized('second_factor_expired');
    const methods = (challenge.data as { methods?: string[] }).methods ?? [];
    if (!methods.includes('passkey')) throw AppException.badRequest('passkey_not_allowed');
    return this.passkeys.authenticationOptions(challenge.id, challenge.userId);
  }

  /**
   * Second step: a TOTP code (once), a recovery code (once) or a passkey assertion, 5 tries per
   * challenge.
   */
  async completeUserSecondFactor(
    challengeToken: string,
    proof: SecondFactorProof & { passkey?: AuthenticationResponseJSON },
    meta: RequestMeta,
  ) {
    await this.rateLimits.hit(`second-factor:ip:${meta.ip}`, 30, 600);
    const tokenHash = sha256Hex(challengeToken);
    const challenge = await this.loginSecurityRepo.tryChallenge(tokenHash, 'login_2fa', 5);
    if (!challenge?.userId) throw AppException.unauthorized('second_factor_expired');
    const found = await this.identities.findUserById(challenge.userId);
    if (!found) throw AppException.unauthorized('second_factor_expired');
    const subject = { userId: found.user.id };
    // Counted per user across every challenge, before the proof is checked.
    const attempt = await this.loginSecurity.reserveSecondFactorTry('user', found.user.id);
    const failed = async () => {
      await this.loginSecurity.recordAttempt(
        'user',
        found.user.email,
        found.user.id,
        meta,
        false,
        'invalid_second_factor',
      );
      if (attempt === SECOND_FACTOR_POLICY.maxFailures)
        await this.mailer.enqueue(
          secondFactorLockedEmail({
            to: found.user.email,
            name: found.user.fullName,
            minutes: SECOND_FACTOR_POLICY.windowSeconds / 60,
            resetPath: '/recuperar-senha',
            lang: found.user.language === 'en' ? 'en' : 'pt-BR',
            brand: { name: this.config.BRAND_NAME, appUrl: this.config.APP_URL },
          }),
        );
    };
    const data = challenge.data as { methods?: string[]; webauthnChallenge?: string };
    let method: string | null;
    if (proof.passkey) {
      const ok =
        (data.methods ?? []).includes('passkey') &&
        (await this.passkeys.verifyAuthentication(found.user.id, data.webauthnChallenge, proof.passkey));
      if (!ok) {
        await failed();
        throw AppException.badRequest('passkey_invalid');
      }
      method = 'passkey';
    } else {
      method = await this.twoFactor.verify(subject, found.user.totpSecret, proof);
    }
    if (!method) {
      await failed();
      throw AppException.unauthorized('second_factor_invalid');
    }
    if (!(await this.loginSecurityRepo.consumeChallenge({ tokenHash }, 'login_2fa')))
      throw AppException.unauthorized('second_factor_expired');
    await this.loginSecurity.secondFactorSucceeded('user', found.user.id);
    if (found.user.status !== 'active') throw AppException.forbidden('user_disabled');
    const accountError = accountAccessError(found.account.status);
    if (accountError) throw AppException.forbidden(accountError);
    const remember = (challenge.data as { remember?: boolean }).remember === true;
    const result = await this.finishUserLogin(found, remember, meta, method);
    return result;
  }

  private async finishUserLogin(
    row: NonNullable<Awaited<ReturnType<IdentityRepository['findUserByEmail']>>>,
    remember: boolean,
    meta: RequestMeta,
    method: string,
  ): Promise<UserLoginResult> {
    const known = await this.loginSecurityRepo.knownDevice(row.user.id, meta.userAgent, meta.ip);
    const session = await this.sessions.start({ userId: row.user.id }, meta, remember);
    await this.identities.recordUserLogin(row.user.id);
    await this.loginSecurity.recordAttempt('user', row.user.email, row.user.id, meta, true, method);
    await this.audit.record({
      accountId: row.account.id,
      actor: { type: 'user', id: row.user.id },
      action: 'auth.login',
      resourceType: 'user',
      resourceId: row.user.id,
      details: { method },
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    const prefs = row.user.notificationPrefs ?? {};
    if (known.anySuccess && (!known.sameUserAgent || !known.sameIp) && prefs.newLoginAlert !== false) {
      await this.mailer.enqueue(
        newLoginAlertEmail({
          to: row.user.email,
          name: row.user.fullName,
          device: deviceLabel(meta.userAgent, row.user.language),
          ip: meta.ip,
          when: new Date().toLocaleString(row.user.language === 'en' ? 'en-US' : 'pt-BR', {
            timeZone: row.user.timezone,
          }),
          lang: row.user.language === 'en' ? 'en' : 'pt-BR',
          brand: { name: this.config.BRAND_NAME, appUrl: this.config.APP_URL },
        }),
      );
    }
    const twoFactorEnrolmentRequired =
      row.account.requireTwoFactor &&
      !row.user.totpEnabledAt &&
      !(await this.passkeys.hasPasskeys(row.user.id));
    return {
      kind: 'session',
      session,
      me: { ...toMe(row), ...(twoFactorEnrolmentRequired ? { twoFactorEnrolmentRequired: true } : {}) },
    };
  }

  async me(userId: string, accountId: string): Promise<Me> {
    const row = await this.identities.findUserWithAccount(userId, accountId);
    if (!row) throw AppException.unauthorized();
    return toMe(row);
  }

  async loginStaff(email: string, password: string, meta: RequestMeta, captcha?: CaptchaSolution) {
    await this.rateLimits.hit(`staff-login:ip:${meta.ip}`, 20, 600);
    // Outside the allowlist or the allowed hours nothing is checked at all (same answer for any e-mail).
    await this.staffAccess.check(meta.ip);
    const staff = await this.identities.findStaffByEmail(email);
    try {
      await this.loginSecurity.checkPassword('staff', email, password, captcha, meta, staff);
    } catch (error) {
      if (error instanceof AppException && error.status === 401)
        await this.loginSecurity.queueFailedLoginAudit('staff', email, meta);
      throw error;
    }
    // A disabled staff member gets the same answer as a wrong password.
    if (staff!.status !== 'active') throw AppException.unauthorized('invalid_credentials');
    if (staff!.totpEnabledAt) {
      const challengeToken = randomToken(32);
      await this.loginSecurityRepo.createChallenge({
        kind: 'staff_login_2fa',
        tokenHash: sha256Hex(challengeToken),
        staffId: staff!.id,
        data: {},
        expiresAt: new Date(Date.now() + SECOND_FACTOR_TTL_MS),
      });
      return {
        kind: 'second_factor' as const,
        challengeToken,
        methods: ['totp', 'recovery_code'] as Array<'totp' | 'recovery_code'>,
      };
    }
    return this.finishStaffLogin(staff!, meta, 'password');
  }

  async completeStaffSecondFactor(challengeToken: string, proof: SecondFactorProof, meta: RequestMeta) {
    await this.rateLimits.hit(`staff-second-factor:ip:${meta.ip}`, 20, 600);
    const tokenHash = sha256Hex(challengeToken);
    const challenge = await this.loginSecurityRepo.tryChallenge(tokenHash, 'staff_login_2fa', 5);
    if (!challenge?.staffId) throw AppException.unauthorized('second_factor_expired');
    const staff = await this.identities.findStaff(challenge.staffId);
    if (!staff || staff.status !== 'active') throw AppException.unauthorized('second_factor_expired');
    const attempt = await this.loginSecurity.reserveSecondFactorTry('staff', staff.id);
    const method = await this.twoFactor.verify({ staffId: staff.id }, staff.totpSecret, proof);
    if (!method) {
      await this.loginSecurity.recordAttempt(
        'staff',
        staff.email,
        staff.id,
        meta,
        false,
        'invalid_second_factor',
      );
      if (attempt === SECOND_FACTOR_POLICY.maxFailures)
        await this.mailer.enqueue(
          secondFactorLockedEmail({
            to: staff.email,
            name: staff.fullName,
            minutes: SECOND_FACTOR_POLICY.windowSeconds / 60,
            resetPath: '/staff/entrar',
            lang: staff.language === 'en' ? 'en' : 'pt-BR',
            brand: { name: this.config.BRAND_NAME, appUrl: this.config.APP_URL },
          }),
        );
      throw AppException.unauthorized('second_factor_invalid');
    }
    if (!(await this.loginSecurityRepo.consumeChallenge({ tokenHash }, 'staff_login_2fa')))
      throw AppException.unauthorized('second_factor_expired');
    await this.loginSecurity.secondFactorSucceeded('staff', staff.id);
    return this.finishStaffLogin(staff, meta, method);
  }

  private async finishStaffLogin(
    staff: NonNullable<Awaited<ReturnType<IdentityRepository['findStaff']>>>,
    meta: RequestMeta,
    method: string,
  ) {
    const session = await this.sessions.start({ staffId: staff.id }, meta, false);
    await this.identities.recordStaffLogin(staff.id);
    await this.loginSecurity.recordAttempt('staff', staff.email, staff.id, meta, true, method);
    await this.audit.record({
      actor: { type: 'staff', id: staff.id },
      action: 'staff.login',
      resourceType: 'staff',
      resourceId: staff.id,
      details: { method },
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    return { kind: 'session' as const, session, staff: toStaff(staff) };
  }

  async staffMe(staffId: string) {
    const staff = await this.identities.findStaff(staffId);
    if (!staff) throw AppException.unauthorized();
    return toStaff(staff);
  }
}

function toMe(row: {
  user: { id: string; fullName: string; email: string; role: Me['user']['role']; theme: string };
  account: { id: string; name: string; status: Me['account']['status'] };
}): Me {
  const theme = row.user.theme === 'light' || row.user.theme === 'dark' ? row.user.theme : 'system';
  return {
    user: {
      id: row.user.id,
      fullName: row.user.fullName,
      email: row.user.email,
      role: row.user.role,
      theme,
    },
    account: { id: row.account.id, name: row.account.name, status: row.account.status },
    permissions: rolePermissions(row.user.role),
  };
}

function toStaff(staff: {
  id: string;
  fullName: string;
  email: string;
  role: StaffRole;
  totpEnabledAt?: Date | null;
}) {
  return {
    staff: { id: staff.id, fullName: staff.fullName, email: staff.email, role: staff.role },
    // 2FA is mandatory for staff: until enrolled, the session reaches only the enrolment routes.
    ...(staff.totpEnabledAt ? {} : { twoFactorEnrolmentRequired: true }),
  };
}
