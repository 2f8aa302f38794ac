import { Module } from '@nestjs/common';
import { AccessKeysController } from './access-keys.controller';
import { AccessKeysService } from './access-keys.service';
import { BucketsController } from './buckets.controller';
import { BucketsService } from './buckets.service';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';
import { ProvisioningService } from './provisioning.service';
import { storageClientProviders } from './storage.clients';
import { StorageRepository } from './storage.repository';
import { UsageService } from './usage.service';

@Module({
  controllers: [BucketsController, AccessKeysController, DashboardController],
  providers: [
    ...storageClientProviders,
    StorageRepository,
    ProvisioningService,
    BucketsService,
    AccessKeysService,
    UsageService,
    DashboardService,
  ],
  exports: [ProvisioningService, StorageRepository, ...storageClientProviders],
})
export class StorageModule {}
