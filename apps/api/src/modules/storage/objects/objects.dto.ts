import { z } from 'zod';

/** S3 limits the browser flows rely on (AWS S3 / MinIO). */
export const OBJECT_LIMITS = {
  /** Longest key or prefix, in UTF-8 bytes. */
  keyBytes: 1024,
  /** A single presigned PUT: S3 refuses bodies above 5 GiB. */
  maxSinglePutBytes: 5 * 1024 ** 3,
  minPartBytes: 5 * 1024 ** 2,
  maxPartBytes: 5 * 1024 ** 3,
  maxParts: 10_000,
  /** Largest object a multipart upload can make (S3: 5 TiB). */
  maxObjectBytes: 5 * 1024 ** 4,
  /** Part URLs presigned per request; the browser asks for more as it goes. */
  maxPartUrlsPerRequest: 100,
  defaultPageSize: 100,
  maxPageSize: 1000,
} as const;

/** Lifetime of every presigned URL the object browser hands out. */
export const PRESIGN_TTL_SECONDS = 300;

/**
 * A key (or prefix) the browser may use: 1..1024 UTF-8 bytes, no leading '/', no control
 * characters, no '.'/'..' path segments (S3 allows them, but they break every file-system sync tool).
 */
export function objectKeyProblem(value: string): 'object_key_invalid' | null {
  if (!value || Buffer.byteLength(value, 'utf8') > OBJECT_LIMITS.keyBytes) return 'object_key_invalid';
  if (value.startsWith('/')) return 'object_key_invalid';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'object_key_invalid';
  if (value.split('/').some((segment) => segment === '.' || segment === '..')) return 'object_key_invalid';
  return null;
}

const KeySchema = z
  .string({ message: 'object_key_invalid' })
  .refine((v) => objectKeyProblem(v) === null, { message: 'object_key_invalid' });

/** A listing prefix: empty (the bucket's root) or a key-like string. */
const PrefixSchema = z
  .string({ message: 'object_key_invalid' })
  .refine((v) => v === '' || objectKeyProblem(v) === null, { message: 'object_key_invalid' });

const PageSizeSchema = z.coerce
  .number({ message: 'object_page_size_invalid' })
  .int({ message: 'object_page_size_invalid' })
  .min(1, { message: 'object_page_size_invalid' })
  .max(OBJECT_LIMITS.maxPageSize, { message: 'object_page_size_invalid' })
  .optional()
  .default(OBJECT_LIMITS.defaultPageSize);

/** MinIO's version ids: a UUID, or "null" for an object written while versioning was off. */
const VersionIdSchema = z
  .string({ message: 'field_invalid' })
  .max(36, { message: 'field_invalid' })
  .regex(/^(null|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/, {
    message: 'field_invalid',
  });

/**
 * A ListObjectsV2 continuation token from a previous page: MinIO hands out standard base64 (of
 * the last key plus listing metadata), so anything else cannot be one of its tokens.
 */
const ContinuationTokenSchema = z
  .string({ message: 'object_marker_invalid' })
  .max(2048, { message: 'object_marker_invalid' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'object_marker_invalid' })
  .optional();

/** ListObjectVersions' key marker: an object key (S3 allows any key up to 1024 bytes). */
const KeyMarkerSchema = z
  .string({ message: 'object_marker_invalid' })
  .refine((v) => Buffer.byteLength(v, 'utf8') <= OBJECT_LIMITS.keyBytes, { message: 'object_marker_invalid' })
  .optional();

export const ListObjectsQuerySchema = z.object({
  prefix: PrefixSchema.optional().default(''),
  continuationToken: ContinuationTokenSchema,
  pageSize: PageSizeSchema,
});

export const ListVersionsQuerySchema = z
  .object({
    prefix: PrefixSchema.optional().default(''),
    /** When set, only this exact key's versions (prefix is then ignored). */
    key: KeySchema.optional(),
    /** nextKeyMarker of the previous page. */
    keyMarker: KeyMarkerSchema,
    /** nextVersionIdMarker of the previous page; only together with keyMarker. */
    versionIdMarker: z
      .string({ message: 'object_marker_invalid' })
      .regex(/^(null|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/, {
        message: 'object_marker_invalid',
      })
      .optional(),
    pageSize: PageSizeSchema,
  })
  .refine((q) => !q.versionIdMarker || Boolean(q.keyMarker), {
    message: 'object_marker_invalid',
    path: ['versionIdMarker'],
  })
  // A marker outside the listed prefix names no page of this listing (MinIO answers NotImplemented).
  .refine((q) => !q.keyMarker || q.keyMarker.startsWith(q.key ?? q.prefix), {
    message: 'object_marker_invalid',
    path: ['keyMarker'],
  });

const AccessSchema = z.enum(['read', 'full']);

export const ObjectBucketSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  versioning: z.boolean(),
  /** What the caller may do here: read (list, download) or full (also upload, folders, delete). */
  access: AccessSchema,
  /** Writes are refused while the account is over quota or read-only. */
  writesBlocked: z.boolean(),
});

export const ObjectEntrySchema = z.object({
  key: z.string(),
  size: z.number().int(),
  lastModified: z.string().nullable(),
  etag: z.string().nullable(),
});

export const ObjectListSchema = z.object({
  bucket: ObjectBucketSchema,
  prefix: z.string(),
  folders: z.array(z.object({ prefix: z.string() })),
  objects: z.array(ObjectEntrySchema),
  /** Pass back as continuationToken for the next page; null on the last page. */
  nextContinuationToken: z.string().nullable(),
});

export const ObjectVersionSchema = z.object({
  key: z.string(),
  versionId: z.string(),
  isLatest: z.boolean(),
  isDeleteMarker: z.boolean(),
  size: z.number().int().nullable(),
  lastModified: z.string().nullable(),
  etag: z.string().nullable(),
});

export const ObjectVersionListSchema = z.object({
  items: z.array(ObjectVersionSchema),
  nextKeyMarker: z.string().nullable(),
  nextVersionIdMarker: z.string().nullable(),
});

export const ObjectRefSchema = z.object({ key: KeySchema, versionId: VersionIdSchema.optional() });

const ContentTypeSchema = z
  .string()
  .max(255, { message: 'field_invalid' })
  .regex(/^[\w.+-]+\/[\w.+-]+(;[ \w.+=-]*)?$/, { message: 'field_invalid' })
  .optional();

export const UploadUrlRequestSchema = z.object({
  key: KeySchema,
  size: z
    .number({ message: 'object_size_invalid' })
    .int({ message: 'object_size_invalid' })
    .min(0, { message: 'object_size_invalid' })
    .max(OBJECT_LIMITS.maxSinglePutBytes, { message: 'object_size_invalid' }),
  contentType: ContentTypeSchema,
});

export const PresignedUrlSchema = z.object({
  url: z.string(),
  method: z.enum(['GET', 'PUT', 'DELETE']),
  /** Headers the request must carry exactly as given (they are part of the signature). */
  headers: z.record(z.string(), z.string()),
  expiresAt: z.string(),
});

export const CreateFolderSchema = z.object({
  /** The folder's full path; a trailing '/' is added when missing. */
  prefix: KeySchema,
});
export const FolderSchema = z.object({ prefix: z.string() });

export const CreateMultipartSchema = z.object({
  key: KeySchema,
  size: z
    .number({ message: 'object_size_invalid' })
    .int({ message: 'object_size_invalid' })
    .min(1, { message: 'object_size_invalid' })
    .max(OBJECT_LIMITS.maxObjectBytes, { message: 'object_size_invalid' }),
  /** Optional part size; the API picks one (8 MiB or more) when absent. */
  partSize: z
    .number({ message: 'object_part_size_invalid' })
    .int({ message: 'object_part_size_invalid' })
    .min(OBJECT_LIMITS.minPartBytes, { message: 'object_part_size_invalid' })
    .max(OBJECT_LIMITS.maxPartBytes, { message: 'object_part_size_invalid' })
    .optional(),
  contentType: ContentTypeSchema,
});

export const MultipartSchema = z.object({
  key: z.string(),
  uploadId: z.string(),
  partSize: z.number().int(),
  partCount: z.number().int(),
});

const UploadIdSchema = z
  .string({ message: 'object_upload_invalid' })
  .min(1, { message: 'object_upload_invalid' })
  .max(1024, { message: 'object_upload_invalid' })
  .regex(/^[\w.\-+/=]+$/, { message: 'object_upload_invalid' });

const PartNumberSchema = z
  .number({ message: 'object_part_number_invalid' })
  .int({ message: 'object_part_number_invalid' })
  .min(1, { message: 'object_part_number_invalid' })
  .max(OBJECT_LIMITS.maxParts, { message: 'object_part_number_invalid' });

export const PartUrlsRequestSchema = z.object({
  key: KeySchema,
  uploadId: UploadIdSchema,
  partNumbers: z
    .array(PartNumberSchema)
    .min(1, { message: 'object_part_number_invalid' })
    .max(OBJECT_LIMITS.maxPartUrlsPerRequest, { message: 'object_part_number_invalid' })
    .refine((list) => new Set(list).size === list.length, { message: 'object_part_number_invalid' }),
});

export const PartUrlsSchema = z.object({
  /** Each part's URL signs its exact length: send exactly `size` bytes. */
  parts: z.array(z.object({ partNumber: z.number().int(), size: z.number().int(), url: z.string() })),
  expiresAt: z.string(),
});

export const CompleteMultipartSchema = z.object({
  key: KeySchema,
  uploadId: UploadIdSchema,
  parts: z
    .array(
      z.object({
        partNumber: PartNumberSchema,
        etag: z
          .string({ message: 'object_part_etag_invalid' })
          .regex(/^"?[0-9a-fA-F]{32}(-\d+)?"?$/, { message: 'object_part_etag_invalid' }),
      }),
    )
    .min(1, { message: 'object_part_number_invalid' })
    .max(OBJECT_LIMITS.maxParts, { message: 'object_part_number_invalid' })
    .refine((list) => list.every((p, i) => i === 0 || p.partNumber > list[i - 1].partNumber), {
      message: 'object_part_order_invalid',
    }),
});

export const AbortMultipartSchema = z.object({ key: KeySchema, uploadId: UploadIdSchema });

export const CompletedObjectSchema = z.object({
  key: z.string(),
  etag: z.string().nullable(),
  versionId: z.string().nullable(),
});
