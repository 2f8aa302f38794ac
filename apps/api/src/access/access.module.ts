import { Module } from '@nestjs/common';
import { AccessRepository } from './access.repository';
import { ResourceAccessService } from './resource-access.service';

/** Resource-level checks for the domains; the route-level guard is registered by the app module. */
@Module({
  providers: [AccessRepository, ResourceAccessService],
  exports: [ResourceAccessService],
})
export class AccessModule {}
