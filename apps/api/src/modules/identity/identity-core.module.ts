import { Module } from '@nestjs/common';
import { ApiTokensModule } from '../api-tokens';
import { AuthService } from './login/auth.service';
import { IdentityRepository } from './identity.repository';
import { SessionRepository } from './sessions/session.repository';
import { SessionService } from './sessions/session.service';
import { StaffBootstrapService } from './staff/staff-bootstrap.service';
import { AccountSecurityRepository } from './profile/account-security.repository';
import { AccountSecurityService } from './profile/account-security.service';
import { LoginSecurityRepository } from './login/login-security.repository';
import { LoginSecurityService } from './login/login-security.service';
import { PasswordResetService } from './login/password-reset.service';
import { StaffSecurityService } from './staff/staff-security.service';
import { PasskeyRepository } from './two-factor/passkey.repository';
import { PasskeyService } from './two-factor/passkey.service';
import { TwoFactorService } from './two-factor/two-factor.service';
import { StaffAccessRepository } from './staff/staff-access.repository';
import { StaffAccessService } from './staff/staff-access.service';
import { EmailChangeRepository } from './profile/email-change.repository';
import { EmailChangeService } from './profile/email-change.service';
import { StaffMembersRepository } from './staff/staff-members.repository';
import { StaffMembersService } from './staff/staff-members.service';

const IDENTITY_PROVIDERS = [
  AuthService,
  IdentityRepository,
  SessionRepository,
  SessionService,
  StaffBootstrapService,
  LoginSecurityRepository,
  LoginSecurityService,
  TwoFactorService,
  PasskeyRepository,
  PasskeyService,
  AccountSecurityRepository,
  AccountSecurityService,
  PasswordResetService,
  StaffSecurityService,
  StaffAccessRepository,
  EmailChangeRepository,
  StaffMembersRepository,
  StaffAccessService,
  EmailChangeService,
  StaffMembersService,
];

/**
 * Identity's services and repositories, without HTTP: IdentityModule adds the controllers, the
 * worker's IdentityWorkerModule the jobs. Both import this one.
 */
@Module({
  // Credential changes revoke the user's API tokens.
  imports: [ApiTokensModule],
  providers: IDENTITY_PROVIDERS,
  exports: IDENTITY_PROVIDERS,
})
export class IdentityCoreModule {}
