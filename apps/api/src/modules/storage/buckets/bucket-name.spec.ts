import { describe, expect, it } from 'vitest';
import { bucketNameProblem } from './bucket-name';

describe('bucketNameProblem', () => {
  it.each(['abc', 'backup-producao', 'cliente-nomeempresa-backup01', 'a'.repeat(63), '123'])(
    'accepts %s',
    (n) => {
      expect(bucketNameProblem(n)).toBeNull();
    },
  );
  it.each([
    ['ab', 'bucket_name_length'],
    ['a'.repeat(64), 'bucket_name_length'],
    ['Backup', 'bucket_name_chars'],
    ['my_bucket', 'bucket_name_chars'],
    ['my.bucket', 'bucket_name_chars'],
    ['back up', 'bucket_name_chars'],
    ['-backup', 'bucket_name_hyphen_edge'],
    ['backup-', 'bucket_name_hyphen_edge'],
    ['back--up', 'bucket_name_double_hyphen'],
    ['minio-data', 'bucket_name_reserved'],
    ['csp-system-usage', 'bucket_name_reserved'],
  ])('rejects %s with %s', (n, code) => {
    expect(bucketNameProblem(n)).toBe(code);
  });
});
