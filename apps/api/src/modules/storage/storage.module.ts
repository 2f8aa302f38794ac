import { Module } from '@nestjs/common';
import { AccessKeysController } from './access-keys/access-keys.controller';
import { BucketsController } from './buckets/buckets.controller';
import { ConnectionTestController } from './backup/connection-test.controller';
import { DashboardController } from './dashboard.controller';
import { ObjectsController } from './objects/objects.controller';
import { QuotaController } from './quota/quota.controller';
import { StaffQuotaController } from './quota/staff-quota.controller';
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
