/** What an account holds in MinIO: its storage user, buckets, access keys, temporary credentials, uploads and quota requests. */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { createdAt, ts } from './columns';
import { objectLockMode, quotaRequestStatus, accessKeyStatus } from './enums';
import { users } from './identity';

/** The MinIO user of an account (one per account). */
export const storageUsers = pgTable('storage_users', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id),
  minioUser: text('minio_user').notNull().unique(),
  policyName: text('policy_name').notNull().unique(),
  status: text('status').notNull().default('enabled'),
  provisionedAt: ts('provisioned_at'),
  /** Provisioning lease: one approval at a time per account, across API instances. */
  leaseUntil: ts('lease_until'),
  /**
   * The user's secret, sealed: the platform signs STS AssumeRole with it to mint the account's
   * temporary credentials. Null for users provisioned before it was kept (the re-key job fixes them).
   */
  secretSealed: text('secret_sealed'),
  /** When MinIO confirmed `secretSealed` (null: written here, not yet known to hold on MinIO). */
  secretSetAt: ts('secret_set_at'),
  createdAt: createdAt(),
});

/**
 * Every temporary (STS) credential the platform minted for an account, and why: metering bills
 * "transfer" credentials (object browser uploads and downloads, the key "Portal") and never
 * "housekeeping" ones (the platform's own listings and checks). The secret is never stored.
 */
export const storageCredentials = pgTable(
  'storage_credentials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    bucketId: uuid('bucket_id').references(() => buckets.id),
    accessKeyId: text('access_key_id').notNull().unique(),
    /** read | write | delete | list (see buildSessionPolicy). */
    operation: text('operation').notNull(),
    /** transfer | housekeeping */
    purpose: text('purpose').notNull(),
    expiresAt: ts('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('storage_credentials_account_idx').on(t.accountId, t.createdAt)],
);

export const buckets = pgTable(
  'buckets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    name: text('name').notNull(),
    versioning: boolean('versioning').notNull().default(false),
    /** Anonymous s3:GetObject through a bucket policy. */
    publicRead: boolean('public_read').notNull().default(false),
    /** Object lock can only be chosen at creation (it also forces versioning on). */
    objectLock: boolean('object_lock').notNull().default(false),
    /** Default retention applied to new objects when object lock is on (null: none). */
    lockMode: objectLockMode('lock_mode'),
    lockRetentionDays: integer('lock_retention_days'),
    /** The lifecycle rules as last written to MinIO (see BucketLifecycleRule in the API). */
    lifecycleRules: jsonb('lifecycle_rules')
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    uniqueIndex('buckets_name_live_uq')
      .on(t.name)
      .where(sql`${t.deletedAt} is null`),
    index('buckets_account_idx').on(t.accountId),
  ],
);

/**
 * Multipart uploads started through the object browser: the announced size and part size, so each
 * part URL signs the exact length of its part (a part URL cannot carry more than was announced).
 */
export const objectUploads = pgTable(
  'object_uploads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    bucketId: uuid('bucket_id')
      .notNull()
      .references(() => buckets.id),
    key: text('key').notNull(),
    uploadId: text('upload_id').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    partSize: bigint('part_size', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('object_uploads_upload_idx').on(t.bucketId, t.uploadId)],
);

/** MinIO service accounts of the account's storage user. The secret is never stored in plain text. */
export const accessKeys = pgTable(
  'access_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    accessKeyId: text('access_key_id').notNull().unique(),
    name: text('name').notNull(),
    description: text('description'),
    status: accessKeyStatus('status').notNull().default('active'),
    /** MinIO enforces it too (service-account expiration); null: never expires. */
    expiresAt: ts('expires_at'),
    /**
     * Null: every bucket of the account (follows the account policy). Otherwise the buckets this
     * key may reach, `[{ bucketId, access: 'read' | 'full' }]`, written as the key's inline policy.
     */
    scope: jsonb('scope'),
    /** On the key made by a rotation: the key it replaces. */
    rotatedFromKeyId: uuid('rotated_from_key_id'),
    /** On a key being rotated out: when it is deactivated automatically. */
    graceEndsAt: ts('grace_ends_at'),
    deactivatedAt: ts('deactivated_at'),
    /** From MinIO's audit stream when known. */
    lastUsedAt: ts('last_used_at'),
    /**
     * Only for the first key made at approval: the secret, encrypted (AES-256-GCM), kept until the
     * owner reveals it once in the portal, then erased.
     */
    pendingSecret: text('pending_secret'),
    /** True once the key exists on MinIO (a provisioning retry finishes keys that are not). */
    provisioned: boolean('provisioned').notNull().default(false),
    isInitial: boolean('is_initial').notNull().default(false),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    index('access_keys_account_idx').on(t.accountId),
    uniqueIndex('access_keys_one_initial_uq')
      .on(t.accountId)
      .where(sql`${t.isInitial}`),
  ],
);

/** PRD QuotaChangeRequest: an Owner asks for more (or less) quota; staff decide. */
export const quotaChangeRequests = pgTable(
  'quota_change_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    requestedByUserId: uuid('requested_by_user_id').references(() => users.id),
    currentBytes: bigint('current_bytes', { mode: 'bigint' }).notNull(),
    requestedBytes: bigint('requested_bytes', { mode: 'bigint' }).notNull(),
    reason: text('reason').notNull(),
    status: quotaRequestStatus('status').notNull().default('pending'),
    decidedByStaffId: uuid('decided_by_staff_id'),
    decisionReason: text('decision_reason'),
    decidedAt: ts('decided_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('quota_change_requests_account_idx').on(t.accountId, t.createdAt),
    // One open request per account at a time.
    uniqueIndex('quota_change_requests_one_pending_uq')
      .on(t.accountId)
      .where(sql`${t.status} = 'pending'`),
  ],
);
