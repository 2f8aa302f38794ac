import type { IamPolicyDocument, IamPolicyStatement } from './types';

export type TenantAccess = 'read' | 'full';

export const POLICY_VERSION = '2012-10-17';

/** Bucket-level actions for every access level. s3:ListAllMyBuckets is left out on purpose: without
 * it MinIO's ListBuckets shows only the buckets the user may list. */
export const TENANT_BUCKET_ACTIONS: readonly string[] = [
  's3:GetBucketLocation',
  's3:ListBucket',
  's3:ListBucketMultipartUploads',
  's3:ListBucketVersions',
];

export const TENANT_OBJECT_READ_ACTIONS: readonly string[] = [
  's3:GetObject',
  's3:GetObjectVersion',
  's3:GetObjectAttributes',
  's3:GetObjectTagging',
  's3:GetObjectVersionTagging',
  's3:GetObjectRetention',
  's3:GetObjectLegalHold',
  's3:ListMultipartUploadParts',
];

/** Added for 'full'. s3:BypassGovernanceRetention stays out: governance locks must hold for tenants. */
export const TENANT_OBJECT_WRITE_ACTIONS: readonly string[] = [
  's3:PutObject',
  's3:DeleteObject',
  's3:DeleteObjectVersion',
  's3:AbortMultipartUpload',
  's3:PutObjectTagging',
  's3:PutObjectVersionTagging',
  's3:DeleteObjectTagging',
  's3:DeleteObjectVersionTagging',
  's3:PutObjectRetention',
  's3:PutObjectLegalHold',
];

/**
 * Placeholder for a tenant without buckets. MinIO rejects a policy without statements, actions or
 * resources, and rewrites `arn:aws:s3:::` oddly, so the policy allows listing a bucket whose name is
 * invalid (leading '-'), which can therefore never exist. Unlike a Deny statement, it does not
 * interfere with other policies attached to the same user.
 */
export const NO_BUCKET_PLACEHOLDER = '-no-bucket-';

// S3 naming rules (the strict ones MinIO applies when creating buckets). Anything else is refused,
// above all '*' and '?', which would widen the policy to other tenants' buckets.
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IPV4_LIKE = /^\d{1,3}(\.\d{1,3}){3}$/;

export function isValidBucketName(name: string): boolean {
  return (
    BUCKET_NAME.test(name) &&
    !name.includes('..') &&
    !name.includes('.-') &&
    !name.includes('-.') &&
    !IPV4_LIKE.test(name)
  );
}

/** IAM policy giving a tenant `access` to exactly `buckets` (and nothing when the list is empty). */
export function buildTenantPolicy(buckets: string[], access: TenantAccess): IamPolicyDocument {
  if (access !== 'read' && access !== 'full')
    throw new TypeError(`Unknown tenant access level: ${String(access)}`);
  for (const b of buckets) {
    if (typeof b !== 'string' || !isValidBucketName(b))
      throw new TypeError(`Invalid bucket name: ${String(b)}`);
  }
  // Sorted and deduplicated so the same input always yields byte-identical policies.
  const names = [...new Set(buckets)].sort();
  if (names.length === 0) {
    return {
      Version: POLICY_VERSION,
      Statement: [
        {
          Sid: 'NoBuckets',
          Effect: 'Allow',
          Action: ['s3:ListBucket'],
          Resource: [`arn:aws:s3:::${NO_BUCKET_PLACEHOLDER}`],
        },
      ],
    };
  }
  const objectActions =
    access === 'full'
      ? [...TENANT_OBJECT_READ_ACTIONS, ...TENANT_OBJECT_WRITE_ACTIONS]
      : [...TENANT_OBJECT_READ_ACTIONS];
  const statements: IamPolicyStatement[] = [
    {
      Sid: 'TenantBuckets',
      Effect: 'Allow',
      Action: [...TENANT_BUCKET_ACTIONS],
      Resource: names.map((b) => `arn:aws:s3:::${b}`),
    },
    {
      Sid: 'TenantObjects',
      Effect: 'Allow',
      Action: objectActions,
      Resource: names.map((b) => `arn:aws:s3:::${b}/*`),
    },
  ];
  return { Version: POLICY_VERSION, Statement: statements };
}

export interface BucketGrant {
  bucket: string;
  access: TenantAccess;
}

/**
 * Policy giving each listed bucket its own access level (a scoped access key's inline policy).
 * MinIO intersects it with the parent user's policy, so it can only narrow what the account has.
 */
export function buildScopedPolicy(grants: BucketGrant[]): IamPolicyDocument {
  const full = grants.filter((g) => g.access === 'full').map((g) => g.bucket);
  const fullSet = new Set(full);
  // A bucket listed twice keeps its widest access.
  const read = grants.filter((g) => g.access === 'read' && !fullSet.has(g.bucket)).map((g) => g.bucket);
  for (const g of grants) {
    if (g.access !== 'read' && g.access !== 'full')
      throw new TypeError(`Unknown tenant access level: ${String(g.access)}`);
  }
  if (full.length === 0) return buildTenantPolicy(read, 'read');
  if (read.length === 0) return buildTenantPolicy(full, 'full');
  const readPolicy = buildTenantPolicy(read, 'read');
  const fullPolicy = buildTenantPolicy(full, 'full');
  return {
    Version: POLICY_VERSION,
    Statement: [
      ...fullPolicy.Statement.map((s) => ({ ...s, Sid: `Full${s.Sid}` })),
      ...readPolicy.Statement.map((s) => ({ ...s, Sid: `Read${s.Sid}` })),
    ],
  };
}

/**
 * What a temporary credential minted for the platform may do on one bucket:
 * - `read`: download objects and versions (GET and HEAD).
 * - `write`: upload (PutObject, which also covers the multipart create, part and complete calls).
 * - `delete`: delete objects and versions, abort multipart uploads.
 * - `list`: the platform's own housekeeping reads (listings, heads, parts); never put in a URL.
 */
export type SessionOperation = 'read' | 'write' | 'delete' | 'list';

export const SESSION_OPERATIONS: readonly SessionOperation[] = ['read', 'write', 'delete', 'list'];

const SESSION_OBJECT_ACTIONS: Record<SessionOperation, readonly string[]> = {
  read: ['s3:GetObject', 's3:GetObjectVersion'],
  write: ['s3:PutObject'],
  delete: ['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:AbortMultipartUpload'],
  list: ['s3:GetObject', 's3:GetObjectVersion', 's3:ListMultipartUploadParts'],
};

/** Headers that, added to an upload, would do more than store the caller's bytes as they are. */
const WRITE_DENIED_WHEN_PRESENT: readonly string[] = [
  // A server-side copy: reading another object is never part of an upload.
  's3:x-amz-copy-source',
  // SSE-C: an object only the uploader's key can read, not the account's owner.
  's3:x-amz-server-side-encryption-customer-algorithm',
  // Retention, legal hold and tags are set by the owner's own tools, not by a portal upload.
  's3:object-lock-mode',
  's3:object-lock-retain-until-date',
  's3:object-lock-legal-hold',
  's3:RequestObjectTagKeys',
];

/** Never granted to a temporary credential, whatever the operation. */
export const SESSION_NEVER_ALLOWED: readonly string[] = [
  's3:BypassGovernanceRetention',
  's3:PutObjectRetention',
  's3:PutObjectLegalHold',
  's3:PutObjectTagging',
  's3:PutObjectVersionTagging',
];

/**
 * Session policy for an AssumeRole credential limited to one operation class on one bucket. MinIO
 * intersects it with the storage user's own policy (so a write block or a bucket the account lost
 * still wins). Object keys never appear in it: a key containing `*`, `?` or `${` cannot widen it.
 */
export function buildSessionPolicy(bucket: string, operation: SessionOperation): IamPolicyDocument {
  if (!isValidBucketName(bucket)) throw new TypeError(`Invalid bucket name: ${String(bucket)}`);
  const actions = SESSION_OBJECT_ACTIONS[operation];
  if (!actions) throw new TypeError(`Unknown session operation: ${String(operation)}`);
  const statements: IamPolicyStatement[] = [];
  if (operation === 'list') {
    statements.push({
      Sid: 'List',
      Effect: 'Allow',
      Action: ['s3:ListBucket', 's3:ListBucketVersions', 's3:ListBucketMultipartUploads'],
      Resource: [`arn:aws:s3:::${bucket}`],
    });
  }
  statements.push({
    Sid: 'Objects',
    Effect: 'Allow',
    Action: [...actions],
    Resource: [`arn:aws:s3:::${bucket}/*`],
  });
  if (operation === 'write') {
    WRITE_DENIED_WHEN_PRESENT.forEach((key, i) =>
      statements.push({
        Sid: `DenyHeader${i}`,
        Effect: 'Deny',
        Action: ['s3:PutObject'],
        Resource: [`arn:aws:s3:::${bucket}/*`],
        Condition: { Null: { [key]: 'false' } },
      }),
    );
  }
  statements.push({
    Sid: 'Never',
    Effect: 'Deny',
    Action: [...SESSION_NEVER_ALLOWED],
    Resource: ['arn:aws:s3:::*'],
  });
  return { Version: POLICY_VERSION, Statement: statements };
}
