import { Module } from '@nestjs/common';
import { AuthController } from './login/auth.controller';
import { AccountSecurityController } from './profile/account-security.controller';
import { StaffSecurityController } from './staff/staff-security.controller';
import { StaffMembersController } from './staff/staff-members.controller';
import { IdentityCoreModule } from './identity-core.module';

/** Identity's HTTP side: login, the security pages, staff security and staff members. */
@Module({
  imports: [IdentityCoreModule],
  controllers: [AuthController, AccountSecurityController, StaffSecurityController, StaffMembersController],
  exports: [IdentityCoreModule],
})
export class IdentityModule {}
