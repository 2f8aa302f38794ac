import { z } from 'zod';
import { EmailSchema, PasswordSchema } from '../../common/account-fields';
import { USER_ROLES } from '../../access/permissions';
import { bucketAccessLevel } from '@csp/db';

/** Roles an owner may give; "owner" only moves through the ownership transfer. */
export const MemberRoleSchema = z.enum(['admin', 'developer', 'external_client'], {
  message: 'team_role_invalid',
});
export type MemberRole = z.infer<typeof MemberRoleSchema>;

const RoleSchema = z.enum(USER_ROLES);
const AccessSchema = z.enum(bucketAccessLevel.enumValues);

export const BucketGrantSchema = z.object({
  bucketId: z.uuid({ message: 'team_bucket_unknown' }),
  access: AccessSchema,
});
const BucketGrantsSchema = z
  .array(BucketGrantSchema)
  .max(500)
  .refine((items) => new Set(items.map((i) => i.bucketId)).size === items.length, {
    message: 'field_invalid',
  });

export const CreateInvitationSchema = z.object({
  email: EmailSchema,
  role: MemberRoleSchema,
  /** External clients only: which buckets, read or full. */
  buckets: BucketGrantsSchema.optional().default([]),
});
export type CreateInvitationInput = z.infer<typeof CreateInvitationSchema>;

const SharedBucketSchema = z.object({ bucketId: z.uuid(), name: z.string(), access: AccessSchema });

export const InvitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: RoleSchema,
  status: z.enum(['pending', 'expired']),
  expiresAt: z.string(),
  sendCount: z.number().int(),
  lastSentAt: z.string(),
  invitedByName: z.string().nullable(),
  buckets: z.array(SharedBucketSchema),
  createdAt: z.string(),
});
export const InvitationListSchema = z.object({ items: z.array(InvitationSchema) });

export const MemberSchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  email: z.string(),
  role: RoleSchema,
  status: z.enum(['active', 'disabled']),
  lastAccessAt: z.string().nullable(),
  createdAt: z.string(),
  isYou: z.boolean(),
  /** External clients: the buckets shared with them. Empty for the other roles. */
  buckets: z.array(SharedBucketSchema),
});
export const MemberListSchema = z.object({
  items: z.array(MemberSchema),
  /** The `offset` of the next page, or null on the last one. */
  nextOffset: z.number().int().nullable(),
});

export const MemberQuerySchema = z.object({
  role: RoleSchema.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  q: z.string().trim().max(120).optional(),
  /** Page size: 100 by default, at most 200. */
  limit: z.coerce.number().int().min(1).max(200).optional().default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional().default(0),
});
export type MemberQuery = z.infer<typeof MemberQuerySchema>;

export const ChangeRoleSchema = z.object({
  role: MemberRoleSchema,
  /** Required when the new role is external_client (which buckets, read or full). */
  buckets: BucketGrantsSchema.optional(),
});

export const SetBucketAccessSchema = z.object({ buckets: BucketGrantsSchema });

export const TransferOwnershipSchema = z.object({
  /** The owner's own password: a transfer gives the account away. */
  password: z.string({ message: 'field_required' }).min(1, { message: 'field_required' }).max(1024),
});

export const InvitationTokenSchema = z.object({
  token: z
    .string({ message: 'team_invitation_invalid' })
    .trim()
    .regex(/^[A-Za-z0-9_-]{20,200}$/, { message: 'team_invitation_invalid' }),
});

export const InvitationPreviewSchema = z.object({
  email: z.string(),
  role: RoleSchema,
  accountName: z.string(),
  invitedByName: z.string().nullable(),
  expiresAt: z.string(),
  buckets: z.array(z.object({ name: z.string(), access: AccessSchema })),
});

export const AcceptInvitationSchema = InvitationTokenSchema.extend({
  fullName: z
    .string({ message: 'field_required' })
    .trim()
    .max(120)
    .refine((v) => /^\S{2,}(\s+\S+)+$/u.test(v), { message: 'invalid_full_name' }),
  password: PasswordSchema,
});

export const InvitationAcceptedSchema = z.object({ email: z.string() });
