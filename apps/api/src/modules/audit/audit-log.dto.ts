import { z } from 'zod';

/** Resource types of storage events: what an Admin sees of the audit log (PRD 4.2, "parcial"). */
export const STORAGE_RESOURCE_TYPES = ['bucket', 'access_key'] as const;

const dateOrDateTime = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  message: 'field_invalid',
});

export const AuditQuerySchema = z.object({
  /** Inclusive; a date alone means its first instant in America/Sao_Paulo. */
  from: dateOrDateTime.optional(),
  /** A date alone includes that whole day (America/Sao_Paulo). */
  to: dateOrDateTime.optional(),
  action: z.string().trim().min(1).max(100).optional(),
  /** Part of the actor's name or e-mail. */
  actor: z.string().trim().min(1).max(200).optional(),
  actorId: z.uuid().optional(),
  resourceType: z.string().trim().min(1).max(50).optional(),
  /** Only what provider staff did (under a grant or as staff). */
  staffOnly: z.enum(['true', 'false']).optional(),
  grantId: z.uuid().optional(),
  /** The id of the last entry of the previous page. */
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional().default(50),
});

export const StaffAuditQuerySchema = AuditQuerySchema.extend({ accountId: z.uuid().optional() });

export const AuditEntrySchema = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  account: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  actor: z.object({
    type: z.enum(['user', 'staff', 'system', 'anonymous']),
    id: z.string().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
  }),
  grant: z
    .object({ id: z.uuid(), kind: z.enum(['support', 'partner']), scope: z.enum(['read', 'full']) })
    .nullable(),
  action: z.string(),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});

export const AuditPageSchema = z.object({
  items: z.array(AuditEntrySchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.uuid().nullable(),
  /** True when the caller sees storage events only (Admin). */
  storageOnly: z.boolean(),
});
