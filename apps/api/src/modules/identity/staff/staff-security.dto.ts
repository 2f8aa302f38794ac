import { z } from 'zod';
import { EmailSchema } from '../../../common/account-fields';
import { isValidIpRule } from './staff-access-policy';
import { STAFF_ROLES } from '../../../access/permissions';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'invalid_hours' });

export const StaffLoginSettingsSchema = z.object({
  ipAllowlist: z.array(z.string().trim().refine(isValidIpRule, { message: 'invalid_ip_rule' })).max(100),
  hours: z
    .object({
      start: hhmm,
      end: hhmm,
      days: z.array(z.number().int().min(0).max(6)).min(1).max(7),
    })
    .nullable(),
});

const role = z.enum(STAFF_ROLES, { message: 'field_invalid' });

export const StaffMemberSchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  email: z.string(),
  role,
  status: z.enum(['active', 'disabled']),
  twoFactorEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export const StaffMemberListSchema = z.object({ items: z.array(StaffMemberSchema) });
export const CreateStaffMemberSchema = z.object({
  fullName: z
    .string()
    .trim()
    .min(3, { message: 'invalid_full_name' })
    .max(120, { message: 'field_too_long' }),
  email: EmailSchema,
  role,
});
export const StaffRoleSchema = z.object({ role });

export const StaffSecurityOverviewSchema = z.object({
  twoFactorEnabled: z.boolean(),
  recoveryCodesRemaining: z.number().int(),
  passwordChangedAt: z.string().nullable(),
});
