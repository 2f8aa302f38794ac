/** The storage domain's events (see events/domain-events.ts). */
export interface BucketEvent {
  accountId: string;
  bucketId: string;
  name: string;
}

declare module '../../events/domain-events' {
  interface DomainEvents {
    /** A bucket exists on MinIO and in the database (every setting written). */
    'bucket.created': BucketEvent;
    /** A bucket is gone from MinIO and marked deleted; its name is free for anyone. */
    'bucket.deleted': BucketEvent;
  }
}
