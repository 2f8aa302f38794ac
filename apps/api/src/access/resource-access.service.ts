import { Injectable } from '@nestjs/common';
import type { Executor } from '@csp/db';
import { AppException } from '../common/app-exception';
import { UUID } from '../common/id.pipe';
import { AccessRepository } from './access.repository';
import type { AccountAuth } from './auth.types';
import { can } from './effective-permissions';
import { Permission, roleAllows, type BucketAccessLevel } from './permissions';

type BucketRow = Awaited<ReturnType<AccessRepository['liveBuckets']>>[number];

/**
 * What the caller wants to do with a bucket: `see` it (list it, name it in a key's scope or a
 * member's share), or read or write its objects.
 */
export type BucketNeed = 'see' | 'object.read' | 'object.write';

export interface BucketReach {
  bucket: BucketRow;
  /** What the caller may do with its objects: read, or read and write. */
  access: BucketAccessLevel;
  /** `account`: the role sees every bucket of the account; `share`: shared with this user. */
  via: 'account' | 'share';
}

/**
 * The one answer to "may this caller touch these buckets, and how" (immich's access checks):
 * every service that takes bucket or key ids from a caller asks here, with the whole set at once.
 *
 * Which buckets a caller reaches is a property of the member, not of the credential: roles that
 * hold bucket.read (owner, admin, developer, and staff under a grant, who act as admin or
 * developer) reach every live bucket of the account; the others (external clients) the buckets
 * shared with them. What the caller may do there is the effective permission (`can`: the role
 * narrowed by an API token's list or a grant's limits), or for a share, the share's level. So an
 * API token never reaches more buckets than its creator, and one without object.read lists the
 * buckets but does not browse them.
 */
@Injectable()
export class ResourceAccessService {
  constructor(private readonly repo: AccessRepository) {}

  /** Of `ids` (every bucket when omitted), those the caller reaches for `need`, by id. */
  async buckets(
    auth: AccountAuth,
    need: BucketNeed,
    ids?: readonly string[],
    db?: Executor,
  ): Promise<Map<string, BucketReach>> {
    const wanted = ids?.map((id) => id.toLowerCase()).filter((id) => UUID.test(id));
    const out = new Map<string, BucketReach>();
    if (roleAllows(auth.role, Permission.BucketRead)) {
      if (need !== 'see' && !can(auth, Permission.ObjectRead)) return out;
      const access: BucketAccessLevel = can(auth, Permission.ObjectWrite) ? 'full' : 'read';
      if (need === 'object.write' && access !== 'full') return out;
      for (const bucket of await this.repo.liveBuckets(auth.accountId, wanted, db))
        out.set(bucket.id, { bucket, access, via: 'account' });
      return out;
    }
    if (!auth.userId) return out;
    for (const share of await this.repo.sharedBuckets(auth.accountId, auth.userId, wanted, db)) {
      if (need === 'object.write' && share.access !== 'full') continue;
      out.set(share.bucket.id, { bucket: share.bucket, access: share.access, via: 'share' });
    }
    return out;
  }

  /**
   * One bucket for `need`, or the refusal: 404 when the caller cannot see it (like a bucket of
   * another account), 403 when it can but not for this (`object_write_not_allowed` for writes).
   */
  async requireBucket(auth: AccountAuth, bucketId: string, need: BucketNeed): Promise<BucketReach> {
    const seen = (await this.buckets(auth, 'see', [bucketId])).get(bucketId.toLowerCase());
    if (!seen) throw AppException.notFound();
    if (need === 'see') return seen;
    // Roles that see every bucket still need object.read on the credential to browse one.
    if (seen.via === 'account' && !can(auth, Permission.ObjectRead)) throw AppException.forbidden();
    if (need === 'object.write' && seen.access !== 'full')
      throw AppException.forbidden('object_write_not_allowed');
    return seen;
  }

  /** Of these public key ids, the account's keys the caller may use (a connection test), by key id. */
  async accessKeys(auth: AccountAuth, accessKeyIds: readonly string[]) {
    const rows = await this.repo.accessKeys(auth.accountId, accessKeyIds);
    return new Map(rows.map((r) => [r.accessKeyId, r]));
  }
}
