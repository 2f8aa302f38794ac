import { describe, expect, it } from 'vitest';
import { Permission, ROLE_PERMISSIONS } from './permissions';
import { grantRole, grantRoleAllows, tokenCovers, tokenGrantablePermissions } from './effective-permissions';

describe('grant scopes', () => {
  it('read acts as a developer, full as an admin: never owner powers', () => {
    expect(grantRole('read')).toBe('developer');
    expect(grantRole('full')).toBe('admin');
    for (const role of ['admin', 'developer'] as const) {
      for (const p of [
        Permission.GrantManage,
        Permission.ApiTokenManage,
        Permission.TeamManage,
        Permission.AccountSettingsManage,
        Permission.AuditRead,
        Permission.AccessKeyRevealInitial,
        // Keys would outlive the grant.
        Permission.AccessKeyCreate,
      ]) {
        expect(grantRoleAllows(role, p), `${role} ${p}`).toBe(false);
      }
    }
    expect(grantRoleAllows('admin', Permission.BucketCreate)).toBe(true);
    expect(grantRoleAllows('developer', Permission.BucketCreate)).toBe(false);
  });
});

describe('API token permissions', () => {
  it('are a subset of the role, without minting tokens or granting staff access', () => {
    for (const role of ['owner', 'admin', 'developer', 'external_client'] as const) {
      const grantable = tokenGrantablePermissions(role);
      expect(grantable.every((p) => ROLE_PERMISSIONS[role].includes(p))).toBe(true);
      expect(grantable).not.toContain(Permission.ApiTokenManage);
      expect(grantable).not.toContain(Permission.GrantManage);
    }
  });

  it('bucket.read covers listing buckets', () => {
    expect(tokenCovers([Permission.BucketRead], Permission.SharedBucketRead)).toBe(true);
    expect(tokenCovers([Permission.BucketRead], Permission.BucketCreate)).toBe(false);
  });
});
