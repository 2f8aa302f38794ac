import { Injectable } from '@nestjs/common';
import { AppException } from '../../../common/app-exception';
import { AuditService } from '../../audit';
import type { RequestMeta } from '../../../common/request-meta';
import type { StaffAuth } from '../../../access/auth.types';
import { AccountSecurityRepository } from '../profile/account-security.repository';
import { IdentityRepository } from '../identity.repository';
import { LoginSecurityService } from '../login/login-security.service';
import { passwordProblem } from '../../../common/password-policy';
import { hashPassword, verifyPassword } from '../login/password';
import { ipAllowed, withinHours, type StaffLoginSettings } from './staff-access-policy';
import { StaffAccessService } from './staff-access.service';
import { SessionService } from '../sessions/session.service';
import { TwoFactorService } from '../two-factor/two-factor.service';

@Injectable()
export class StaffSecurityService {
  constructor(
    private readonly identities: IdentityRepository,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly twoFactor: TwoFactorService,
    private readonly staffAccess: StaffAccessService,
    private readonly security: AccountSecurityRepository,
    private readonly loginSecurity: LoginSecurityService,
  ) {}

  async forceLogoutUser(staff: StaffAuth, userId: string, meta: RequestMeta) {
    const row = await this.identities.findUserById(userId);
    if (!row) throw AppException.notFound();
    const ended = await this.sessions.endAllSessionsOfUser(userId);
    await this.audit.byStaff(staff, meta, {
      accountId: row.account.id,
      action: 'user.force_logout',
      resourceType: 'user',
      resourceId: userId,
      details: { ended },
    });
    return { ended };
  }

  private async staff(auth: StaffAuth) {
    const staff = await this.identities.findStaff(auth.staffId);
    if (!staff) throw AppException.unauthorized();
    return staff;
  }

  async startTotp(auth: StaffAuth) {
    const staff = await this.staff(auth);
    return this.twoFactor.startTotp({ staffId: staff.id }, staff.email, Boolean(staff.totpEnabledAt));
  }

  /** Enrolment is a privilege change: every session of the member ends and a new one starts. */
  async confirmTotp(auth: StaffAuth, code: string, meta: RequestMeta) {
    const staff = await this.staff(auth);
    const { recoveryCodes } = await this.twoFactor.confirmTotp(
      { staffId: staff.id },
      staff.totpSecret,
      Boolean(staff.totpEnabledAt),
      code,
    );
    await this.sessions.endAllSessionsOfStaff(staff.id);
    const session = await this.sessions.start({ staffId: staff.id }, meta, false);
    await this.audit.byStaff(auth, meta, {
      action: 'staff.two_factor_enabled',
      resourceType: 'staff',
      resourceId: staff.id,
    });
    return { recoveryCodes, session };
  }

  /** Own password: the current one is checked, every other session of the member ends. */
  async changePassword(auth: StaffAuth, current: string, next: string, meta: RequestMeta) {
    const staff = await this.staff(auth);
    await this.loginSecurity.reauthenticate('staff', staff.id, async () =>
      (await verifyPassword(staff.passwordHash, current)) ? null : 'current_password_invalid',
    );
    const problem = passwordProblem(next);
    if (problem) throw AppException.validation({ newPassword: problem });
    await this.security.setStaffPassword(staff.id, await hashPassword(next));
    const ended = await this.sessions.endOtherSessionsOfStaff(staff.id, auth.sessionId);
    await this.audit.byStaff(auth, meta, {
      action: 'staff.password_changed',
      resourceType: 'staff',
      resourceId: staff.id,
      details: { sessionsEnded: ended },
    });
  }

  /** New recovery codes (the old ones stop working); needs the password and a current TOTP code. */
  async regenerateRecoveryCodes(auth: StaffAuth, password: string, code: string, meta: RequestMeta) {
    const staff = await this.staff(auth);
    if (!staff.totpEnabledAt) throw AppException.conflict('two_factor_not_enabled');
    await this.loginSecurity.reauthenticate('staff', staff.id, async () => {
      if (!(await verifyPassword(staff.passwordHash, password))) return 'current_password_invalid';
      if (!(await this.twoFactor.verify({ staffId: staff.id }, staff.totpSecret, { code })))
        return 'second_factor_invalid';
      return null;
    });
    const result = await this.twoFactor.regenerateRecoveryCodes({ staffId: staff.id });
    await this.audit.byStaff(auth, meta, {
      action: 'staff.recovery_codes_regenerated',
      resourceType: 'staff',
      resourceId: staff.id,
    });
    return result;
  }

  /** What the staff security page shows about the signed-in member. */
  async overview(auth: StaffAuth) {
    const staff = await this.staff(auth);
    return {
      twoFactorEnabled: Boolean(staff.totpEnabledAt),
      recoveryCodesRemaining: staff.totpEnabledAt
        ? await this.twoFactor.remainingRecoveryCodes({ staffId: staff.id })
        : 0,
      passwordChangedAt: staff.passwordChangedAt?.toISOString() ?? null,
    };
  }

  loginSettings() {
    return this.staffAccess.settings();
  }

  async setLoginSettings(auth: StaffAuth, settings: StaffLoginSettings, meta: RequestMeta) {
    // Never let a super admin lock themselves out with the very request that saves the rules.
    if (!ipAllowed(settings.ipAllowlist, meta.ip))
      throw AppException.validation({ ipAllowlist: 'staff_ip_not_allowed' });
    if (!withinHours(settings.hours, new Date()))
      throw AppException.validation({ hours: 'staff_outside_hours' });
    const before = await this.staffAccess.settings();
    await this.staffAccess.save(settings, auth.staffId);
    await this.audit.byStaff(auth, meta, {
      action: 'staff.login_settings_changed',
      resourceType: 'platform_settings',
      resourceId: 'staff_login',
      details: { before, after: settings },
    });
    return settings;
  }
}
