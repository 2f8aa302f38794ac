import { Injectable, Logger } from '@nestjs/common';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { z } from 'zod';
import { AppException } from '../../../common/app-exception';
import type { MessageCode } from '../../../common/messages';
import { AuditService } from '../../audit';
import type { RequestMeta } from '../../../common/request-meta';
import type { AccountAuth } from '../../../access/auth.types';
import { ResourceAccessService } from '../../../access/resource-access.service';
import {
  OBJECT_LIMITS,
  PRESIGN_TTL_SECONDS,
  type AbortMultipartSchema,
  type CompleteMultipartSchema,
  type CreateFolderSchema,
  type CreateMultipartSchema,
  type ListObjectsQuerySchema,
  type ListVersionsQuerySchema,
  type ObjectRefSchema,
  type PartUrlsRequestSchema,
  type UploadUrlRequestSchema,
} from './objects.dto';
import type { BucketRow } from '../buckets/buckets.repository';
import { StorageCredentialsRepository } from './storage-credentials.repository';
import { StorageCredentialsService } from './storage-credentials.service';
import { ProvisioningRepository } from '../provisioning/provisioning.repository';

type Need = 'read' | 'write' | 'delete';
interface BucketAccess {
  bucket: BucketRow;
  access: 'read' | 'full';
  writesBlocked: boolean;
}

const DEFAULT_PART_BYTES = 8 * 1024 ** 2;
const MIB = 1024 ** 2;

/**
 * The web object browser. The API authorizes and signs: bytes travel between the browser and MinIO
 * through short-lived presigned URLs. Every check (bucket membership, read vs full, the account
 * write block) is made here first, and then everything is signed or called with the account's own
 * temporary credentials, limited to this bucket and this operation class
 * (StorageCredentialsService), so MinIO refuses whatever an unsigned header would add to a URL.
 * Root credentials are never used here.
 */
@Injectable()
export class ObjectsService {
  private readonly logger = new Logger('Objects');

  constructor(
    private readonly provisioningRows: ProvisioningRepository,
    private readonly uploads: StorageCredentialsRepository,
    private readonly credentials: StorageCredentialsService,
    private readonly audit: AuditService,
    private readonly access: ResourceAccessService,
  ) {}

  /** The platform's own calls: listings and heads are housekeeping, transfers are the customer's. */
  private s3(auth: AccountAuth, bucket: BucketRow, operation: 'list' | 'write' | 'delete') {
    return this.credentials.client(
      auth.accountId,
      bucket,
      operation,
      operation === 'list' ? 'housekeeping' : 'transfer',
    );
  }

  private presigner(auth: AccountAuth, bucket: BucketRow, operation: 'read' | 'write' | 'delete') {
    return this.credentials.presigner(auth.accountId, bucket, operation, PRESIGN_TTL_SECONDS);
  }

  async list(auth: AccountAuth, bucketId: string, query: z.infer<typeof ListObjectsQuerySchema>) {
    const target = await this.resolve(auth, bucketId, 'read');
    const prefix = query.prefix;
    const s3 = await this.s3(auth, target.bucket, 'list');
    const page = await this.call(
      () =>
        s3.send(
          new ListObjectsV2Command({
            Bucket: target.bucket.name,
            Prefix: prefix || undefined,
            Delimiter: '/',
            MaxKeys: query.pageSize,
            ContinuationToken: query.continuationToken || undefined,
          }),
        ),
      // MinIO's answer to a token whose key lies outside the prefix.
      { NotImplemented: [400, 'object_marker_invalid'] },
    );
    return {
      bucket: {
        id: target.bucket.id,
        name: target.bucket.name,
        versioning: target.bucket.versioning,
        access: target.access,
        writesBlocked: target.writesBlocked,
      },
      prefix,
      folders: (page.CommonPrefixes ?? []).flatMap((p) => (p.Prefix ? [{ prefix: p.Prefix }] : [])),
      // The folder's own marker ("photos/") is the folder, not a file inside it.
      objects: (page.Contents ?? [])
        .filter((o) => o.Key && o.Key !== prefix)
        .map((o) => ({
          key: o.Key!,
          size: o.Size ?? 0,
          lastModified: o.LastModified?.toISOString() ?? null,
          etag: o.ETag ?? null,
        })),
      nextContinuationToken: page.IsTruncated ? (page.NextContinuationToken ?? null) : null,
    };
  }

  /** Versions and delete markers, newest first per key (S3 order). */
  async versions(auth: AccountAuth, bucketId: string, query: z.infer<typeof ListVersionsQuerySchema>) {
    const target = await this.resolve(auth, bucketId, 'read');
    const s3 = await this.s3(auth, target.bucket, 'list');
    const page = await this.call(
      () =>
        s3.send(
          new ListObjectVersionsCommand({
            Bucket: target.bucket.name,
            Prefix: (query.key ?? query.prefix) || undefined,
            MaxKeys: query.pageSize,
            KeyMarker: query.keyMarker || undefined,
            VersionIdMarker: query.versionIdMarker || undefined,
          }),
        ),
      // MinIO's answer to a key marker outside the prefix.
      { NotImplemented: [400, 'object_marker_invalid'] },
    );
    const items = [
      ...(page.Versions ?? []).map((v) => ({
        key: v.Key ?? '',
        versionId: v.VersionId ?? 'null',
        isLatest: v.IsLatest ?? false,
        isDeleteMarker: false,
        size: v.Size ?? 0,
        lastModified: v.LastModified?.toISOString() ?? null,
        etag: v.ETag ?? null,
      })),
      ...(page.DeleteMarkers ?? []).map((m) => ({
        key: m.Key ?? '',
        versionId: m.VersionId ?? 'null',
        isLatest: m.IsLatest ?? false,
        isDeleteMarker: true,
        size: null,
        lastModified: m.LastModified?.toISOString() ?? null,
        etag: null,
      })),
    ]
      // A key prefix also matches longer keys ("a.txt" matches "a.txt.bak"): keep the exact key.
      .filter((v) => v.key !== '' && (query.key === undefined || v.key === query.key))
      .sort((a, b) =>
        a.key === b.key ? (b.lastModified ?? '').localeCompare(a.lastModified ?? '') : a.key < b.key ? -1 : 1,
      );
    return {
      items,
      nextKeyMarker: page.IsTruncated ? (page.NextKeyMarker ?? null) : null,
      nextVersionIdMarker: page.IsTruncated ? (page.NextVersionIdMarker ?? null) : null,
    };
  }

  /** A 5-minute GET URL that downloads the object (or one version) as an attachment. */
  async downloadUrl(
    auth: AccountAuth,
    bucketId: string,
    input: z.infer<typeof ObjectRefSchema>,
    meta: RequestMeta,
  ) {
    const target = await this.resolve(auth, bucketId, 'read');
    const found = await this.head(auth, target.bucket, input.key, input.versionId);
    if (!found) throw new AppException(404, 'object_not_found');
    const url = await getSignedUrl(
      await this.presigner(auth, target.bucket, 'read'),
      new GetObjectCommand({
        Bucket: target.bucket.name,
        Key: input.key,
        VersionId: input.versionId,
        ResponseContentDisposition: attachment(input.key),
      }),
      { expiresIn: PRESIGN_TTL_SECONDS },
    );
    await this.audit.byUser(auth, meta, {
      action: 'object.download_authorized',
      resourceType: 'bucket',
      resourceId: target.bucket.id,
      details: { bucket: target.bucket.name, key: input.key, versionId: input.versionId ?? null },
    });
    return { url, method: 'GET' as const, headers: {}, expiresAt: expiry() };
  }

  /**
   * A 5-minute PUT URL for one small file. Content-Length (and Content-Type) are signed, so the URL
   * uploads exactly the announced size and cannot be reused for a larger body.
   */
  async uploadUrl(
    auth: AccountAuth,
    bucketId: string,
    input: z.infer<typeof UploadUrlRequestSchema>,
    meta: RequestMeta,
  ) {
    const target = await this.resolve(auth, bucketId, 'write');
    const contentType = input.contentType ?? 'application/octet-stream';
    const url = await getSignedUrl(
      await this.presigner(auth, target.bucket, 'write'),
      new PutObjectCommand({
        Bucket: target.bucket.name,
        Key: input.key,
        ContentLength: input.size,
        ContentType: contentType,
      }),
      { expiresIn: PRESIGN_TTL_SECONDS, signableHeaders: new Set(['content-length', 'content-type']) },
    );
    await this.audit.byUser(auth, meta, {
      action: 'object.upload_authorized',
      resourceType: 'bucket',
      resourceId: target.bucket.id,
      details: { bucket: target.bucket.name, key: input.key, size: input.size },
    });
    return { url, method: 'PUT' as const, headers: { 'content-type': contentType }, expiresAt: expiry() };
  }

  /**
   * A 5-minute DELETE URL. Without a version id on a versioned bucket S3 adds a delete marker
   * (the data stays as a previous version); with one, that version is removed for good. Object
   * lock retention is enforced by MinIO itself: the signing credential cannot bypass governance,
   * so an added `x-amz-bypass-governance-retention` header changes nothing.
   */
  async deleteUrl(
    auth: AccountAuth,
    bucketId: string,
    input: z.infer<typeof ObjectRefSchema>,
    meta: RequestMeta,
  ) {
    const target = await this.resolve(auth, bucketId, 'delete');
    const url = await getSignedUrl(
      await this.presigner(auth, target.bucket, 'delete'),
      new DeleteObjectCommand({ Bucket: target.bucket.name, Key: input.key, VersionId: input.versionId }),
      { expiresIn: PRESIGN_TTL_SECONDS },
    );
    await this.audit.byUser(auth, meta, {
      action: 'object.delete_authorized',
      resourceType: 'bucket',
      resourceId: target.bucket.id,
      details: { bucket: target.bucket.name, key: input.key, versionId: input.versionId ?? null },
    });
    return { url, method: 'DELETE' as const, headers: {}, expiresAt: expiry() };
  }

  /** A folder is a zero-byte object named "prefix/" (what the S3 consoles create). */
  async createFolder(
    auth: AccountAuth,
    bucketId: string,
    input: z.infer<typeof CreateFolderSchema>,
    meta: RequestMeta,
  ) {
    const prefix = input.prefix.endsWith('/') ? input.prefix : `${input.prefix}/`;
    if (Buffer.byteLength(prefix, 'utf8') > OBJECT_LIMITS.keyBytes || prefix.includes('//'))
      throw AppException.validation({ prefix: 'object_key_invalid' });
    const target = await this.resolve(auth, bucketId, 'write');
    if (await this.head(auth, target.bucket, prefix)) throw AppException.conflict('object_folder_exists');
    const s3 = await this.s3(auth, target.bucket, 'write');
    await this.call(() =>
      s3.send(new PutObjectCommand({ Bucket: target.bucket.name, Key: prefix, Body: new Uint8Array(0) })),
    );
    await this.audit.byUser(auth, meta, {
      action: 'object.folder_created',
      resourceType: 'bucket',
      resourceId: target.bucket.id,
      details: { bucket: target.bucket.name, prefix },
    });
    return { prefix };
  }

  /** Starts a multipart upload and tells the browser how to cut the file. */
  async createMultipart(
    auth: AccountAuth,
    bucketId: string,
    input: z.infer<typeof CreateMultipartSchema>,
    meta: RequestMeta,
  ) {
    const partSize =
      input.partSize ??
      Math.max(DEFAULT_PART_BYTES, Math.ceil(input.size / OBJECT_LIMITS.maxParts / MIB) * MIB);
    const partCount = Math.ceil(input.size / partSize);
    if (partCount > OBJECT_LIMITS.maxParts)
      throw AppException.validation({ partSize: 'object_too_many_parts' });
    const target = await this.resolve(auth, bucketId, 'write');
    const s3 = await this.s3(auth, target.bucket, 'write');
    const created = await this.call(() =>
      s3.send(
        new CreateMultipartUploadCommand({
          Bucket: target.bucket.name,
          Key: input.key,
          ContentType: input.contentType ?? 'application/octet-stream',
        }),
      ),
    );
    // The announced sizes, so each part URL signs the exact length of its part.
    await this.uploads.insertUpload({
      accountId: auth.accountId,
      bucketId: target.bucket.id,
      key: input.key,
      uploadId: created.UploadId!,
      size: input.size,
      partSize,
    });
    await this.audit.byUser(auth, meta, {
      action: 'object.upload_authorized',
      resourceType: 'bucket',
      resourceId: target.bucket.id,
      details: { bucket: target.bucket.name, key: input.key, size: input.size, multipart: true },
    });
    return { key: input.key, uploadId: created.UploadId!, partSize, partCount };
  }

  /**
   * Presigned UploadPart URLs for some parts of an upload started here, in this bucket, for this
   * key. Each URL signs its part's exact Content-Length (from the size announced at the start), so
   * no part carries more than announced and the parts add up to the announced size.
   */
  async partUrls(auth: AccountAuth, bucketId: string, input: z.infer<typeof PartUrlsRequestSchema>) {
    const target = await this.resolve(auth, bucketId, 'write');
    const upload = await this.uploads.findUpload(auth.accountId, target.bucket.id, input.key, input.uploadId);
    if (!upload) throw new AppException(404, 'object_upload_invalid');
    const partCount = Math.max(1, Math.ceil(upload.size / upload.partSize));
    if (input.partNumbers.some((n) => n > partCount))
      throw AppException.validation({ partNumbers: 'object_parts_mismatch' });
    const presigner = await this.presigner(auth, target.bucket, 'write');
    const parts = await Promise.all(
      input.partNumbers.map(async (partNumber) => {
        const length =
          partNumber < partCount ? upload.partSize : upload.size - upload.partSize * (partCount - 1);
        return {
          partNumber,
          size: length,
          url: await getSignedUrl(
            presigner,
            new UploadPartCommand({
              Bucket: target.bucket.name,
              Key: input.key,
              UploadId: input.uploadId,
              PartNumber: partNumber,
              ContentLength: length,
            }),
            { expiresIn: PRESIGN_TTL_SECONDS, signableHeaders: new Set(['content-length']) },
          ),
        };
      }),
    );
    return { parts, expiresAt: expiry() };
  }

  async completeMultipart(
    auth: AccountAuth,
    bucketId: string,
    input: z.infer<typeof CompleteMultipartSchema>,
    meta: RequestMeta,
  ) {
    const target = await this.resolve(auth, bucketId, 'write');
    const s3 = await this.s3(auth, target.bucket, 'write');
    const done = await this.call(
      () =>
        s3.send(
          new CompleteMultipartUploadCommand({
            Bucket: target.bucket.name,
            Key: input.key,
            UploadId: input.uploadId,
            MultipartUpload: {
              Parts: input.parts.map((p) => ({ PartNumber: p.partNumber, ETag: quoted(p.etag) })),
            },
          }),
        ),
      {
        NoSuchUpload: [404, 'object_upload_invalid'],
        InvalidPart: [400, 'object_parts_mismatch'],
        InvalidPartOrder: [400, 'object_parts_mismatch'],
        EntityTooSmall: [400, 'object_parts_mismatch'],
      },
    );
    await this.uploads.deleteUpload(auth.accountId, target.bucket.id, input.uploadId);
    await this.audit.byUser(auth, meta, {
      action: 'object.uploaded',
      resourceType: 'bucket',
      resourceId: target.bucket.id,
      details: {
        bucket: target.bucket.name,
        key: input.key,
        parts: input.parts.length,
        versionId: done.VersionId ?? null,
      },
    });
    return { key: input.key, etag: done.ETag ?? null, versionId: done.VersionId ?? null };
  }

  /** Drops an unfinished upload and its stored parts; aborting an unknown upload is a no-op. */
  async abortMultipart(
    auth: AccountAuth,
    bucketId: string,
    input: z.infer<typeof AbortMultipartSchema>,
    meta: RequestMeta,
  ) {
    // Aborting frees space, so it stays possible while the account's writes are blocked.
    const target = await this.resolve(auth, bucketId, 'delete');
    const s3 = await this.s3(auth, target.bucket, 'delete');
    try {
      await s3.send(
        new AbortMultipartUploadCommand({
          Bucket: target.bucket.name,
          Key: input.key,
          UploadId: input.uploadId,
        }),
      );
    } catch (error) {
      if (errorName(error) === 'NoSuchUpload') {
        await this.uploads.deleteUpload(auth.accountId, target.bucket.id, input.uploadId);
        return;
      }
      throw this.storageError(error);
    }
    await this.uploads.deleteUpload(auth.accountId, target.bucket.id, input.uploadId);
    await this.audit.byUser(auth, meta, {
      action: 'object.upload_aborted',
      resourceType: 'bucket',
      resourceId: target.bucket.id,
      details: { bucket: target.bucket.name, key: input.key },
    });
  }

  /**
   * Which bucket, and with what access (ResourceAccessService decides: every bucket of the account
   * for roles that see them all, the shared ones for external clients). A bucket the caller cannot
   * see is 404, like one of another account; then the account's own state may block writes.
   */
  private async resolve(auth: AccountAuth, bucketId: string, need: Need): Promise<BucketAccess> {
    const { bucket, access } = await this.access.requireBucket(
      auth,
      bucketId,
      need === 'read' ? 'object.read' : 'object.write',
    );
    const account = await this.provisioningRows.findAccount(auth.accountId);
    const readOnlyAccount = account?.status !== 'active';
    const overQuota = Boolean(account?.writesBlockedAt);
    if (need !== 'read') {
      // Deleting is how an account over quota gets back under it; a read-only account changes nothing.
      if (readOnlyAccount || (need === 'write' && overQuota))
        throw AppException.conflict('object_writes_blocked');
    }
    return { bucket, access, writesBlocked: readOnlyAccount || overQuota };
  }

  private async head(auth: AccountAuth, bucket: BucketRow, key: string, versionId?: string) {
    const s3 = await this.s3(auth, bucket, 'list');
    try {
      return await s3.send(new HeadObjectCommand({ Bucket: bucket.name, Key: key, VersionId: versionId }));
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      // 404: no such key or version; 405: the version is a delete marker; 400: malformed version id.
      if (status === 404 || status === 405 || status === 400 || errorName(error) === 'NotFound') return null;
      throw this.storageError(error);
    }
  }

  /** One S3 call, with the S3 errors a caller can cause mapped to 4xx and the rest to 503. */
  private async call<T>(fn: () => Promise<T>, known: Record<string, [number, MessageCode]> = {}): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      const mapped = known[errorName(error)];
      if (mapped) throw new AppException(mapped[0], mapped[1]);
      throw this.storageError(error);
    }
  }

  private storageError(error: unknown) {
    const name = errorName(error);
    // The account's own credential was refused: its writes were blocked or it was suspended after
    // the checks above (MinIO is the last word).
    if (name === 'AccessDenied') return AppException.conflict('object_writes_blocked');
    // A continuation token or marker the caller tampered with, or anything else MinIO calls malformed.
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (name === 'InvalidArgument' || status === 400) return AppException.badRequest('field_invalid');
    this.logger.warn(`storage call failed: ${name}: ${(error as Error).message}`);
    return new AppException(503, 'storage_unavailable');
  }
}

function errorName(error: unknown) {
  return (error as { name?: string; Code?: string }).Code ?? (error as { name?: string }).name ?? '';
}

function expiry() {
  return new Date(Date.now() + PRESIGN_TTL_SECONDS * 1000).toISOString();
}

function quoted(etag: string) {
  return etag.startsWith('"') ? etag : `"${etag}"`;
}

/** Content-Disposition for a download named after the key's last segment (RFC 6266 / 5987). */
export function attachment(key: string) {
  const name = key.split('/').filter(Boolean).pop() ?? 'download';
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
