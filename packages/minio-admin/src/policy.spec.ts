import { describe, expect, it } from 'vitest';
import {
  buildScopedPolicy,
  NO_BUCKET_PLACEHOLDER,
  TENANT_BUCKET_ACTIONS,
  TENANT_OBJECT_READ_ACTIONS,
  TENANT_OBJECT_WRITE_ACTIONS,
  buildTenantPolicy,
  buildSessionPolicy,
  isValidBucketName,
  SESSION_NEVER_ALLOWED,
  SESSION_OPERATIONS,
} from './policy';
import type { IamPolicyDocument, IamPolicyStatement } from './types';

const actions = (s: IamPolicyStatement) => ([] as string[]).concat(s.Action ?? []);
const resources = (s: IamPolicyStatement) => ([] as string[]).concat(s.Resource ?? []);
const allActions = (statements: IamPolicyStatement[]) => statements.flatMap(actions);

describe('buildTenantPolicy', () => {
  it('full access: bucket-level actions on the buckets, object actions on their objects', () => {
    const p = buildTenantPolicy(['beta', 'alpha'], 'full');
    expect(p.Version).toBe('2012-10-17');
    expect(p.Statement).toHaveLength(2);
    const [bucket, object] = p.Statement;
    expect(bucket.Effect).toBe('Allow');
    expect(resources(bucket)).toEqual(['arn:aws:s3:::alpha', 'arn:aws:s3:::beta']);
    expect(actions(bucket)).toEqual(
      expect.arrayContaining(['s3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads']),
    );
    expect(object.Effect).toBe('Allow');
    expect(resources(object)).toEqual(['arn:aws:s3:::alpha/*', 'arn:aws:s3:::beta/*']);
    expect(actions(object)).toEqual(
      expect.arrayContaining([
        's3:GetObject',
        's3:PutObject',
        's3:DeleteObject',
        's3:AbortMultipartUpload',
        's3:ListMultipartUploadParts',
      ]),
    );
  });

  it('never grants ListAllMyBuckets, wildcards or admin actions', () => {
    for (const access of ['read', 'full'] as const) {
      const p = buildTenantPolicy(['alpha'], access);
      const acts = allActions(p.Statement);
      expect(acts).not.toContain('s3:ListAllMyBuckets');
      expect(acts).not.toContain('s3:BypassGovernanceRetention');
      expect(acts.every((a) => a.startsWith('s3:') && !a.includes('*'))).toBe(true);
      expect(
        p.Statement.flatMap(resources).every(
          (r) => !r.slice('arn:aws:s3:::'.length).replace(/\/\*$/, '').includes('*'),
        ),
      ).toBe(true);
      expect(p.Statement.every((s) => s.Effect === 'Allow')).toBe(true);
    }
  });

  it('read access drops every write, delete and multipart-write action', () => {
    const read = allActions(buildTenantPolicy(['alpha'], 'read').Statement);
    for (const a of TENANT_OBJECT_WRITE_ACTIONS) expect(read).not.toContain(a);
    expect(read.some((a) => /^s3:(Put|Delete|Abort)/.test(a))).toBe(false);
    expect(read).toEqual(expect.arrayContaining([...TENANT_BUCKET_ACTIONS, ...TENANT_OBJECT_READ_ACTIONS]));
    // Unlike MinIO's built-in readonly policy, listing is allowed.
    expect(read).toContain('s3:ListBucket');
  });

  it('is deterministic: sorted, deduplicated', () => {
    expect(
      buildTenantPolicy(
        ['b', 'a', 'b'].map((x) => x.repeat(3)),
        'full',
      ),
    ).toEqual(buildTenantPolicy(['aaa', 'bbb'], 'full'));
    expect(JSON.stringify(buildTenantPolicy(['x1y', 'abc'], 'read'))).toBe(
      JSON.stringify(buildTenantPolicy(['abc', 'x1y'], 'read')),
    );
  });

  it('zero buckets: one Allow statement on a bucket name that cannot exist', () => {
    for (const access of ['read', 'full'] as const) {
      const p = buildTenantPolicy([], access);
      expect(p.Statement).toHaveLength(1);
      const [s] = p.Statement;
      expect(s.Effect).toBe('Allow');
      expect(actions(s).length).toBeGreaterThan(0);
      expect(resources(s)).toEqual([`arn:aws:s3:::${NO_BUCKET_PLACEHOLDER}`]);
      expect(isValidBucketName(NO_BUCKET_PLACEHOLDER)).toBe(false);
    }
  });

  it('rejects bucket names that are invalid or would widen the policy', () => {
    for (const bad of [
      '*',
      'a*',
      'ab?',
      'ab/c',
      'AB',
      'a_b',
      'ab',
      '',
      '-ab',
      'ab-',
      'a..b',
      '192.168.1.1',
      'x'.repeat(64),
    ]) {
      expect(() => buildTenantPolicy([bad], 'full'), bad).toThrow(TypeError);
    }
    expect(() => buildTenantPolicy(['abc'], 'write' as never)).toThrow(TypeError);
  });

  it('accepts valid bucket names', () => {
    for (const ok of ['abc', 'a.b-c', 'tenant-42-backups', 'x'.repeat(63), '1ab'])
      expect(isValidBucketName(ok), ok).toBe(true);
  });
});

describe('buildScopedPolicy', () => {
  it('gives each bucket its own access level', () => {
    const policy = buildScopedPolicy([
      { bucket: 'backups', access: 'read' },
      { bucket: 'uploads', access: 'full' },
    ]);
    const byResource = (r: string) =>
      policy.Statement.filter((s) => (s.Resource as string[]).includes(r)).flatMap(
        (s) => s.Action as string[],
      );
    expect(byResource('arn:aws:s3:::backups/*')).toContain('s3:GetObject');
    expect(byResource('arn:aws:s3:::backups/*')).not.toContain('s3:PutObject');
    expect(byResource('arn:aws:s3:::backups/*')).not.toContain('s3:DeleteObject');
    expect(byResource('arn:aws:s3:::uploads/*')).toContain('s3:PutObject');
    expect(byResource('arn:aws:s3:::backups')).toContain('s3:ListBucket');
  });

  it('keeps the widest access for a bucket listed twice and matches the tenant policy when uniform', () => {
    expect(
      buildScopedPolicy([
        { bucket: 'a-b', access: 'read' },
        { bucket: 'a-b', access: 'full' },
      ]),
    ).toEqual(buildTenantPolicy(['a-b'], 'full'));
    expect(buildScopedPolicy([{ bucket: 'abc', access: 'read' }])).toEqual(
      buildTenantPolicy(['abc'], 'read'),
    );
    expect(() => buildScopedPolicy([{ bucket: 'a*', access: 'read' }])).toThrow(TypeError);
  });
});

describe('buildSessionPolicy', () => {
  const actionsOf = (p: IamPolicyDocument, effect: 'Allow' | 'Deny') =>
    p.Statement.filter((s) => s.Effect === effect && !s.Condition).flatMap((s) => s.Action as string[]);

  it('names exactly one bucket, and the operation class’s actions only', () => {
    expect(actionsOf(buildSessionPolicy('bk1', 'read'), 'Allow')).toEqual([
      's3:GetObject',
      's3:GetObjectVersion',
    ]);
    expect(actionsOf(buildSessionPolicy('bk1', 'write'), 'Allow')).toEqual(['s3:PutObject']);
    expect(actionsOf(buildSessionPolicy('bk1', 'delete'), 'Allow')).toEqual([
      's3:DeleteObject',
      's3:DeleteObjectVersion',
      's3:AbortMultipartUpload',
    ]);
    for (const op of SESSION_OPERATIONS) {
      const resources = buildSessionPolicy('bk1', op)
        .Statement.filter((s) => s.Effect === 'Allow')
        .flatMap((s) => s.Resource as string[]);
      expect(new Set(resources)).toEqual(
        new Set(op === 'list' ? ['arn:aws:s3:::bk1', 'arn:aws:s3:::bk1/*'] : ['arn:aws:s3:::bk1/*']),
      );
    }
  });

  it('never allows governance bypass, retention, legal hold or tagging, and writes never read', () => {
    for (const op of SESSION_OPERATIONS) {
      const p = buildSessionPolicy('bk1', op);
      const allowed = actionsOf(p, 'Allow');
      for (const never of SESSION_NEVER_ALLOWED) expect(allowed).not.toContain(never);
      expect(actionsOf(p, 'Deny')).toEqual(expect.arrayContaining([...SESSION_NEVER_ALLOWED]));
    }
    // A copy reads its source: an upload credential holds no read action at all.
    expect(actionsOf(buildSessionPolicy('bk1', 'write'), 'Allow')).not.toContain('s3:GetObject');
  });

  it('refuses uploads carrying a copy source, SSE-C, lock or tag headers', () => {
    const denied = buildSessionPolicy('bk1', 'write')
      .Statement.filter((s) => s.Effect === 'Deny' && s.Condition)
      .map((s) => Object.keys(s.Condition!.Null)[0]);
    expect(denied).toEqual(
      expect.arrayContaining([
        's3:x-amz-copy-source',
        's3:x-amz-server-side-encryption-customer-algorithm',
        's3:object-lock-mode',
        's3:object-lock-legal-hold',
        's3:RequestObjectTagKeys',
      ]),
    );
  });

  it('rejects wildcard or invalid bucket names and stays within MinIO’s 2048-byte session policy limit', () => {
    for (const bad of ['*', 'b?', 'a/b', '${aws:username}', 'UPPER'])
      expect(() => buildSessionPolicy(bad, 'read')).toThrow();
    const longest = 'a'.repeat(63);
    for (const op of SESSION_OPERATIONS)
      expect(JSON.stringify(buildSessionPolicy(longest, op)).length).toBeLessThanOrEqual(2048);
  });
});
