import { accountStatus, bucketAccessLevel, grantKind, grantScope, staffRole, userRole } from '@csp/db';

/** Customer-side permissions (PRD 4.2). A diff here changes who can do what: review it as such. */
export const Permission = {
  DashboardView: 'dashboard.view',
  /** Every bucket of the account. */
  BucketRead: 'bucket.read',
  /**
   * The bucket list itself: roles holding BucketRead see every bucket of the account, the others
   * (external clients) only the buckets shared with them (user_bucket_access).
   */
  SharedBucketRead: 'bucket.shared.read',
  BucketCreate: 'bucket.create',
  BucketDelete: 'bucket.delete',
  /** Versioning, public read, lifecycle, object lock retention. */
  BucketUpdate: 'bucket.update',
  /**
   * Object browser: list and download. External clients hold neither object permission; they
   * browse buckets shared with them through SharedBucketRead, limited by each share's access.
   */
  ObjectRead: 'object.read',
  /** Object browser: upload, create folders, delete. */
  ObjectWrite: 'object.write',
  AccessKeyRead: 'access_key.read',
  AccessKeyCreate: 'access_key.create',
  AccessKeyRevoke: 'access_key.revoke',
  AccessKeyRevealInitial: 'access_key.reveal_initial',
  /** Deactivate, reactivate, rotate. */
  AccessKeyUpdate: 'access_key.update',
  /** Backup-software guides and templates (PRD 4.2: developers view only). */
  BackupGuideRead: 'backup.guide.read',
  /** "Testar conexão": real S3 calls with a key the caller supplies. */
  StorageConnectionTest: 'storage.connection_test',
  /** "Solicitar upgrade de quota": Owner only. */
  QuotaRequest: 'quota.request',
  TeamRead: 'team.read',
  TeamManage: 'team.manage',
  AccountSettingsManage: 'account.settings.manage',
  AuditRead: 'audit.read',
  /** Admins see the storage events of the audit log only (PRD 4.2, "parcial"). */
  AuditReadStorage: 'audit.read_storage',
  GrantManage: 'grant.manage',
  /** API tokens are bounded by the creator's own permissions. */
  ApiTokenManage: 'api_token.manage',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];
/** Every customer permission, as a tuple (zod enums, the lists below). */
export const PERMISSIONS = Object.values(Permission) as [Permission, ...Permission[]];

export const StaffPermission = {
  AccountsRead: 'staff.accounts.read',
  AccountsApprove: 'staff.accounts.approve',
  StaffManage: 'staff.staff.manage',
  SettingsManage: 'staff.settings.manage',
  /** Assign partners to accounts, see every grant. */
  GrantsManage: 'staff.grants.manage',
  /** List one's own grants and work inside an account through an active one. */
  GrantsUse: 'staff.grants.use',
  AuditRead: 'staff.audit.read',
  UsersForceLogout: 'staff.users.force_logout',
  /** Decide quota change requests and set an account's quota ("ajustar quota manualmente"). */
  QuotaManage: 'staff.quota.manage',
  /** Run the reconciler and read its findings. */
  ReconcilerRun: 'staff.reconciler.run',
} as const;
export type StaffPermission = (typeof StaffPermission)[keyof typeof StaffPermission];

/** Role, status and scope lists are the database's enums, never retyped. */
export const USER_ROLES = userRole.enumValues;
export type UserRole = (typeof USER_ROLES)[number];
export const STAFF_ROLES = staffRole.enumValues;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const ACCOUNT_STATUSES = accountStatus.enumValues;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
/** A grant's scope, and the access level of a bucket shared with an external client. */
export type GrantScope = (typeof grantScope.enumValues)[number];
export type GrantKind = (typeof grantKind.enumValues)[number];
export type BucketAccessLevel = (typeof bucketAccessLevel.enumValues)[number];

const P = Permission;
export const ROLE_PERMISSIONS: Record<UserRole, readonly Permission[]> = {
  owner: [
    P.DashboardView,
    P.BucketRead,
    P.SharedBucketRead,
    P.BucketCreate,
    P.BucketDelete,
    P.BucketUpdate,
    P.ObjectRead,
    P.ObjectWrite,
    P.AccessKeyRead,
    P.AccessKeyCreate,
    P.AccessKeyRevoke,
    P.AccessKeyRevealInitial,
    P.AccessKeyUpdate,
    P.BackupGuideRead,
    P.StorageConnectionTest,
    P.QuotaRequest,
    P.TeamRead,
    P.TeamManage,
    P.AccountSettingsManage,
    P.AuditRead,
    P.AuditReadStorage,
    P.GrantManage,
    P.ApiTokenManage,
  ],
  admin: [
    P.DashboardView,
    P.BucketRead,
    P.SharedBucketRead,
    P.BucketCreate,
    P.BucketDelete,
    P.BucketUpdate,
    P.ObjectRead,
    P.ObjectWrite,
    P.AccessKeyRead,
    P.AccessKeyCreate,
    P.AccessKeyRevoke,
    P.AccessKeyUpdate,
    P.BackupGuideRead,
    P.StorageConnectionTest,
    P.AuditReadStorage,
    P.ApiTokenManage,
  ],
  developer: [
    P.DashboardView,
    P.BucketRead,
    P.SharedBucketRead,
    P.ObjectRead,
    P.AccessKeyRead,
    P.BackupGuideRead,
    P.ApiTokenManage,
  ],
  // External clients see only the buckets shared with them (team module); no account-wide permission.
  external_client: [P.SharedBucketRead],
};

export const STAFF_ROLE_PERMISSIONS: Record<StaffRole, readonly StaffPermission[]> = {
  super_admin: Object.values(StaffPermission),
  // Support and partners reach customer accounts only through grants.
  support: [StaffPermission.GrantsUse],
  partner: [StaffPermission.GrantsUse],
};

export function roleAllows(role: UserRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function staffRoleAllows(role: StaffRole, permission: StaffPermission): boolean {
  return STAFF_ROLE_PERMISSIONS[role].includes(permission);
}
