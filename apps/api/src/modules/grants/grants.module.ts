import { Module } from '@nestjs/common';
import { IdentityCoreModule } from '../identity';
import { GrantSessionService } from './grant-session.service';
import { GrantsController } from './grants.controller';
import { GrantsRepository } from './grants.repository';
import { GrantsService } from './grants.service';
import { StaffGrantsController } from './staff-grants.controller';

@Module({
  imports: [IdentityCoreModule],
  controllers: [GrantsController, StaffGrantsController],
  providers: [GrantsRepository, GrantsService, GrantSessionService],
  // The AuthGuard resolves grant sessions on every customer request.
  exports: [GrantSessionService],
})
export class GrantsModule {}
