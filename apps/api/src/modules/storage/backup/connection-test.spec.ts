import { describe, expect, it } from 'vitest';
import { explainFailure, type ExplainContext } from './connection-test.service';

const active: ExplainContext = { keyStatus: 'active', keyExpired: false, writesBlocked: false };

describe('explainFailure', () => {
  it('names the wrong key and the wrong secret', () => {
    expect(explainFailure('list_buckets', { name: 'InvalidAccessKeyId', httpStatus: 403 }, active)).toBe(
      'connection_test_key_unknown',
    );
    expect(explainFailure('list_buckets', { name: 'SignatureDoesNotMatch', httpStatus: 403 }, active)).toBe(
      'connection_test_wrong_secret',
    );
  });

  it("prefers the database's view of the key over the server's generic refusal", () => {
    const refusal = { name: 'InvalidAccessKeyId', httpStatus: 403 };
    expect(explainFailure('list_buckets', refusal, { ...active, keyStatus: 'revoked' })).toBe(
      'connection_test_key_revoked',
    );
    expect(explainFailure('list_buckets', refusal, { ...active, keyStatus: 'inactive' })).toBe(
      'connection_test_key_disabled',
    );
    expect(explainFailure('list_buckets', refusal, { ...active, keyStatus: 'expired' })).toBe(
      'connection_test_key_expired',
    );
    expect(explainFailure('list_buckets', refusal, { ...active, keyExpired: true })).toBe(
      'connection_test_key_expired',
    );
  });

  it('tells bucket, write and quota refusals apart', () => {
    const denied = { name: 'AccessDenied', httpStatus: 403 };
    expect(explainFailure('list_buckets', denied, active)).toBe('connection_test_no_buckets');
    expect(explainFailure('bucket_access', denied, active)).toBe('connection_test_bucket_denied');
    expect(explainFailure('read', denied, active)).toBe('connection_test_bucket_denied');
    expect(explainFailure('write', denied, active)).toBe('connection_test_write_denied');
    expect(explainFailure('write', denied, { ...active, writesBlocked: true })).toBe(
      'connection_test_writes_blocked',
    );
    expect(explainFailure('write', { name: 'XMinioAdminBucketQuotaExceeded', httpStatus: 400 }, active)).toBe(
      'connection_test_quota_exceeded',
    );
    expect(explainFailure('bucket_access', { name: 'NoSuchBucket', httpStatus: 404 }, active)).toBe(
      'connection_test_bucket_missing',
    );
  });

  it('calls timeouts and network errors unreachable, and anything else unexpected', () => {
    expect(explainFailure('list_buckets', { name: 'TimeoutError' }, active)).toBe(
      'connection_test_unreachable',
    );
    expect(explainFailure('list_buckets', { name: 'Error', errno: 'ECONNREFUSED' }, active)).toBe(
      'connection_test_unreachable',
    );
    expect(explainFailure('list_buckets', { name: 'AbortError' }, active)).toBe(
      'connection_test_unreachable',
    );
    expect(explainFailure('read', { name: 'InternalError', httpStatus: 500 }, active)).toBe(
      'connection_test_unexpected',
    );
  });
});
