import { z } from 'zod';
import { classifyDocument } from './document';
import { EmailSchema, PasswordSchema } from '../../common/account-fields';

export const SignupSchema = z.object({
  fullName: z
    .string({ message: 'field_required' })
    .trim()
    .max(120)
    .refine((v) => /^\S{2,}(\s+\S+)+$/u.test(v), { message: 'invalid_full_name' }),
  /** Company (razão social) for a CNPJ; the account takes the person's name when absent. */
  companyName: z.string().trim().max(160).optional(),
  email: EmailSchema,
  document: z
    .string({ message: 'field_required' })
    .max(32)
    .refine((v) => classifyDocument(v) !== null, { message: 'invalid_document' }),
  phone: z
    .string({ message: 'field_required' })
    .max(32)
    .refine((v) => /^\+?[\d\s().-]+$/.test(v) && /^\d{10,13}$/.test(v.replace(/\D/g, '')), {
      message: 'invalid_phone',
    }),
  password: PasswordSchema,
  acceptTerms: z.literal(true, { message: 'terms_required' }),
});
export type SignupInput = z.infer<typeof SignupSchema>;

export const SignupStartedSchema = z.object({ signupId: z.uuid(), email: z.string() });

export const VerifySignupSchema = z.object({
  signupId: z.uuid({ message: 'signup_not_found' }),
  code: z
    .string({ message: 'field_required' })
    .trim()
    .regex(/^\d{6}$/, { message: 'code_format' }),
});

export const SignupVerifiedSchema = z.object({
  accountId: z.uuid(),
  status: z.literal('pending_approval'),
});

export const ResendSignupSchema = z.object({ signupId: z.uuid({ message: 'signup_not_found' }) });
