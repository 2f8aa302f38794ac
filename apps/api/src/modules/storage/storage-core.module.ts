import { Module } from '@nestjs/common';
import { AccessKeysRepository } from './access-keys.repository';
import { AccessKeysService } from './access-keys.service';
import { AccessModule } from '../../access/access.module';
import { BucketsRepository } from './buckets.repository';
import { BucketsService } from './buckets.service';
import { ConnectionTestRepository } from './connection-test.repository';
import { ConnectionTestService } from './connection-test.service';
import { DashboardService } from './dashboard.service';
import { KeyPoliciesOnBucketCreated, KeyPoliciesOnBucketDeleted } from './key-policies.consumer';
import { ObjectsService } from './objects.service';
import { ProvisioningService } from './provisioning.service';
import { QuotaEnforcementService } from './quota-enforcement.service';
import { QuotaRepository } from './quota.repository';
import { QuotaService } from './quota.service';
import { StorageCredentialsRepository } from './storage-credentials.repository';
import { StorageCredentialsService } from './storage-credentials.service';
import { StorageRepository } from './storage.repository';
import { StorageUserSecretService } from './storage-user-secret.service';
import { UsageService } from './usage.service';
import { storageClientProviders } from './storage.clients';

const STORAGE_PROVIDERS = [
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
];

/**
 * The storage domain's services and repositories, without HTTP: the API's StorageModule adds the
 * controllers, the worker's StorageWorkersModule adds the sweeps. Both import this one.
 */
@Module({
  imports: [AccessModule],
  providers: STORAGE_PROVIDERS,
  exports: STORAGE_PROVIDERS,
})
export class StorageCoreModule {}
