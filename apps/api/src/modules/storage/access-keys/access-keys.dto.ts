import { z } from 'zod';

/** How many buckets a scoped key may name (MinIO caps an inline policy at 4096 bytes). */
export const MAX_SCOPED_BUCKETS = 20;

export const KeyAccessSchema = z.enum(['read', 'full']);

export const AccessKeyScopeItemSchema = z.object({
  bucketId: z.uuid(),
  /** The bucket's current name; a deleted bucket drops out of the scope. */
  bucketName: z.string(),
  access: KeyAccessSchema,
});

export const AccessKeySchema = z.object({
  id: z.uuid(),
  accessKeyId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  status: z.enum(['active', 'inactive', 'expired', 'revoked']),
  /** Null: every bucket of the account, now and future. Otherwise the chosen buckets. */
  scope: z.array(AccessKeyScopeItemSchema).nullable(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  /** Set on a key being rotated out: when it is deactivated automatically. */
  graceEndsAt: z.string().nullable(),
  /** On a key made by a rotation: the key it replaces. */
  rotatedFromKeyId: z.uuid().nullable(),
  deactivatedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** Null when not known. */
  lastUsedAt: z.string().nullable(),
  secretRevealable: z.boolean(),
});
export const AccessKeyListSchema = z.object({ items: z.array(AccessKeySchema) });

export const CreateAccessKeySchema = z.object({
  name: z
    .string({ message: 'access_key_name_invalid' })
    .trim()
    .min(1, { message: 'access_key_name_invalid' })
    .max(64, { message: 'access_key_name_invalid' }),
  description: z
    .string({ message: 'access_key_description_invalid' })
    .trim()
    .max(256, { message: 'access_key_description_invalid' })
    .nullable()
    .optional(),
  /** RFC 3339; at least an hour ahead and within 365 days (MinIO refuses more). Absent or null: never expires. */
  expiresAt: z.iso.datetime({ offset: true, message: 'access_key_expiry_invalid' }).nullable().optional(),
  /** Absent or null: every bucket of the account. */
  scope: z
    .array(z.object({ bucketId: z.uuid({ message: 'access_key_scope_invalid' }), access: KeyAccessSchema }), {
      message: 'access_key_scope_invalid',
    })
    .min(1, { message: 'access_key_scope_invalid' })
    .max(MAX_SCOPED_BUCKETS, { message: 'access_key_scope_too_large' })
    .refine((items) => new Set(items.map((i) => i.bucketId.toLowerCase())).size === items.length, {
      message: 'access_key_scope_invalid',
    })
    .nullable()
    .optional(),
});

export const AccessKeySecretSchema = z.object({
  key: AccessKeySchema,
  secretAccessKey: z.string(),
  s3Endpoint: z.string(),
  region: z.string(),
});

export const RotatedAccessKeySchema = AccessKeySecretSchema.extend({
  /** The key being replaced, now in its grace period. */
  previous: AccessKeySchema,
});
