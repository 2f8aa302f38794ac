import { z } from 'zod';
import { FINDING_KINDS } from './reconciler-checks';

export const StartRunSchema = z.object({
  /** true: fix what can be fixed (idempotent); false: only report. */
  repair: z.boolean({ message: 'reconciler_repair_invalid' }),
});

export const RunListQuerySchema = z.object({
  /** The id of the last run of the previous page. */
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).optional().default(20),
});

export const FindingSchema = z.object({
  kind: z.enum(FINDING_KINDS),
  accountId: z.uuid().optional(),
  resource: z.string(),
  expected: z.string(),
  actual: z.string(),
  /** False for drift a person must decide on (missing data, unknown resources). */
  repairable: z.boolean(),
  repaired: z.boolean(),
  repairError: z.string().optional(),
});

export const RunSummarySchema = z.object({
  id: z.uuid(),
  trigger: z.enum(['manual', 'schedule']),
  status: z.enum(['running', 'succeeded', 'failed']),
  /** Whether the run repaired what it could (true) or only reported (false). */
  repair: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  startedBy: z.object({ id: z.uuid(), fullName: z.string() }).nullable(),
  checkedAccounts: z.number().int(),
  findingCount: z.number().int(),
  repairedCount: z.number().int(),
  /** Findings still open after the run (not repaired). */
  openCount: z.number().int(),
  error: z.string().nullable(),
});

export const RunPageSchema = z.object({
  items: z.array(RunSummarySchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.uuid().nullable(),
});

export const RunDetailSchema = RunSummarySchema.extend({
  findings: z.array(FindingSchema),
  /** The accounts named by the findings. */
  accounts: z.array(z.object({ id: z.uuid(), name: z.string(), status: z.string() })),
});
