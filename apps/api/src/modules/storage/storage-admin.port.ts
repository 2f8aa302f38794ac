import type { MinioAdminClient } from '@csp/minio-admin';

/**
 * The storage port: what the platform asks of the object store's admin side (policies, the
 * account's user, its service accounts, bucket quotas, usage). Services depend on this type and
 * the STORAGE_ADMIN token (`@InjectStorageAdmin()`), never on a client class. Its one
 * implementation today is our MinIO admin client (@csp/minio-admin, admin API v3); the AIStor
 * work adds a second one (admin API v4) behind the same shape. The data side is plain S3 and needs
 * no port.
 */
export type StorageAdmin = Pick<
  MinioAdminClient,
  | 'addCannedPolicy'
  | 'getCannedPolicy'
  | 'addUser'
  | 'getUserInfo'
  | 'setUserStatus'
  | 'attachPolicy'
  | 'addServiceAccount'
  | 'infoServiceAccount'
  | 'updateServiceAccount'
  | 'deleteServiceAccount'
  | 'listServiceAccounts'
  | 'setBucketQuota'
  | 'getBucketQuota'
  | 'dataUsageInfo'
>;
