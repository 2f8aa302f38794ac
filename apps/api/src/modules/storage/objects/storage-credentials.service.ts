import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { buildSessionPolicy, type SessionOperation } from '@csp/minio-admin';
import { AppException } from '../../../common/app-exception';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { StorageCredentialsRepository } from './storage-credentials.repository';
import { StorageUserSecretService } from '../provisioning/storage-user-secret.service';

/** Why a credential exists; metering bills "transfer" (the key "Portal") and never "housekeeping". */
export type CredentialPurpose = 'transfer' | 'housekeeping';

export interface BucketRef {
  id: string;
  name: string;
}

interface Minted {
  accessKeyId: string;
  expiresAt: number;
  /** Signs URLs for the public endpoint the browser reaches. */
  presigner: S3Client;
  /** Makes the platform's own calls on the internal endpoint. */
  client: S3Client;
}

/** Slack between "still valid" here and on MinIO (clock skew, the request in flight). */
const SAFETY_SECONDS = 60;
const MAX_CACHED = 5_000;

/**
 * The account's temporary storage credentials: STS AssumeRole signed with the account's own storage
 * user (never root), each limited by a session policy to one bucket and one operation class, so
 * MinIO itself refuses whatever an unsigned header would add (a copy from elsewhere, a governance
 * bypass, retention, SSE-C). MinIO intersects the session policy with the user's policy, so a write
 * block applies at once and a disabled (suspended) user takes every credential down with it.
 *
 * Each AssumeRole writes MinIO's IAM store, so credentials are cached per account, bucket,
 * operation and purpose, and reused while their remaining life covers what the caller needs.
 */
@Injectable()
export class StorageCredentialsService implements OnModuleDestroy {
  private readonly logger = new Logger('StorageCredentials');
  private readonly cache = new Map<string, Minted>();
  private readonly minting = new Map<string, Promise<Minted>>();

  constructor(
    private readonly repo: StorageCredentialsRepository,
    private readonly userSecrets: StorageUserSecretService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** An S3 client for the platform's own calls on `bucket`, limited to `operation`. */
  async client(
    accountId: string,
    bucket: BucketRef,
    operation: SessionOperation,
    purpose: CredentialPurpose,
  ): Promise<S3Client> {
    return (await this.credential(accountId, bucket, operation, purpose, 0)).client;
  }

  /** A presigning client whose credential outlives a URL valid for `urlSeconds`. */
  async presigner(
    accountId: string,
    bucket: BucketRef,
    operation: Exclude<SessionOperation, 'list'>,
    urlSeconds: number,
  ) {
    return (await this.credential(accountId, bucket, operation, 'transfer', urlSeconds)).presigner;
  }

  private async credential(
    accountId: string,
    bucket: BucketRef,
    operation: SessionOperation,
    purpose: CredentialPurpose,
    needSeconds: number,
  ): Promise<Minted> {
    const key = `${accountId}/${bucket.id}/${bucket.name}/${operation}/${purpose}`;
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt - Date.now() >= (needSeconds + SAFETY_SECONDS) * 1000) return cached;
    let pending = this.minting.get(key);
    if (!pending) {
      pending = this.mint(accountId, bucket, operation, purpose).finally(() => this.minting.delete(key));
      this.minting.set(key, pending);
    }
    const minted = await pending;
    // A replaced credential may still be in use by a call in flight: dropped, not destroyed.
    this.cache.set(key, minted);
    this.evictExpired();
    return minted;
  }

  private async mint(
    accountId: string,
    bucket: BucketRef,
    operation: SessionOperation,
    purpose: CredentialPurpose,
  ): Promise<Minted> {
    const user = await this.userSecrets.confirmedSecret(accountId);
    const sts = new STSClient({
      endpoint: this.config.MINIO_ENDPOINT,
      region: this.config.S3_REGION,
      maxAttempts: 2,
      credentials: { accessKeyId: user.minioUser, secretAccessKey: user.secret },
    });
    let out;
    try {
      out = await sts.send(
        new AssumeRoleCommand({
          // MinIO ignores the role for AssumeRole (the caller's own user is the role); the SDK needs one.
          RoleArn: 'arn:minio:iam:::role/csp-platform',
          RoleSessionName: `csp-${purpose}-${operation}`,
          DurationSeconds: this.config.STORAGE_CREDENTIAL_SECONDS,
          Policy: JSON.stringify(buildSessionPolicy(bucket.name, operation)),
        }),
      );
    } catch (error) {
      this.logger.warn(`AssumeRole for ${accountId} failed: ${(error as Error).name}`);
      throw new AppException(503, 'storage_unavailable');
    } finally {
      sts.destroy();
    }
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken)
      throw new AppException(503, 'storage_unavailable');
    const expiresAt = c.Expiration?.getTime() ?? Date.now() + this.config.STORAGE_CREDENTIAL_SECONDS * 1000;
    // Recorded before any use, so metering can tell the credential's requests apart.
    await this.repo.recordCredential({
      accountId,
      bucketId: bucket.id,
      accessKeyId: c.AccessKeyId,
      operation,
      purpose,
      expiresAt: new Date(expiresAt),
    });
    const credentials = {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      expiration: new Date(expiresAt),
    };
    const common = { region: this.config.S3_REGION, forcePathStyle: true, credentials };
    return {
      accessKeyId: c.AccessKeyId,
      expiresAt,
      presigner: new S3Client({ ...common, endpoint: this.config.s3PublicEndpoint }),
      client: new S3Client({ ...common, endpoint: this.config.MINIO_ENDPOINT, maxAttempts: 2 }),
    };
  }

  private retire(key: string, minted: Minted) {
    if (this.cache.get(key) === minted) this.cache.delete(key);
    minted.presigner.destroy();
    minted.client.destroy();
  }

  private evictExpired() {
    if (this.cache.size <= MAX_CACHED) return;
    const now = Date.now();
    for (const [key, minted] of this.cache) if (minted.expiresAt <= now) this.retire(key, minted);
    // Still full of live ones: drop the oldest inserted (Map keeps insertion order).
    for (const [key, minted] of this.cache) {
      if (this.cache.size <= MAX_CACHED) break;
      this.retire(key, minted);
    }
  }

  onModuleDestroy() {
    for (const [key, minted] of this.cache) this.retire(key, minted);
  }
}
