import { z } from 'zod';
import { PERMISSIONS } from '../../access/permissions';

export const CreateApiTokenSchema = z.object({
  name: z
    .string({ message: 'api_token_name_invalid' })
    .trim()
    .min(1, { message: 'api_token_name_invalid' })
    .max(64, { message: 'api_token_name_invalid' }),
  permissions: z
    .array(z.enum(PERMISSIONS), { message: 'api_token_permissions_required' })
    .min(1, { message: 'api_token_permissions_required' })
    .max(PERMISSIONS.length),
  /** Optional; at most a year ahead. */
  expiresAt: z.iso.datetime({ offset: true, message: 'api_token_expiry_invalid' }).nullable().optional(),
});

export const ApiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The token's first characters, to recognise it; the token itself is never shown again. */
  prefix: z.string(),
  permissions: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  lastUsedIp: z.string().nullable(),
  revokedAt: z.string().nullable(),
  status: z.enum(['active', 'expired', 'revoked']),
  owner: z.object({ id: z.uuid(), fullName: z.string(), email: z.string() }),
});

export const ApiTokenListSchema = z.object({
  items: z.array(ApiTokenSchema),
  /** What a token created by the caller may carry (their own role's permissions, minus token and grant management). */
  grantablePermissions: z.array(z.string()),
});

export const CreatedApiTokenSchema = z.object({
  apiToken: ApiTokenSchema,
  /** Shown this once: only its SHA-256 is stored. */
  token: z.string(),
});
