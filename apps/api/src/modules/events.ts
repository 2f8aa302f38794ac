import type { EventRoute } from '../events/domain-events';
import { KeyPoliciesOnBucketCreated, KeyPoliciesOnBucketDeleted } from './storage';

/**
 * Every consumer of a domain event, with its queue and delivery settings (events/domain-events.ts).
 * The API publishes to these queues; the worker works them.
 */
export const EVENT_ROUTE_LIST: readonly EventRoute[] = [
  {
    event: 'bucket.created',
    queue: 'storage.key-policies.bucket-created',
    consumer: KeyPoliciesOnBucketCreated,
  },
  {
    event: 'bucket.deleted',
    queue: 'storage.key-policies.bucket-deleted',
    consumer: KeyPoliciesOnBucketDeleted,
  },
];
