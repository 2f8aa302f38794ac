/** Customer-side permissions (PRD 4.2). A diff here changes who can do what: review it as such. */
export const Permission = {
  DashboardView: 'dashboard.view',
  BucketRead: 'bucket.read',
  BucketCreate: 'bucket.create',
  BucketDelete: 'bucket.delete',
  AccessKeyRead: 'access_key.read',
  AccessKeyCreate: 'access_key.create',
  AccessKeyRevoke: 'access_key.revoke',
  AccessKeyRevealInitial: 'access_key.reveal_initial',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

export const StaffPermission = {
  AccountsRead: 'staff.accounts.read',
  AccountsApprove: 'staff.accounts.approve',
} as const;
export type StaffPermission = (typeof StaffPermission)[keyof typeof StaffPermission];

export type UserRole = 'owner' | 'admin' | 'developer' | 'external_client';
export type StaffRole = 'super_admin' | 'support' | 'partner';

const P = Permission;
export const ROLE_PERMISSIONS: Record<UserRole, readonly Permission[]> = {
  owner: [
    P.DashboardView,
    P.BucketRead,
    P.BucketCreate,
    P.BucketDelete,
    P.AccessKeyRead,
    P.AccessKeyCreate,
    P.AccessKeyRevoke,
    P.AccessKeyRevealInitial,
  ],
  admin: [
    P.DashboardView,
    P.BucketRead,
    P.BucketCreate,
    P.BucketDelete,
    P.AccessKeyRead,
    P.AccessKeyCreate,
    P.AccessKeyRevoke,
  ],
  developer: [P.DashboardView, P.BucketRead, P.AccessKeyRead],
  // External clients see only buckets shared with them; that filtering arrives with the team issue.
  external_client: [],
};

export const STAFF_ROLE_PERMISSIONS: Record<StaffRole, readonly StaffPermission[]> = {
  super_admin: [StaffPermission.AccountsRead, StaffPermission.AccountsApprove],
  // Support and partners reach accounts only through grants (a later issue).
  support: [],
  partner: [],
};

export function roleAllows(role: UserRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function staffRoleAllows(role: StaffRole, permission: StaffPermission): boolean {
  return STAFF_ROLE_PERMISSIONS[role].includes(permission);
}
