import {
  DeleteBucketLifecycleCommand,
  DeleteBucketPolicyCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketPolicyCommand,
  PutObjectLockConfigurationCommand,
  type LifecycleRule as S3LifecycleRule,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { LifecycleRule } from './buckets.dto';

/**
 * Bucket settings as S3 calls (root credentials). Every function writes the whole setting, so
 * calling it again with the same input is a no-op: the building block of idempotent operations.
 */

/** The platform names rules by position; the customer edits the list as a whole. */
export function normalizeLifecycleRules(input: Array<Omit<LifecycleRule, 'id'>>): LifecycleRule[] {
  return input.map((r, i) => ({
    id: `rule-${i + 1}`,
    prefix: r.prefix,
    expireDays: r.expireDays,
    noncurrentExpireDays: r.noncurrentExpireDays,
    abortIncompleteUploadsDays: r.abortIncompleteUploadsDays,
  }));
}

/**
 * The rules MinIO stores. MinIO parses no AbortIncompleteMultipartUpload element (it drops it):
 * incomplete uploads are aborted server-wide by its stale-upload sweep (`api.stale_uploads_expiry`,
 * 24 h by default, earlier than any rule of 1 day or more). So only the expiration actions go
 * to MinIO, and a rule with nothing else is kept in the database only.
 */
export function toS3LifecycleRules(rules: LifecycleRule[]): S3LifecycleRule[] {
  return rules
    .filter((r) => r.expireDays !== null || r.noncurrentExpireDays !== null)
    .map((r) => ({
      ID: r.id,
      Status: 'Enabled',
      Filter: { Prefix: r.prefix },
      ...(r.expireDays !== null ? { Expiration: { Days: r.expireDays } } : {}),
      ...(r.noncurrentExpireDays !== null
        ? { NoncurrentVersionExpiration: { NoncurrentDays: r.noncurrentExpireDays } }
        : {}),
    }));
}

export async function writeLifecycle(s3: S3Client, bucket: string, rules: LifecycleRule[]) {
  const s3Rules = toS3LifecycleRules(rules);
  if (s3Rules.length === 0) {
    await s3.send(new DeleteBucketLifecycleCommand({ Bucket: bucket }));
    return;
  }
  await s3.send(
    new PutBucketLifecycleConfigurationCommand({
      Bucket: bucket,
      LifecycleConfiguration: { Rules: s3Rules },
    }),
  );
}

/** Anonymous GET of every object (no listing, no writes). */
export function publicReadPolicy(bucket: string) {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'PublicRead',
        Effect: 'Allow',
        Principal: { AWS: ['*'] },
        Action: ['s3:GetObject'],
        Resource: [`arn:aws:s3:::${bucket}/*`],
      },
    ],
  });
}

export async function writePublicRead(s3: S3Client, bucket: string, enabled: boolean) {
  if (enabled) {
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: publicReadPolicy(bucket) }));
  } else {
    // Deleting a policy that is not there succeeds (S3 and MinIO answer 204).
    await s3.send(new DeleteBucketPolicyCommand({ Bucket: bucket }));
  }
}

export async function writeDefaultRetention(
  s3: S3Client,
  bucket: string,
  retention: { mode: 'governance' | 'compliance'; days: number } | null,
) {
  await s3.send(
    new PutObjectLockConfigurationCommand({
      Bucket: bucket,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        ...(retention
          ? {
              Rule: {
                DefaultRetention: {
                  Mode: retention.mode === 'compliance' ? 'COMPLIANCE' : 'GOVERNANCE',
                  Days: retention.days,
                },
              },
            }
          : {}),
      },
    }),
  );
}
