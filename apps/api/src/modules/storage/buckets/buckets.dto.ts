import { z } from 'zod';

/** Limits of bucket options (also in the messages, which state them in words). */
export const BUCKET_LIMITS = {
  retentionDays: 3650,
  lifecycleDays: 36_500,
  lifecycleRules: 50,
  prefixLength: 1024,
} as const;

export const LockModeSchema = z.enum(['governance', 'compliance']);

export const DefaultRetentionSchema = z.object({
  mode: LockModeSchema,
  days: z
    .number({ message: 'bucket_retention_days_invalid' })
    .int({ message: 'bucket_retention_days_invalid' })
    .min(1, { message: 'bucket_retention_days_invalid' })
    .max(BUCKET_LIMITS.retentionDays, { message: 'bucket_retention_days_invalid' }),
});

const lifecycleDays = z
  .number({ message: 'bucket_lifecycle_days_invalid' })
  .int({ message: 'bucket_lifecycle_days_invalid' })
  .min(1, { message: 'bucket_lifecycle_days_invalid' })
  .max(BUCKET_LIMITS.lifecycleDays, { message: 'bucket_lifecycle_days_invalid' })
  .nullable()
  .optional()
  .transform((v) => v ?? null);

/**
 * One lifecycle rule as customers write it: actions on the objects under an optional prefix.
 * The platform names the rules itself (ids `rule-1`, `rule-2`, ... in list order).
 */
export const LifecycleRuleInputSchema = z
  .object({
    prefix: z
      .string({ message: 'bucket_lifecycle_prefix_invalid' })
      .max(BUCKET_LIMITS.prefixLength, { message: 'bucket_lifecycle_prefix_invalid' })
      // eslint-disable-next-line no-control-regex
      .regex(/^[^\u0000-\u001f\u007f]*$/, { message: 'bucket_lifecycle_prefix_invalid' })
      .optional()
      .default(''),
    expireDays: lifecycleDays,
    noncurrentExpireDays: lifecycleDays,
    abortIncompleteUploadsDays: lifecycleDays,
  })
  .refine(
    (r) => r.expireDays !== null || r.noncurrentExpireDays !== null || r.abortIncompleteUploadsDays !== null,
    { message: 'bucket_lifecycle_action_required', path: ['expireDays'] },
  );

export const LifecycleRulesInputSchema = z
  .array(LifecycleRuleInputSchema)
  .max(BUCKET_LIMITS.lifecycleRules, { message: 'bucket_lifecycle_too_many' })
  .refine((rules) => new Set(rules.map((r) => r.prefix)).size === rules.length, {
    message: 'bucket_lifecycle_duplicate_prefix',
  });

export const LifecycleRuleSchema = z.object({
  id: z.string(),
  prefix: z.string(),
  expireDays: z.number().int().nullable(),
  noncurrentExpireDays: z.number().int().nullable(),
  abortIncompleteUploadsDays: z.number().int().nullable(),
});
export type LifecycleRule = z.infer<typeof LifecycleRuleSchema>;

export const BucketSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  versioning: z.boolean(),
  /** Anonymous read (GET) of every object through a bucket policy. */
  publicRead: z.boolean(),
  /** Chosen at creation only; it keeps versioning on for good. */
  objectLock: z.boolean(),
  /** Default retention of new object versions (object lock buckets only). */
  defaultRetention: DefaultRetentionSchema.nullable(),
  lifecycleRuleCount: z.number().int(),
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
  publicRead: z.boolean().optional().default(false),
  /** Only at creation; forces versioning on. */
  objectLock: z.boolean().optional().default(false),
  defaultRetention: DefaultRetentionSchema.nullable().optional().default(null),
  lifecycleRules: LifecycleRulesInputSchema.optional().default([]),
});
export type CreateBucketInput = z.infer<typeof CreateBucketSchema>;

export const BucketDetailSchema = BucketSchema.extend({
  lifecycleRules: z.array(LifecycleRuleSchema),
  usageUpdatedAt: z.string().nullable(),
  connection: z.object({
    /** The S3 endpoint for clients. */
    s3Endpoint: z.string(),
    region: z.string(),
    /** Path-style URL of the bucket: `${s3Endpoint}/${name}`. */
    bucketUrl: z.string(),
    /** `${bucketUrl}/{key}`, for anonymous downloads; null while the bucket is private. */
    publicObjectUrlPattern: z.string().nullable(),
  }),
});

export const SetVersioningSchema = z.object({
  enabled: z.boolean({ message: 'field_required' }),
});
export const SetPublicReadSchema = z.object({
  enabled: z.boolean({ message: 'field_required' }),
});
export const SetLifecycleSchema = z.object({
  rules: LifecycleRulesInputSchema,
});
export const SetObjectLockSchema = z.object({
  /** null removes the default retention (objects can still get their own retention). */
  defaultRetention: DefaultRetentionSchema.nullable(),
});
