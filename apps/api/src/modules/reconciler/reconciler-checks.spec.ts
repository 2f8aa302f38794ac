import { describe, expect, it } from 'vitest';
import { buildTenantPolicy } from '@csp/minio-admin';
import { publicReadPolicy } from '../storage/buckets/bucket-s3';
import { expectedAccountPolicy } from '../storage/provisioning/provisioning.service';
import {
  canonicalPolicy,
  describeBytes,
  describePolicy,
  expectedKeyStatus,
  expectedUserStatus,
  finding,
  grantsPublicRead,
  samePolicy,
} from './reconciler-checks';

describe('policy comparison', () => {
  it('ignores order, single-value strings and Sids, as MinIO may answer them', () => {
    const ours = buildTenantPolicy(['beta', 'alpha'], 'full');
    const theirs = {
      Version: '2012-10-17',
      Statement: [...ours.Statement].reverse().map((s) => ({
        Effect: s.Effect,
        Action: [...(s.Action as string[])].reverse(),
        Resource: [...(s.Resource as string[])].reverse(),
      })),
    };
    expect(samePolicy(ours, theirs)).toBe(true);
    const single = buildTenantPolicy([], 'full');
    expect(
      samePolicy(single, {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::-no-bucket-' }],
      }),
    ).toBe(true);
  });

  it('tells full from read-only, and one bucket more or less', () => {
    expect(samePolicy(buildTenantPolicy(['a1b'], 'full'), buildTenantPolicy(['a1b'], 'read'))).toBe(false);
    expect(samePolicy(buildTenantPolicy(['a1b'], 'full'), buildTenantPolicy(['a1b', 'c2d'], 'full'))).toBe(
      false,
    );
    expect(canonicalPolicy(buildTenantPolicy(['x1y'], 'read'))).not.toContain('s3:PutObject');
  });

  it('describes tenant policies briefly and anything else as its document', () => {
    expect(describePolicy(buildTenantPolicy(['b-two', 'b-one'], 'full'))).toBe('full: b-one, b-two');
    expect(describePolicy(buildTenantPolicy(['b-one'], 'read'))).toBe('read: b-one');
    expect(describePolicy(expectedAccountPolicy({ bucketNames: ['b-one'], writesBlocked: true }))).toBe(
      'writes blocked (read, delete): b-one',
    );
    expect(describePolicy(buildTenantPolicy([], 'full'))).toBe('no buckets');
    const odd = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow' as const, Action: 's3:*', Resource: '*' }],
    };
    expect(describePolicy(odd)).toBe(JSON.stringify(odd));
  });
});

describe('expected states', () => {
  it('enables the user of active and read-only accounts, disables suspended and canceled ones', () => {
    expect(expectedUserStatus('active')).toBe('enabled');
    expect(expectedUserStatus('read_only')).toBe('enabled');
    expect(expectedUserStatus('suspended')).toBe('disabled');
    expect(expectedUserStatus('canceled')).toBe('disabled');
  });

  it('maps key statuses to service-account statuses; revoked keys must not exist', () => {
    expect(expectedKeyStatus('active')).toBe('on');
    expect(expectedKeyStatus('inactive')).toBe('off');
    expect(expectedKeyStatus('expired')).toBe('off');
    expect(expectedKeyStatus('revoked')).toBeNull();
  });

  it('marks data-losing or unknown drift as report-only', () => {
    expect(finding('bucket_missing', 'a', 'b', 'present', 'absent').repairable).toBe(false);
    expect(finding('bucket_orphan', undefined, 'b', 'absent', 'present')).not.toHaveProperty('accountId');
    expect(finding('access_key_unknown', 'a', 'k', 'absent', 'present').repairable).toBe(false);
    expect(finding('bucket_quota', 'a', 'b', '1', '2')).toMatchObject({ repairable: true, repaired: false });
  });

  it('describes byte counts exactly', () => {
    expect(describeBytes(10 * 1024 ** 3)).toBe('10737418240 bytes (10 GiB)');
    expect(describeBytes(null)).toBe('none');
  });
});

describe('public read', () => {
  it('recognises our own public-read policy and the usual equivalents', () => {
    expect(grantsPublicRead(publicReadPolicy('pub-b'), 'pub-b')).toBe(true);
    const star = {
      Statement: {
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::pub-b/*',
      },
    };
    expect(grantsPublicRead(JSON.stringify(star), 'pub-b')).toBe(true);
  });

  it('is false for no policy, other buckets, other principals, denials and broken JSON', () => {
    expect(grantsPublicRead(undefined, 'pub-b')).toBe(false);
    expect(grantsPublicRead(publicReadPolicy('other'), 'pub-b')).toBe(false);
    const someone = JSON.parse(publicReadPolicy('pub-b'));
    someone.Statement[0].Principal = { AWS: ['arn:aws:iam::123:user/x'] };
    expect(grantsPublicRead(JSON.stringify(someone), 'pub-b')).toBe(false);
    const deny = { Statement: [{ ...JSON.parse(publicReadPolicy('pub-b')).Statement[0], Effect: 'Deny' }] };
    expect(grantsPublicRead(JSON.stringify(deny), 'pub-b')).toBe(false);
    expect(grantsPublicRead('{not json', 'pub-b')).toBe(false);
  });
});
