import { Module } from '@nestjs/common';
import { ApiTokensModule } from '../api-tokens';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { IdentityRepository } from './identity.repository';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';
import { StaffBootstrapService } from './staff-bootstrap.service';
import { AccountSecurityController } from './account-security.controller';
import { AccountSecurityRepository } from './account-security.repository';
import { AccountSecurityService } from './account-security.service';
import { LoginSecurityRepository } from './login-security.repository';
import { LoginSecurityService } from './login-security.service';
import { PasswordResetService } from './password-reset.service';
import { StaffSecurityController } from './staff-security.controller';
import { StaffSecurityService } from './staff-security.service';
import { PasskeyRepository } from './passkey.repository';
import { PasskeyService } from './passkey.service';
import { TwoFactorService } from './two-factor.service';
import { StaffAccessRepository } from './staff-access.repository';
import { StaffAccessService } from './staff-access.service';
import { EmailChangeRepository } from './email-change.repository';
import { EmailChangeService } from './email-change.service';
import { StaffMembersController } from './staff-members.controller';
import { StaffMembersRepository } from './staff-members.repository';
import { StaffMembersService } from './staff-members.service';

@Module({
  // Credential changes revoke the user's API tokens.
  imports: [ApiTokensModule],
  controllers: [AuthController, AccountSecurityController, StaffSecurityController, StaffMembersController],
  providers: [
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
  ],
  exports: [
    SessionService,
    LoginSecurityService,
    StaffBootstrapService,
    PasswordResetService,
    TwoFactorService,
    StaffAccessService,
    EmailChangeService,
    StaffMembersService,
  ],
})
export class IdentityModule {}
