import { Injectable } from '@nestjs/common';
import type { EventConsumer, EventEnvelope } from '../../../events/domain-events';
import { AccessKeysService } from './access-keys.service';
import { BucketsRepository } from '../buckets/buckets.repository';
import '../storage.events';

/**
 * Scoped keys' inline policies name buckets by name. Once a bucket is gone they must stop naming
 * it, before someone else's bucket takes the name. That is hygiene, not the guard: a service
 * account never has more than its parent user, and the account policy (rewritten inline by the
 * delete and again by the create that reuses the name) no longer names the bucket. Both consumers
 * recompute the keys whose scope names the bucket from their stored scope and the account's live
 * buckets, so running one twice, or late, or after another, leaves the same policies.
 */
@Injectable()
export class KeyPoliciesOnBucketDeleted implements EventConsumer<'bucket.deleted'> {
  constructor(private readonly accessKeys: AccessKeysService) {}

  async handle({ payload }: EventEnvelope<'bucket.deleted'>): Promise<void> {
    await this.accessKeys.refreshScopedPolicies(payload.accountId, [payload.bucketId]);
  }
}

/** A reused name: every account that once held it gets its scoped keys rewritten too. */
@Injectable()
export class KeyPoliciesOnBucketCreated implements EventConsumer<'bucket.created'> {
  constructor(
    private readonly accessKeys: AccessKeysService,
    private readonly buckets: BucketsRepository,
  ) {}

  async handle({ payload }: EventEnvelope<'bucket.created'>): Promise<void> {
    const former = new Map<string, string[]>();
    for (const b of await this.buckets.deletedBucketsNamed(payload.name, payload.bucketId)) {
      former.set(b.accountId, [...(former.get(b.accountId) ?? []), b.id]);
    }
    for (const [accountId, bucketIds] of former) {
      await this.accessKeys.refreshScopedPolicies(accountId, bucketIds);
    }
  }
}
