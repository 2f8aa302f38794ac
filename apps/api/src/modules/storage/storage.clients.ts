import { Inject } from '@nestjs/common';
import { S3Client } from '@aws-sdk/client-s3';
import { MinioAdminClient } from '@csp/minio-admin';
import type { AppConfig } from '../../config/config';
import type { StorageAdmin } from './storage-admin.port';
import { APP_CONFIG } from '../../config/config';

/** The storage port's implementation (storage-admin.port.ts). */
export const STORAGE_ADMIN = Symbol('STORAGE_ADMIN');
export const S3_ROOT = Symbol('S3_ROOT');
export const InjectStorageAdmin = () => Inject(STORAGE_ADMIN);
export const InjectS3Root = () => Inject(S3_ROOT);

/** Root-credential clients: only the platform holds them, never a customer or SFTPGo. */
export const storageClientProviders = [
  {
    provide: STORAGE_ADMIN,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig): StorageAdmin =>
      new MinioAdminClient({
        endpoint: config.MINIO_ENDPOINT,
        accessKey: config.MINIO_ROOT_USER,
        secretKey: config.MINIO_ROOT_PASSWORD,
        region: config.S3_REGION,
        apiVersion: config.MINIO_ADMIN_API_VERSION,
        timeoutMs: 15_000,
      }),
  },
  {
    provide: S3_ROOT,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) =>
      new S3Client({
        endpoint: config.MINIO_ENDPOINT,
        region: config.S3_REGION,
        forcePathStyle: true,
        credentials: { accessKeyId: config.MINIO_ROOT_USER, secretAccessKey: config.MINIO_ROOT_PASSWORD },
        maxAttempts: 2,
      }),
  },
];

/** Deterministic MinIO names per account, so every provisioning step can be retried safely. */
export const storageNames = {
  user: (accountId: string) => `acct-${accountId}`,
  policy: (accountId: string) => `acct-${accountId}`,
};
