import { z } from 'zod';
import { LINE_BREAKS } from '../../../common/validation';

/** Quotas are asked for and set in whole decimal GB (1 GB = 1e9 bytes, like the plans). */
export const GB = 1_000_000_000;
export const MAX_QUOTA_GB = 1_000_000;

const QuotaGbSchema = z
  .number({ message: 'quota_gb_invalid' })
  .int({ message: 'quota_gb_invalid' })
  .min(1, { message: 'quota_gb_invalid' })
  .max(MAX_QUOTA_GB, { message: 'quota_gb_invalid' });

const ReasonSchema = z
  .string({ message: 'quota_reason_invalid' })
  .trim()
  .min(3, { message: 'quota_reason_invalid' })
  .max(500, { message: 'quota_reason_invalid' })
  .meta(LINE_BREAKS);

export const CreateQuotaRequestSchema = z.object({
  requestedGb: QuotaGbSchema,
  reason: ReasonSchema,
});
export type CreateQuotaRequestInput = z.infer<typeof CreateQuotaRequestSchema>;

const StatusSchema = z.enum(['pending', 'approved', 'rejected', 'canceled']);

export const QuotaRequestSchema = z.object({
  id: z.uuid(),
  currentBytes: z.number().int(),
  requestedBytes: z.number().int(),
  reason: z.string(),
  status: StatusSchema,
  requestedByName: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});

/** The account's quota, its last measured usage and the write block, with the request history. */
export const QuotaOverviewSchema = z.object({
  quotaBytes: z.number().int(),
  usageBytes: z.number().int().nullable(),
  usageMeasuredAt: z.string().nullable(),
  writesBlocked: z.boolean(),
  writesBlockedAt: z.string().nullable(),
  pending: QuotaRequestSchema.nullable(),
  items: z.array(QuotaRequestSchema),
});

export const StaffQuotaQuerySchema = z.object({
  status: StatusSchema.optional(),
});

export const StaffQuotaRequestSchema = QuotaRequestSchema.extend({
  accountId: z.uuid(),
  accountName: z.string(),
  accountQuotaBytes: z.number().int(),
  accountUsageBytes: z.number().int().nullable(),
  accountWritesBlocked: z.boolean(),
});
export const StaffQuotaRequestListSchema = z.object({ items: z.array(StaffQuotaRequestSchema) });

export const ApproveQuotaRequestSchema = z.object({
  /** Optional note to the customer. */
  reason: ReasonSchema.optional(),
});

export const RejectQuotaRequestSchema = z.object({ reason: ReasonSchema });

export const SetAccountQuotaSchema = z.object({
  quotaGb: QuotaGbSchema,
  reason: ReasonSchema,
});

export const AccountQuotaSchema = z.object({
  accountId: z.uuid(),
  quotaBytes: z.number().int(),
  usageBytes: z.number().int().nullable(),
  writesBlocked: z.boolean(),
});
