import type { MessageCode } from '../../../common/messages';

/** Names the platform keeps for itself (MinIO internals, our own system buckets). */
const RESERVED_PREFIXES = ['minio', 'csp-system', 'xn--'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '--x-s3'];

/** PRD F3.2 rules plus the S3 ones a user would otherwise hit as an opaque storage error. */
export function bucketNameProblem(name: string): MessageCode | null {
  if (name.length < 3 || name.length > 63) return 'bucket_name_length';
  if (!/^[a-z0-9-]+$/.test(name)) return 'bucket_name_chars';
  if (name.startsWith('-') || name.endsWith('-')) return 'bucket_name_hyphen_edge';
  if (name.includes('--')) return 'bucket_name_double_hyphen';
  if (RESERVED_PREFIXES.some((p) => name.startsWith(p)) || RESERVED_SUFFIXES.some((s) => name.endsWith(s))) {
    return 'bucket_name_reserved';
  }
  return null;
}
