import type { AccountStatus, GrantKind, GrantScope, Permission, StaffRole, UserRole } from './permissions';

export interface UserAuth {
  kind: 'user';
  /** The session's id; for a request authenticated with an API token, the token's id (no session). */
  sessionId: string;
  userId: string;
  accountId: string;
  role: UserRole;
  /** Set when the request came with `Authorization: Bearer csp_…`: only these permissions apply. */
  apiToken?: { id: string; permissions: readonly Permission[] };
}

/**
 * A provider staff member working inside a customer account through an active grant (support
 * "serviço assistido" or partner window). Not a customer user: `userId` is null, personal endpoints
 * (those taking @CurrentUser) refuse it, and the audit trail names the staff member and the grant.
 */
export interface GrantAuth {
  kind: 'grant';
  sessionId: string;
  userId: null;
  accountId: string;
  /** The grant's scope as a role: read acts like a developer, full like an admin (never owner). */
  role: Extract<UserRole, 'admin' | 'developer'>;
  staffId: string;
  grantId: string;
  grant: {
    scope: GrantScope;
    kind: GrantKind;
    endsAt: Date;
    staffName: string;
    staffEmail: string;
    accountName: string;
    accountStatus: AccountStatus;
  };
}

/** Whoever acts inside a customer account: a member (session or API token) or staff under a grant. */
export type AccountAuth = UserAuth | GrantAuth;

export interface StaffAuth {
  kind: 'staff';
  sessionId: string;
  staffId: string;
  role: StaffRole;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth?: UserAuth | GrantAuth | StaffAuth;
  }
}
