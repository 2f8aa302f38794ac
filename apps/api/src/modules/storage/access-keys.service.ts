import { Inject, Injectable, Logger } from '@nestjs/common';
import type { MinioAdminClient } from '@csp/minio-admin';
import { AppException } from '../../common/app-exception';
import { newAccessKeyId, newSecretKey, SecretBox } from '../../common/crypto';
import { SECRET_BOX } from '../../common/secret-box.provider';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import type { RequestMeta } from '../identity/auth.decorators';
import type { AccountAuth } from '../identity/auth.types';
import { InjectMinioAdmin, storageNames } from './storage.clients';
import { StorageRepository } from './storage.repository';

type KeyRow = NonNullable<Awaited<ReturnType<StorageRepository['findAccessKey']>>>;

/** Access keys are MinIO service accounts of the account's storage user; secrets are shown once. */
@Injectable()
export class AccessKeysService {
  private readonly logger = new Logger('AccessKeys');

  constructor(
    private readonly storage: StorageRepository,
    private readonly audit: AuditService,
    @InjectMinioAdmin() private readonly minio: MinioAdminClient,
    @Inject(SECRET_BOX) private readonly secrets: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(accountId: string) {
    const rows = await this.storage.listAccessKeys(accountId);
    return { items: rows.filter((r) => r.provisioned).map(toAccessKey) };
  }

  async create(auth: AccountAuth, name: string, meta: RequestMeta) {
    const account = await this.storage.findAccount(auth.accountId);
    if (account?.status !== 'active') throw AppException.forbidden();
    const secret = newSecretKey();
    const row = await this.storage.insertAccessKey({
      accountId: auth.accountId,
      accessKeyId: newAccessKeyId(),
      name,
      createdByUserId: auth.userId,
    });
    if (!row) throw new AppException(503, 'storage_unavailable');
    try {
      await this.minio.addServiceAccount({
        targetUser: storageNames.user(auth.accountId),
        accessKey: row.accessKeyId,
        secretKey: secret,
      });
    } catch (error) {
      this.logger.warn(`key ${row.accessKeyId} not created: ${(error as Error).message}`);
      await this.storage.deleteAccessKeyRow(auth.accountId, row.id);
      throw new AppException(503, 'storage_unavailable');
    }
    await this.storage.markKeyProvisioned(row.id);
    await this.audit.byUser(auth, meta, {
      action: 'access_key.created',
      resourceType: 'access_key',
      resourceId: row.id,
      details: { accessKeyId: row.accessKeyId, name },
    });
    return this.withSecret({ ...row, provisioned: true }, secret);
  }

  /** The first key's secret, kept sealed since approval, handed out exactly once. */
  async revealInitial(auth: AccountAuth, keyId: string, meta: RequestMeta) {
    const row = await this.storage.findAccessKey(auth.accountId, keyId);
    if (!row) throw AppException.notFound();
    const sealed = await this.storage.takePendingSecret(auth.accountId, keyId);
    if (!sealed) throw AppException.gone('secret_already_revealed');
    await this.audit.byUser(auth, meta, {
      action: 'access_key.secret_revealed',
      resourceType: 'access_key',
      resourceId: row.id,
      details: { accessKeyId: row.accessKeyId },
    });
    return this.withSecret({ ...row, pendingSecret: null }, this.secrets.open(sealed));
  }

  /** Revokes for good: the service account is deleted on MinIO, the row stays for history. */
  async revoke(auth: AccountAuth, keyId: string, meta: RequestMeta) {
    const row = await this.storage.findAccessKey(auth.accountId, keyId);
    if (!row) throw AppException.notFound();
    if (row.status === 'revoked') return;
    try {
      await this.minio.deleteServiceAccount(row.accessKeyId);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 404) {
        this.logger.warn(`key ${row.accessKeyId} not revoked: ${(error as Error).message}`);
        throw new AppException(503, 'storage_unavailable');
      }
    }
    await this.storage.markKeyRevoked(auth.accountId, row.id);
    await this.audit.byUser(auth, meta, {
      action: 'access_key.revoked',
      resourceType: 'access_key',
      resourceId: row.id,
      details: { accessKeyId: row.accessKeyId },
    });
  }

  private withSecret(row: KeyRow, secret: string) {
    return {
      key: toAccessKey(row),
      secretAccessKey: secret,
      s3Endpoint: this.config.s3PublicEndpoint,
      region: this.config.S3_REGION,
    };
  }
}

function toAccessKey(row: KeyRow) {
  return {
    id: row.id,
    accessKeyId: row.accessKeyId,
    name: row.name,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    secretRevealable: row.pendingSecret !== null && row.status === 'active',
  };
}
