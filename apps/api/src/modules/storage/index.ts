/** The storage domain's public entry: other domains and the app import only what is listed here. */
export { AccessKeysWorker } from './access-keys.worker';
export { writePublicRead } from './bucket-s3';
export { KeyPoliciesOnBucketCreated, KeyPoliciesOnBucketDeleted } from './key-policies.consumer';
export { ProvisioningService, describeStorageError, expectedAccountPolicy } from './provisioning.service';
export { QuotaWorker } from './quota.worker';
export { StorageCoreModule } from './storage-core.module';
export { StorageSecretsWorker } from './storage-secrets.worker';
export { expectedStorageUserStatus } from './storage-status';
export { StorageUserSecretService } from './storage-user-secret.service';
export { StorageWorkersModule } from './storage-workers.module';
export { InjectMinioAdmin, InjectS3Root } from './storage.clients';
export { StorageModule } from './storage.module';
