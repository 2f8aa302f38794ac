import { Module } from '@nestjs/common';
import { AccessKeysController } from './access-keys.controller';
import { BucketsController } from './buckets.controller';
import { ConnectionTestController } from './connection-test.controller';
import { DashboardController } from './dashboard.controller';
import { ObjectsController } from './objects.controller';
import { QuotaController } from './quota.controller';
import { StaffQuotaController } from './staff-quota.controller';
import { StorageCoreModule } from './storage-core.module';

/** The storage domain's HTTP side. */
@Module({
  imports: [StorageCoreModule],
  controllers: [
    BucketsController,
    AccessKeysController,
    DashboardController,
    ConnectionTestController,
    ObjectsController,
    QuotaController,
    StaffQuotaController,
  ],
  exports: [StorageCoreModule],
})
export class StorageModule {}
