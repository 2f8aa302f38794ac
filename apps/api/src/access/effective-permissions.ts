import type { AccountAuth } from './auth.types';
import { PERMISSIONS, Permission, roleAllows, type GrantScope, type UserRole } from './permissions';

/** A grant's scope as the role it acts with: never owner powers (billing, team, grants, tokens). */
export function grantRole(scope: GrantScope): 'admin' | 'developer' {
  return scope === 'full' ? 'admin' : 'developer';
}

/**
 * What a staff member may never do under a grant, whatever the scope: mint credentials that would
 * outlive the grant (API tokens; S3 access keys, which covers creating and rotating them) or hand
 * out further grants. Routes whose permission is shared with harmless actions but that would leave
 * lasting access behind (reactivating a key, making a bucket public) are declared `noGrant`.
 */
export const GRANT_DENIED_PERMISSIONS: readonly Permission[] = [
  Permission.ApiTokenManage,
  Permission.GrantManage,
  Permission.AccessKeyCreate,
];

/** Permissions an API token may carry: the creator's own, minus minting tokens and letting staff in. */
export const TOKEN_DENIED_PERMISSIONS: readonly Permission[] = [
  Permission.ApiTokenManage,
  Permission.GrantManage,
];

export function grantRoleAllows(role: 'admin' | 'developer', permission: Permission): boolean {
  return roleAllows(role, permission) && !GRANT_DENIED_PERMISSIONS.includes(permission);
}

export function tokenGrantablePermissions(role: UserRole): Permission[] {
  return PERMISSIONS.filter((p) => roleAllows(role, p) && !TOKEN_DENIED_PERMISSIONS.includes(p));
}

/**
 * Whether a token's chosen list covers `permission`. Reading every bucket (bucket.read) includes
 * listing them (bucket.shared.read, the list endpoint's permission, narrowed for external clients).
 */
export function tokenCovers(permissions: readonly Permission[], permission: Permission): boolean {
  if (permissions.includes(permission)) return true;
  return permission === Permission.SharedBucketRead && permissions.includes(Permission.BucketRead);
}

/** Every permission a role holds (a signed-in member's session: no token or grant narrowing). */
export function rolePermissions(role: UserRole): Permission[] {
  return PERMISSIONS.filter((p) => roleAllows(role, p));
}

/** Every permission a grant's scope acts with (GET /me of a grant session). */
export function grantPermissions(role: 'admin' | 'developer'): Permission[] {
  return PERMISSIONS.filter((p) => grantRoleAllows(role, p));
}

/** The caller's effective permission: role, narrowed by the grant's limits or the API token's list. */
export function can(auth: AccountAuth, permission: Permission): boolean {
  if (auth.kind === 'grant') return grantRoleAllows(auth.role, permission);
  if (!roleAllows(auth.role, permission)) return false;
  return !auth.apiToken || tokenCovers(auth.apiToken.permissions, permission);
}
