import { Module } from '@nestjs/common';
import { AccessKeysRepository } from './access-keys/access-keys.repository';
import { AccessKeysService } from './access-keys/access-keys.service';
import { AccessModule } from '../../access/access.module';
import { BucketsRepository } from './buckets/buckets.repository';
import { BucketsService } from './buckets/buckets.service';
import { ConnectionTestRepository } from './backup/connection-test.repository';
import { ConnectionTestService } from './backup/connection-test.service';
import { DashboardService } from './dashboard.service';
import { KeyPoliciesOnBucketCreated, KeyPoliciesOnBucketDeleted } from './access-keys/key-policies.consumer';
import { ObjectsService } from './objects/objects.service';
import { ProvisioningService } from './provisioning/provisioning.service';
import { QuotaEnforcementService } from './quota/quota-enforcement.service';
import { QuotaRepository } from './quota/quota.repository';
import { QuotaService } from './quota/quota.service';
import { StorageCredentialsRepository } from './objects/storage-credentials.repository';
import { StorageCredentialsService } from './objects/storage-credentials.service';
import { ProvisioningRepository } from './provisioning/provisioning.repository';
import { StorageUserSecretService } from './provisioning/storage-user-secret.service';
import { UsageService } from './quota/usage.service';
import { storageClientProviders } from './storage.clients';

const STORAGE_PROVIDERS = [
  ...storageClientProviders,
  ProvisioningRepository,
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
