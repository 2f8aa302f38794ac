/** The storage domain's public entry: other domains and the app import only what is listed here. */
export { AccessKeysWorker } from './access-keys/access-keys.worker';
export { writePublicRead } from './buckets/bucket-s3';
export { KeyPoliciesOnBucketCreated, KeyPoliciesOnBucketDeleted } from './access-keys/key-policies.consumer';
export {
  ProvisioningService,
  describeStorageError,
  expectedAccountPolicy,
} from './provisioning/provisioning.service';
export { QuotaWorker } from './quota/quota.worker';
export { StorageCoreModule } from './storage-core.module';
export { StorageSecretsWorker } from './provisioning/storage-secrets.worker';
export { expectedStorageUserStatus } from './provisioning/storage-status';
export { StorageUserSecretService } from './provisioning/storage-user-secret.service';
export { StorageWorkersModule } from './storage-workers.module';
export { InjectStorageAdmin, InjectS3Root } from './storage.clients';
export { StorageModule } from './storage.module';
export type { StorageAdmin } from './storage-admin.port';
