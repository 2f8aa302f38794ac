import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { InvitationAcceptanceController, TeamController } from './team.controller';
import { TeamRepository } from './team.repository';
import { TeamService } from './team.service';

@Module({
  imports: [IdentityModule],
  controllers: [TeamController, InvitationAcceptanceController],
  providers: [TeamRepository, TeamService],
})
export class TeamModule {}
