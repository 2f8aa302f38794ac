import { Module } from '@nestjs/common';
import { AccessKeysController } from './access-keys.controller';
import { AccessKeysRepository } from './access-keys.repository';
import { AccessKeysService } from './access-keys.service';
import { BucketsController } from './buckets.controller';
import { BucketsRepository } from './buckets.repository';
import { BucketsService } from './buckets.service';
import { ConnectionTestController } from './connection-test.controller';
import { ConnectionTestRepository } from './connection-test.repository';
import { ConnectionTestService } from './connection-test.service';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';
import { KeyPoliciesOnBucketCreated, KeyPoliciesOnBucketDeleted } from './key-policies.consumer';
import { ObjectsController } from './objects.controller';
import { ObjectsService } from './objects.service';
import { ProvisioningService } from './provisioning.service';
import { QuotaEnforcementService } from './quota-enforcement.service';
import { QuotaController } from './quota.controller';
import { QuotaRepository } from './quota.repository';
import { QuotaService } from './quota.service';
import { StaffQuotaController } from './staff-quota.controller';
import { storageClientProviders } from './storage.clients';
import { StorageCredentialsRepository } from './storage-credentials.repository';
import { StorageCredentialsService } from './storage-credentials.service';
import { StorageUserSecretService } from './storage-user-secret.service';
import { StorageRepository } from './storage.repository';
import { UsageService } from './usage.service';

@Module({
  controllers: [
    BucketsController,
    AccessKeysController,
    DashboardController,
    ConnectionTestController,
    ObjectsController,
    QuotaController,
    StaffQuotaController,
  ],
  providers: [
    ...storageClientProviders,
    StorageRepository,
    StorageCredentialsRepository,
    StorageUserSecretService,
    StorageCredentialsService,
    ProvisioningService,
    BucketsService,
    BucketsRepository,
    AccessKeysService,
    AccessKeysRepository,
    UsageService,
    DashboardService,
    ObjectsService,
    ConnectionTestRepository,
    ConnectionTestService,
    QuotaRepository,
    QuotaEnforcementService,
    QuotaService,
    KeyPoliciesOnBucketCreated,
    KeyPoliciesOnBucketDeleted,
  ],
  exports: [
    KeyPoliciesOnBucketCreated,
    KeyPoliciesOnBucketDeleted,
    ProvisioningService,
    StorageUserSecretService,
    StorageCredentialsRepository,
    StorageRepository,
    AccessKeysService,
    QuotaEnforcementService,
    ...storageClientProviders,
  ],
})
export class StorageModule {}
