import { z } from 'zod';
import { EmailSchema } from '../accounts/signup.dto';

export const LoginSchema = z.object({
  email: EmailSchema,
  password: z.string({ message: 'field_required' }).min(1, { message: 'field_required' }).max(1024),
  remember: z.boolean().optional().default(false),
});

export const StaffLoginSchema = LoginSchema.omit({ remember: true });

export const MeSchema = z.object({
  user: z.object({
    id: z.uuid(),
    fullName: z.string(),
    email: z.string(),
    role: z.enum(['owner', 'admin', 'developer', 'external_client']),
  }),
  account: z.object({
    id: z.uuid(),
    name: z.string(),
    status: z.enum(['pending_approval', 'active', 'read_only', 'suspended', 'rejected', 'canceled']),
  }),
});
export type Me = z.infer<typeof MeSchema>;

export const StaffMeSchema = z.object({
  staff: z.object({
    id: z.uuid(),
    fullName: z.string(),
    email: z.string(),
    role: z.enum(['super_admin', 'support', 'partner']),
  }),
});
