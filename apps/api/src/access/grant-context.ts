import { z } from 'zod';
import { grantKind, grantScope } from '@csp/db';
import type { GrantAuth } from './auth.types';
import { grantPermissions } from './effective-permissions';

/** What the customer UI shows while a staff member works in the account (the banner). */
export const GrantContextSchema = z.object({
  id: z.uuid(),
  kind: z.enum(grantKind.enumValues),
  scope: z.enum(grantScope.enumValues),
  endsAt: z.string(),
  staff: z.object({ id: z.uuid(), fullName: z.string(), email: z.string() }),
});

/** GET /me for a grant session: the staff member in the account, with the banner's context. */
export function grantMe(auth: GrantAuth) {
  return {
    user: {
      id: auth.staffId,
      fullName: auth.grant.staffName,
      email: auth.grant.staffEmail,
      role: auth.role,
      theme: 'system' as const,
    },
    account: { id: auth.accountId, name: auth.grant.accountName, status: auth.grant.accountStatus },
    permissions: grantPermissions(auth.role),
    grant: {
      id: auth.grantId,
      kind: auth.grant.kind,
      scope: auth.grant.scope,
      endsAt: auth.grant.endsAt.toISOString(),
      staff: { id: auth.staffId, fullName: auth.grant.staffName, email: auth.grant.staffEmail },
    },
  };
}
