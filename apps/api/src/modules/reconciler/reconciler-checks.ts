import { buildTenantPolicy, type IamPolicyDocument, type IamPolicyStatement } from '@csp/minio-admin';
import { expectedAccountPolicy, expectedStorageUserStatus } from '../storage';

/**
 * Pure pieces of the reconciler: the finding model, policy comparison and description, and the
 * public-read bucket policy. No I/O here, so all of it is unit-tested.
 */

/** What kind of drift a finding is. Repairable kinds are fixed by a run with `repair: true`. */
export const FINDING_KINDS = [
  'user_missing',
  'user_status',
  'user_secret_invalid',
  'policy_missing',
  'policy_mismatch',
  'policy_detached',
  'access_key_missing',
  'access_key_status',
  'access_key_revoked_present',
  'access_key_unknown',
  'bucket_missing',
  'bucket_quota',
  'bucket_versioning',
  'bucket_public_read',
  'bucket_orphan',
  'bucket_deleted_present',
  'event_dead_letter',
  'check_failed',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/**
 * Kinds that are only ever reported: a missing bucket cannot be recreated with its data, a missing
 * key cannot be recreated without its secret (never stored), and what MinIO has but the database
 * does not know (orphans, unknown keys) may be someone's data: a person decides.
 */
export const REPORT_ONLY_KINDS: ReadonlySet<FindingKind> = new Set([
  'access_key_missing',
  'access_key_unknown',
  'bucket_missing',
  'bucket_orphan',
  'bucket_deleted_present',
  // A domain event whose consumer failed every retry: a person looks at why (the worker's log).
  'event_dead_letter',
  'check_failed',
]);

export interface Finding {
  kind: FindingKind;
  /** The account the resource belongs to; absent for buckets no account owns. */
  accountId?: string;
  /** What drifted: a MinIO user, policy, bucket or access key name. */
  resource: string;
  expected: string;
  actual: string;
  repairable: boolean;
  repaired: boolean;
  /** Why a repair attempt failed (secret-free). */
  repairError?: string;
}

export function finding(
  kind: FindingKind,
  accountId: string | undefined,
  resource: string,
  expected: string,
  actual: string,
): Finding {
  return {
    kind,
    ...(accountId ? { accountId } : {}),
    resource,
    expected,
    actual,
    repairable: !REPORT_ONLY_KINDS.has(kind),
    repaired: false,
  };
}

/** The MinIO user's status the account status calls for: suspension disables every key at once. */
export const expectedUserStatus = expectedStorageUserStatus;

/** The service-account status an access key row calls for; null: it must not exist on MinIO. */
export function expectedKeyStatus(
  status: 'active' | 'inactive' | 'expired' | 'revoked',
): 'on' | 'off' | null {
  if (status === 'revoked') return null;
  return status === 'active' ? 'on' : 'off';
}

const asList = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

/**
 * A policy in a canonical form: MinIO may answer with actions and resources in another order, a
 * single value as a string, or no Sid. Statements are compared as sets.
 */
export function canonicalPolicy(policy: IamPolicyDocument): string {
  const statements = (policy.Statement ?? []).map((s: IamPolicyStatement) =>
    JSON.stringify({
      Effect: s.Effect,
      Action: [...new Set(asList(s.Action))].sort(),
      NotAction: [...new Set(asList(s.NotAction))].sort(),
      Resource: [...new Set(asList(s.Resource))].sort(),
      NotResource: [...new Set(asList(s.NotResource))].sort(),
      Condition: s.Condition ?? null,
    }),
  );
  return JSON.stringify([...new Set(statements)].sort());
}

export function samePolicy(a: IamPolicyDocument, b: IamPolicyDocument): boolean {
  return canonicalPolicy(a) === canonicalPolicy(b);
}

/**
 * A short, human description of an account policy: `full: a, b`, `writes blocked (read, delete): a`,
 * `read: a`, `no buckets`, or the compact document (cut at 600 characters) when it is not a tenant
 * policy at all.
 */
export function describePolicy(policy: IamPolicyDocument): string {
  const buckets = new Set<string>();
  for (const s of policy.Statement ?? []) {
    for (const r of asList(s.Resource)) {
      const m = /^arn:aws:s3:::([^/*]+)(\/\*)?$/.exec(r);
      if (m) buckets.add(m[1]);
    }
  }
  const names = [...buckets].sort();
  const candidates: Array<[string, IamPolicyDocument]> = [];
  try {
    candidates.push(['no buckets', buildTenantPolicy([], 'full')]);
    candidates.push([
      `full: ${names.join(', ')}`,
      expectedAccountPolicy({ bucketNames: names, writesBlocked: false }),
    ]);
    candidates.push([
      `writes blocked (read, delete): ${names.join(', ')}`,
      expectedAccountPolicy({ bucketNames: names, writesBlocked: true }),
    ]);
    candidates.push([`read: ${names.join(', ')}`, buildTenantPolicy(names, 'read')]);
  } catch {
    // Not a bucket name we would ever write: fall through to the raw document.
  }
  for (const [label, doc] of candidates) if (samePolicy(policy, doc)) return label;
  const raw = JSON.stringify(policy);
  return raw.length > 600 ? `${raw.slice(0, 597)}...` : raw;
}

/** Whether a bucket policy document (JSON text) lets anyone read the bucket's objects. */
export function grantsPublicRead(policyJson: string | undefined, bucket: string): boolean {
  if (!policyJson) return false;
  let doc: { Statement?: unknown };
  try {
    doc = JSON.parse(policyJson) as { Statement?: unknown };
  } catch {
    return false;
  }
  const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
  return statements.some((raw) => {
    const s = raw as {
      Effect?: string;
      Principal?: unknown;
      Action?: string | string[];
      Resource?: string | string[];
    };
    if (s.Effect !== 'Allow') return false;
    const p = s.Principal as string | { AWS?: string | string[] } | undefined;
    const anyone = p === '*' || (typeof p === 'object' && p !== null && asList(p.AWS).includes('*'));
    const reads = asList(s.Action).some((a) => a === 's3:GetObject' || a === 's3:*' || a === 's3:Get*');
    const objects = asList(s.Resource).some(
      (r) => r === `arn:aws:s3:::${bucket}/*` || r === `arn:aws:s3:::${bucket}*`,
    );
    return anyone && reads && objects;
  });
}

/** Bytes as the staff page reads them: exact, with a GiB hint. */
export function describeBytes(bytes: number | null): string {
  if (bytes === null) return 'none';
  const gib = bytes / 1024 ** 3;
  return `${bytes} bytes (${Number.isInteger(gib) ? gib : gib.toFixed(2)} GiB)`;
}
