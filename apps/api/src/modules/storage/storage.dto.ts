import { z } from 'zod';

export const BucketSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  versioning: z.boolean(),
  sizeBytes: z.number().int(),
  objectCount: z.number().int(),
  createdAt: z.string(),
  /** Only for external clients: their access to this shared bucket. */
  access: z.enum(['read', 'full']).optional(),
});
export const BucketListSchema = z.object({
  items: z.array(BucketSchema),
  usageUpdatedAt: z.string().nullable(),
});

export const CreateBucketSchema = z.object({
  name: z.string({ message: 'field_required' }).trim().max(255),
  versioning: z.boolean().optional().default(false),
});

export const IdParamSchema = z.uuid();

export const AccessKeySchema = z.object({
  id: z.uuid(),
  accessKeyId: z.string(),
  name: z.string(),
  status: z.enum(['active', 'inactive', 'expired', 'revoked']),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  secretRevealable: z.boolean(),
});
export const AccessKeyListSchema = z.object({ items: z.array(AccessKeySchema) });

export const CreateAccessKeySchema = z.object({
  name: z
    .string({ message: 'access_key_name_invalid' })
    .trim()
    .min(1, { message: 'access_key_name_invalid' })
    .max(64, { message: 'access_key_name_invalid' }),
});

export const AccessKeySecretSchema = z.object({
  key: AccessKeySchema,
  secretAccessKey: z.string(),
  s3Endpoint: z.string(),
  region: z.string(),
});

export const DashboardSchema = z.object({
  usedBytes: z.number().int(),
  quotaBytes: z.number().int(),
  usagePercent: z.number(),
  bucketCount: z.number().int(),
  accessKeyCount: z.number().int(),
  usageUpdatedAt: z.string().nullable(),
  s3Endpoint: z.string(),
  region: z.string(),
});
