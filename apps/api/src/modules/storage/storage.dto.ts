import { z } from 'zod';

// Bucket schemas live in buckets.dto.ts (kept exported here for existing imports).
export { BucketListSchema, BucketSchema, CreateBucketSchema } from './buckets/buckets.dto';

export const IdParamSchema = z.uuid();

// Access-key schemas live in access-keys.dto.ts.

export const DashboardSchema = z.object({
  usedBytes: z.number().int(),
  quotaBytes: z.number().int(),
  usagePercent: z.number(),
  bucketCount: z.number().int(),
  accessKeyCount: z.number().int(),
  usageUpdatedAt: z.string().nullable(),
  /** Uploads are blocked account-wide (usage reached the quota at the last quota check). */
  writesBlocked: z.boolean(),
  writesBlockedAt: z.string().nullable(),
  /** When the quota check last measured the account (scanner time), null before the first check. */
  measuredAt: z.string().nullable(),
  s3Endpoint: z.string(),
  region: z.string(),
});
