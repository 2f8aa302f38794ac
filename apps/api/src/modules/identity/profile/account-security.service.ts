import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { ApiTokensService } from '../../api-tokens';
import { AuditService } from '../../audit';
import { MailerService, passwordChangedEmail } from '../../notifications';
import { AppException } from '../../../common/app-exception';
import type { Language } from '../../../common/messages';
import { AccountSecurityRepository } from './account-security.repository';
import type { RequestMeta } from '../../../common/request-meta';
import type { UserAuth } from '../../../access/auth.types';
import { deviceLabel } from '../login/device';
import { LoginSecurityRepository } from '../login/login-security.repository';
import { LoginSecurityService } from '../login/login-security.service';
import { PasskeyService } from '../two-factor/passkey.service';
import { passwordProblem } from '../../../common/password-policy';
import { hashPassword, verifyPassword } from '../login/password';
import { SessionService } from '../sessions/session.service';
import { TwoFactorService, type SecondFactorProof } from '../two-factor/two-factor.service';
import { NOTIFICATION_TYPES } from './account-security.dto';

type ProfileUpdate = Partial<{
  fullName: string;
  phone: string | null;
  language: 'pt-BR' | 'en';
  timezone: string;
  theme: 'light' | 'dark' | 'system';
  notificationPrefs: Partial<Record<(typeof NOTIFICATION_TYPES)[number], boolean>>;
}>;

const TIMEZONES = new Set(Intl.supportedValuesOf('timeZone'));
TIMEZONES.add('UTC');

/** The signed-in user's own security: 2FA, sessions, login history, password, profile. */
@Injectable()
export class AccountSecurityService {
  constructor(
    private readonly repo: AccountSecurityRepository,
    private readonly loginRepo: LoginSecurityRepository,
    private readonly loginSecurity: LoginSecurityService,
    private readonly twoFactor: TwoFactorService,
    private readonly passkeys: PasskeyService,
    private readonly sessions: SessionService,
    private readonly apiTokens: ApiTokensService,
    private readonly audit: AuditService,
    private readonly mailer: MailerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async user(auth: UserAuth) {
    const user = await this.repo.findUser(auth.userId);
    if (!user) throw AppException.unauthorized();
    return user;
  }

  async overview(auth: UserAuth) {
    const user = await this.user(auth);
    const account = await this.repo.findAccount(auth.accountId);
    return {
      twoFactorEnabled: Boolean(user.totpEnabledAt),
      recoveryCodesRemaining: user.totpEnabledAt
        ? await this.twoFactor.remainingRecoveryCodes({ userId: user.id })
        : 0,
      passwordChangedAt: user.passwordChangedAt?.toISOString() ?? null,
      accountRequiresTwoFactor: account?.requireTwoFactor ?? false,
      hasPasskey: await this.passkeys.hasPasskeys(user.id),
    };
  }

  async startTotp(auth: UserAuth) {
    const user = await this.user(auth);
    return this.twoFactor.startTotp({ userId: user.id }, user.email, Boolean(user.totpEnabledAt));
  }

  async confirmTotp(auth: UserAuth, code: string, meta: RequestMeta) {
    const user = await this.user(auth);
    const result = await this.twoFactor.confirmTotp(
      { userId: user.id },
      user.totpSecret,
      Boolean(user.totpEnabledAt),
      code,
    );
    // A privilege change: every session ends and the caller gets a new token.
    const session = await this.sessions.rotateUser(user.id, auth.sessionId, meta);
    const tokensRevoked = await this.apiTokens.revokeAllOfUser(user.id);
    await this.audit.byUser(auth, meta, {
      action: 'user.two_factor_enabled',
      resourceType: 'user',
      resourceId: user.id,
      details: { tokensRevoked },
    });
    return { ...result, session };
  }

  async disableTwoFactor(auth: UserAuth, password: string, proof: SecondFactorProof, meta: RequestMeta) {
    const user = await this.user(auth);
    if (!user.totpEnabledAt) throw AppException.conflict('two_factor_not_enabled');
    await this.loginSecurity.reauthenticate('user', user.id, async () => {
      if (!(await verifyPassword(user.passwordHash, password))) return 'current_password_invalid';
      if (!(await this.twoFactor.verify({ userId: user.id }, user.totpSecret, proof)))
        return 'second_factor_invalid';
      return null;
    });
    await this.twoFactor.disable({ userId: user.id });
    await this.sessions.endOtherSessionsOfUser(user.id, auth.sessionId);
    const tokensRevoked = await this.apiTokens.revokeAllOfUser(user.id);
    await this.audit.byUser(auth, meta, {
      action: 'user.two_factor_disabled',
      resourceType: 'user',
      resourceId: user.id,
      details: { tokensRevoked },
    });
  }

  async regenerateRecoveryCodes(auth: UserAuth, password: string, code: string, meta: RequestMeta) {
    const user = await this.user(auth);
    if (!user.totpEnabledAt) throw AppException.conflict('two_factor_not_enabled');
    await this.loginSecurity.reauthenticate('user', user.id, async () => {
      if (!(await verifyPassword(user.passwordHash, password))) return 'current_password_invalid';
      if (!(await this.twoFactor.verify({ userId: user.id }, user.totpSecret, { code })))
        return 'second_factor_invalid';
      return null;
    });
    const result = await this.twoFactor.regenerateRecoveryCodes({ userId: user.id });
    await this.audit.byUser(auth, meta, {
      action: 'user.recovery_codes_regenerated',
      resourceType: 'user',
      resourceId: user.id,
    });
    return result;
  }

  async listSessions(auth: UserAuth) {
    const { language } = await this.user(auth);
    const rows = await this.sessions.listUserSessions(auth.userId);
    return {
      items: rows.map((s) => ({
        id: s.id,
        device: deviceLabel(s.userAgent, language),
        userAgent: s.userAgent,
        ip: s.ip,
        place: s.place,
        createdAt: s.createdAt.toISOString(),
        lastSeenAt: s.lastSeenAt.toISOString(),
        current: s.id === auth.sessionId,
      })),
    };
  }

  async endSession(auth: UserAuth, sessionId: string, meta: RequestMeta) {
    if (sessionId === auth.sessionId) throw AppException.badRequest('session_current');
    if (!(await this.sessions.endUserSession(auth.userId, sessionId))) throw AppException.notFound();
    await this.audit.byUser(auth, meta, {
      action: 'user.session_ended',
      resourceType: 'session',
      resourceId: sessionId,
    });
  }

  async endOtherSessions(auth: UserAuth, meta: RequestMeta) {
    const ended = await this.sessions.endOtherSessionsOfUser(auth.userId, auth.sessionId);
    await this.audit.byUser(auth, meta, {
      action: 'user.other_sessions_ended',
      resourceType: 'user',
      resourceId: auth.userId,
      details: { ended },
    });
    return { ended };
  }

  async loginHistory(auth: UserAuth) {
    const { language } = await this.user(auth);
    const rows = await this.loginRepo.loginHistory({ userId: auth.userId }, 50);
    return {
      items: rows.map((r) => ({
        id: r.id,
        success: r.success,
        reason: r.reason,
        device: deviceLabel(r.userAgent, language),
        ip: r.ip,
        createdAt: r.createdAt.toISOString(),
      })),
    };
  }

  async changePassword(auth: UserAuth, current: string, next: string, meta: RequestMeta) {
    const user = await this.user(auth);
    await this.loginSecurity.reauthenticate('user', user.id, async () =>
      (await verifyPassword(user.passwordHash, current)) ? null : 'current_password_invalid',
    );
    const problem = passwordProblem(next);
    if (problem) throw AppException.validation({ newPassword: problem });
    await this.repo.setUserPassword(user.id, await hashPassword(next));
    const ended = await this.sessions.endOtherSessionsOfUser(user.id, auth.sessionId);
    const tokensRevoked = await this.apiTokens.revokeAllOfUser(user.id);
    await this.audit.byUser(auth, meta, {
      action: 'user.password_changed',
      resourceType: 'user',
      resourceId: user.id,
      details: { sessionsEnded: ended, tokensRevoked },
    });
    await this.mailer.enqueue(
      passwordChangedEmail({
        to: user.email,
        name: user.fullName,
        lang: user.language as Language,
        brand: { name: this.config.BRAND_NAME, appUrl: this.config.APP_URL },
      }),
    );
  }

  async profile(auth: UserAuth) {
    return toProfile(await this.user(auth));
  }

  async updateProfile(auth: UserAuth, input: ProfileUpdate, meta: RequestMeta) {
    if (input.timezone !== undefined && !TIMEZONES.has(input.timezone))
      throw AppException.validation({ timezone: 'invalid_timezone' });
    const before = await this.user(auth);
    const values: Parameters<AccountSecurityRepository['updateProfile']>[1] = { ...input };
    if (input.notificationPrefs)
      values.notificationPrefs = { ...before.notificationPrefs, ...input.notificationPrefs } as Record<
        string,
        boolean
      >;
    const after = Object.keys(values).length ? await this.repo.updateProfile(auth.userId, values) : before;
    await this.audit.byUser(auth, meta, {
      action: 'user.profile_updated',
      resourceType: 'user',
      resourceId: auth.userId,
      details: { fields: Object.keys(values) },
    });
    return toProfile(after);
  }

  async setTwoFactorPolicy(auth: UserAuth, requireTwoFactor: boolean, meta: RequestMeta) {
    await this.repo.setRequireTwoFactor(auth.accountId, requireTwoFactor);
    await this.audit.byUser(auth, meta, {
      action: 'account.two_factor_policy_changed',
      resourceType: 'account',
      resourceId: auth.accountId,
      details: { requireTwoFactor },
    });
    return { requireTwoFactor };
  }
}

function toProfile(user: {
  fullName: string;
  email: string;
  phone: string | null;
  language: string;
  timezone: string;
  theme: string;
  notificationPrefs: Record<string, boolean>;
}) {
  const prefs = Object.fromEntries(
    NOTIFICATION_TYPES.map((t) => [t, user.notificationPrefs?.[t] ?? t !== 'productNews']),
  ) as Record<(typeof NOTIFICATION_TYPES)[number], boolean>;
  return {
    fullName: user.fullName,
    email: user.email,
    phone: user.phone,
    language: (user.language === 'en' ? 'en' : 'pt-BR') as 'pt-BR' | 'en',
    timezone: user.timezone,
    theme: (['light', 'dark', 'system'].includes(user.theme) ? user.theme : 'system') as
      'light' | 'dark' | 'system',
    notificationPrefs: prefs,
  };
}
