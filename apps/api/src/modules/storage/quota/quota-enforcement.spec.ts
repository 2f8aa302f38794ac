import { describe, expect, it } from 'vitest';
import { buildTenantPolicy, TENANT_OBJECT_WRITE_ACTIONS } from '@csp/minio-admin';
import {
  BLOCKED_TENANT_DELETE_ACTIONS,
  buildBlockedTenantPolicy,
  expectedAccountPolicy,
} from '../provisioning/provisioning.service';
import { usageOf } from './quota-enforcement.service';

const actions = (policy: ReturnType<typeof buildBlockedTenantPolicy>) =>
  policy.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action ?? '']));

describe('the tenant policy while writes are blocked', () => {
  it('keeps reads and lists, allows deletes, and drops every upload and metadata write', () => {
    const policy = buildBlockedTenantPolicy(['fotos', 'backups']);
    const allowed = actions(policy);
    expect(allowed).toEqual(
      expect.arrayContaining(['s3:GetObject', 's3:ListBucket', ...BLOCKED_TENANT_DELETE_ACTIONS]),
    );
    const writes = TENANT_OBJECT_WRITE_ACTIONS.filter((a) => !BLOCKED_TENANT_DELETE_ACTIONS.includes(a));
    for (const action of writes) expect(allowed).not.toContain(action);
    const deletes = policy.Statement.find((s) => s.Sid === 'TenantDeletesWhileOverQuota')!;
    expect(deletes.Resource).toEqual(['arn:aws:s3:::backups/*', 'arn:aws:s3:::fotos/*']);
  });

  it('is the read-only placeholder policy without buckets, and the full policy when not blocked', () => {
    expect(buildBlockedTenantPolicy([])).toEqual(buildTenantPolicy([], 'read'));
    expect(expectedAccountPolicy({ bucketNames: ['a1b'], writesBlocked: false })).toEqual(
      buildTenantPolicy(['a1b'], 'full'),
    );
    expect(expectedAccountPolicy({ bucketNames: ['a1b'], writesBlocked: true })).toEqual(
      buildBlockedTenantPolicy(['a1b']),
    );
  });
});

describe('account usage from scanner data', () => {
  it('sums the named buckets (all versions) and counts unknown buckets as empty', () => {
    const info = {
      lastUpdate: new Date(),
      objectsCount: 0,
      objectsTotalSize: 0,
      bucketsCount: 3,
      bucketsUsageInfo: {
        a: { size: 100, objectsCount: 1, versionsCount: 1, deleteMarkersCount: 0 },
        b: { size: 50, objectsCount: 1, versionsCount: 2, deleteMarkersCount: 0 },
        other: { size: 1e9, objectsCount: 1, versionsCount: 1, deleteMarkersCount: 0 },
      },
    };
    expect(usageOf(info as never, ['a', 'b', 'new'])).toBe(150);
    expect(usageOf(info as never, [])).toBe(0);
  });
});
