import { Inject, Injectable, Logger } from '@nestjs/common';
import { buildTenantPolicy, type IamPolicyDocument } from '@csp/minio-admin';
import { AppException } from '../../../common/app-exception';
import { newAccessKeyId, newSecretKey, SecretBox } from '../../../common/crypto';
import { SECRET_BOX } from '../../../common/secret-box.provider';
import { StorageUserSecretService } from './storage-user-secret.service';
import { InjectStorageAdmin, storageNames } from '../storage.clients';
import type { StorageAdmin } from '../storage-admin.port';
import { ProvisioningRepository } from './provisioning.repository';
import { AccessKeysRepository } from '../access-keys/access-keys.repository';

/**
 * Puts an account on MinIO: its user, its policy (exactly its buckets), and a first access key.
 * Every step checks what already exists, so a retry after any failure completes the work without
 * creating anything twice. The account becomes active only after all steps succeeded.
 */
@Injectable()
export class ProvisioningService {
  private readonly logger = new Logger('Provisioning');

  constructor(
    private readonly provisioningRows: ProvisioningRepository,
    private readonly keyRows: AccessKeysRepository,
    @InjectStorageAdmin() private readonly storageAdmin: StorageAdmin,
    @Inject(SECRET_BOX) private readonly secrets: SecretBox,
    private readonly userSecrets: StorageUserSecretService,
  ) {}

  async provisionAccount(accountId: string): Promise<{ initialAccessKeyId: string }> {
    const storageUser = await this.provisioningRows.ensureStorageUser(
      accountId,
      storageNames.user(accountId),
      storageNames.policy(accountId),
    );
    if (!(await this.provisioningRows.claimProvisioningLease(accountId, 60))) {
      throw new AppException(409, 'provisioning_in_progress');
    }
    try {
      await this.syncPolicy(accountId);
      const existing = await this.storageAdmin.getUserInfo(storageUser.minioUser);
      if (!existing || !storageUser.secretSealed || !storageUser.secretSetAt) {
        // The user's secret is kept sealed: the platform mints the account's temporary credentials
        // (STS AssumeRole as this user) with it. A retry resends the same unconfirmed secret.
        await this.userSecrets.writeSecret(accountId, 'enabled');
      }
      await this.storageAdmin.attachPolicy({
        user: storageUser.minioUser,
        policies: [storageUser.policyName],
      });
      const key = await this.ensureInitialKey(accountId, storageUser.minioUser);
      await this.provisioningRows.markStorageUserProvisioned(accountId);
      return { initialAccessKeyId: key };
    } catch (error) {
      if (error instanceof AppException) throw error;
      this.logger.warn(`provisioning of ${accountId} stopped: ${(error as Error).message}`);
      throw new AppException(502, 'provisioning_failed', { reason: describeStorageError(error) });
    } finally {
      await this.provisioningRows.releaseProvisioningLease(accountId);
    }
  }

  /**
   * Rewrites the account's policy to cover exactly its live buckets, read-only (deletes allowed)
   * while writes are blocked over the quota. The one place that writes it; the reconciler compares MinIO with `expectedAccountPolicy`.
   */
  async syncPolicy(accountId: string): Promise<void> {
    // Read and written under a per-account lock: concurrent syncs (a bucket created while the
    // quota check blocks writes) run one after the other, and the last one writes the latest state.
    await this.provisioningRows.withPolicyInputs(accountId, async (inputs) => {
      await this.storageAdmin.addCannedPolicy(storageNames.policy(accountId), expectedAccountPolicy(inputs));
    });
  }

  private async ensureInitialKey(accountId: string, minioUser: string): Promise<string> {
    let key = await this.keyRows.findInitialKey(accountId);
    if (!key) {
      // The secret is sealed in the row before MinIO hears of it, so a retry reuses the same key.
      const secret = newSecretKey();
      const accessKeyId = newAccessKeyId();
      await this.keyRows.insertAccessKey({
        accountId,
        accessKeyId,
        name: 'Chave inicial',
        isInitial: true,
        pendingSecret: this.secrets.seal(secret, pendingSecretAad(accessKeyId)),
      });
      key = (await this.keyRows.findInitialKey(accountId))!;
    }
    if (!key.provisioned) {
      const existing = await this.storageAdmin.infoServiceAccount(key.accessKeyId);
      if (!existing) {
        if (!key.pendingSecret) throw new Error('initial key lost its secret before reaching MinIO');
        await this.storageAdmin.addServiceAccount({
          targetUser: minioUser,
          accessKey: key.accessKeyId,
          secretKey: this.secrets.open(key.pendingSecret, pendingSecretAad(key.accessKeyId)),
        });
      }
      await this.keyRows.markKeyProvisioned(key.id);
    }
    return key.accessKeyId;
  }
}

/** Binds a sealed initial secret to its row (`access_keys.pending_secret` of that key id). */
export const pendingSecretAad = (accessKeyId: string) => `access_keys.pending_secret:${accessKeyId}`;

/** The account's canned policy as it must be on MinIO (pure: syncPolicy writes it, the reconciler checks it). */
export function expectedAccountPolicy(input: {
  bucketNames: string[];
  writesBlocked: boolean;
}): IamPolicyDocument {
  return input.writesBlocked
    ? buildBlockedTenantPolicy(input.bucketNames)
    : buildTenantPolicy(input.bucketNames, 'full');
}

/**
 * Object actions still allowed while an account is over its quota: deleting is how a customer gets
 * back under it with their own tools, and aborting a multipart upload frees its parts.
 */
export const BLOCKED_TENANT_DELETE_ACTIONS = [
  's3:DeleteObject',
  's3:DeleteObjectVersion',
  's3:AbortMultipartUpload',
];

/** Over quota: the read-only tenant policy plus deletes (no upload, copy, tagging or retention change). */
export function buildBlockedTenantPolicy(bucketNames: string[]): IamPolicyDocument {
  const policy = buildTenantPolicy(bucketNames, 'read');
  if (bucketNames.length === 0) return policy;
  return {
    ...policy,
    Statement: [
      ...policy.Statement,
      {
        Sid: 'TenantDeletesWhileOverQuota',
        Effect: 'Allow',
        Action: [...BLOCKED_TENANT_DELETE_ACTIONS],
        Resource: [...new Set(bucketNames)].sort().map((b) => `arn:aws:s3:::${b}/*`),
      },
    ],
  };
}

/** A short, secret-free description of a storage failure for messages and logs. */
export function describeStorageError(error: unknown): string {
  const e = error as { code?: string; name?: string; message?: string };
  if (e?.code === 'NetworkError' || e?.name === 'TimeoutError') return 'armazenamento inacessível';
  return (e?.code ?? e?.name ?? 'erro').toString().slice(0, 80);
}
