import { Module } from '@nestjs/common';
import { AccessModule } from '../../access/access.module';
import { IdentityCoreModule } from '../identity';
import { InvitationAcceptanceController, TeamController } from './team.controller';
import { TeamRepository } from './team.repository';
import { TeamService } from './team.service';

@Module({
  imports: [IdentityCoreModule, AccessModule],
  controllers: [TeamController, InvitationAcceptanceController],
  providers: [TeamRepository, TeamService],
})
export class TeamModule {}
