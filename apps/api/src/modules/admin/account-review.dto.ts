import { z } from 'zod';
import { LINE_BREAKS } from '../../common/validation';
import { ACCOUNT_STATUSES } from '../../access/permissions';

export const AccountStatusSchema = z.enum(ACCOUNT_STATUSES);

export const ListAccountsQuerySchema = z.object({
  status: AccountStatusSchema.optional(),
});

export const AccountSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  documentType: z.enum(['cpf', 'cnpj']),
  document: z.string(),
  email: z.string(),
  phone: z.string(),
  ownerName: z.string(),
  ownerEmail: z.string(),
  planName: z.string(),
  quotaBytes: z.number().int(),
  status: AccountStatusSchema,
  rejectionReason: z.string().nullable(),
  /** Another live account already has this CPF/CNPJ: approval will be refused. */
  documentInUse: z.boolean(),
  createdAt: z.string(),
});
export const AccountSummaryListSchema = z.object({ items: z.array(AccountSummarySchema) });

export const DecisionSchema = z.object({ id: z.uuid(), status: AccountStatusSchema });

export const RejectSchema = z.object({
  reason: z
    .string({ message: 'reject_reason_required' })
    .trim()
    .min(3, { message: 'reject_reason_required' })
    .max(500)
    .meta(LINE_BREAKS),
});
