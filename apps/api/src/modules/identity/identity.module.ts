import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { IdentityRepository } from './identity.repository';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';
import { StaffBootstrapService } from './staff-bootstrap.service';

@Module({
  controllers: [AuthController],
  providers: [AuthService, IdentityRepository, SessionRepository, SessionService, StaffBootstrapService],
  exports: [SessionService, StaffBootstrapService],
})
export class IdentityModule {}
