import { z } from 'zod';
import { LINE_BREAKS } from '../../common/validation';

const reason = z
  .string({ message: 'grant_reason_required' })
  .trim()
  .min(3, { message: 'grant_reason_required' })
  .max(500, { message: 'grant_reason_required' })
  .meta(LINE_BREAKS);
const isoDate = z.iso.datetime({ offset: true, message: 'field_invalid' });

export const GrantScopeSchema = z.enum(['read', 'full']);

export const CreateGrantSchema = z.object({
  staffId: z.uuid({ message: 'grant_staff_invalid' }),
  scope: GrantScopeSchema,
  reason,
  /** Defaults to now. */
  startsAt: isoDate.optional(),
  endsAt: isoDate,
});

export const AssignPartnerSchema = z.object({
  staffId: z.uuid({ message: 'grant_partner_invalid' }),
  accountIds: z.array(z.uuid()).min(1, { message: 'field_required' }).max(50),
  scope: GrantScopeSchema,
  reason,
  startsAt: isoDate.optional(),
  endsAt: isoDate,
});

export const GrantStatusSchema = z.enum(['active', 'scheduled', 'ended', 'revoked']);

export const GrantSchema = z.object({
  id: z.uuid(),
  account: z.object({ id: z.uuid(), name: z.string() }),
  staff: z.object({ id: z.uuid(), fullName: z.string(), email: z.string() }),
  kind: z.enum(['support', 'partner']),
  scope: GrantScopeSchema,
  reason: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: GrantStatusSchema,
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** Audit entries recorded under this grant. */
  actionCount: z.number().int(),
});
export const GrantListSchema = z.object({ items: z.array(GrantSchema) });
export const CreatedGrantsSchema = z.object({ items: z.array(GrantSchema) });

export const GrantListQuerySchema = z.object({
  status: GrantStatusSchema.optional(),
  accountId: z.uuid().optional(),
  staffId: z.uuid().optional(),
});
export const OwnGrantListQuerySchema = z.object({ status: GrantStatusSchema.optional() });

export const StaffOptionSchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  email: z.string(),
  role: z.enum(['support', 'partner']),
});
export const StaffOptionListSchema = z.object({ items: z.array(StaffOptionSchema) });

export const EnteredGrantSchema = z.object({
  grantId: z.uuid(),
  account: z.object({ id: z.uuid(), name: z.string() }),
  scope: GrantScopeSchema,
  endsAt: z.string(),
});
