import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const ts = (name: string) => timestamp(name, { withTimezone: true });

export const accountStatus = pgEnum('account_status', [
  'pending_approval',
  'active',
  'read_only',
  'suspended',
  'rejected',
  'canceled',
]);
export const documentType = pgEnum('document_type', ['cpf', 'cnpj']);
export const userRole = pgEnum('user_role', ['owner', 'admin', 'developer', 'external_client']);
export const userStatus = pgEnum('user_status', ['active', 'disabled']);
export const staffRole = pgEnum('staff_role', ['super_admin', 'support', 'partner']);
export const accessKeyStatus = pgEnum('access_key_status', ['active', 'inactive', 'expired', 'revoked']);

/** Plans: fixed monthly price, inclusions and the hard quota an account gets. */
export const plans = pgTable('plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  monthlyPriceCents: bigint('monthly_price_cents', { mode: 'bigint' })
    .notNull()
    .default(sql`0`),
  quotaBytes: bigint('quota_bytes', { mode: 'bigint' }).notNull(),
  includedStorageBytes: bigint('included_storage_bytes', { mode: 'bigint' })
    .notNull()
    .default(sql`0`),
  includedTransferBytes: bigint('included_transfer_bytes', { mode: 'bigint' })
    .notNull()
    .default(sql`0`),
  isDefault: boolean('is_default').notNull().default(false),
  createdAt: createdAt(),
});

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    documentType: documentType('document_type').notNull(),
    /** Normalised: digits (and uppercase letters for alphanumeric CNPJ) only. */
    document: text('document').notNull(),
    email: text('email').notNull(),
    phone: text('phone').notNull(),
    status: accountStatus('status').notNull().default('pending_approval'),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    quotaBytes: bigint('quota_bytes', { mode: 'bigint' }).notNull(),
    rejectionReason: text('rejection_reason'),
    decidedAt: ts('decided_at'),
    decidedByStaffId: uuid('decided_by_staff_id'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('accounts_status_idx').on(t.status, t.createdAt),
    // A rejected or canceled company may sign up again; a live one only once.
    uniqueIndex('accounts_document_live_uq')
      .on(t.document)
      .where(sql`${t.status} not in ('rejected', 'canceled')`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    fullName: text('full_name').notNull(),
    /** Lowercased. */
    email: text('email').notNull(),
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    role: userRole('role').notNull(),
    status: userStatus('status').notNull().default('active'),
    /** UI and e-mail language: pt-BR or en. */
    language: text('language').notNull().default('pt-BR'),
    emailVerifiedAt: ts('email_verified_at'),
    lastLoginAt: ts('last_login_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_email_uq').on(t.email),
    index('users_account_idx').on(t.accountId),
    uniqueIndex('users_one_owner_uq')
      .on(t.accountId)
      .where(sql`${t.role} = 'owner'`),
  ],
);

/** A sign-up waiting for its e-mail code; becomes an account + owner when verified. */
export const signupRequests = pgTable(
  'signup_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fullName: text('full_name').notNull(),
    companyName: text('company_name'),
    email: text('email').notNull(),
    documentType: documentType('document_type').notNull(),
    document: text('document').notNull(),
    phone: text('phone').notNull(),
    passwordHash: text('password_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    codeExpiresAt: ts('code_expires_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    sendCount: integer('send_count').notNull().default(1),
    lastSentAt: ts('last_sent_at').notNull().defaultNow(),
    termsAcceptedAt: ts('terms_accepted_at').notNull(),
    language: text('language').notNull().default('pt-BR'),
    verifiedAt: ts('verified_at'),
    accountId: uuid('account_id').references(() => accounts.id),
    ip: text('ip'),
    createdAt: createdAt(),
  },
  (t) => [index('signup_requests_email_idx').on(t.email)],
);

export const staffMembers = pgTable('staff_members', {
  id: uuid('id').primaryKey().defaultRandom(),
  fullName: text('full_name').notNull(),
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: staffRole('role').notNull(),
  status: userStatus('status').notNull().default('active'),
  lastLoginAt: ts('last_login_at'),
  createdAt: createdAt(),
});

/** Opaque session tokens; only their SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id').references(() => users.id),
    staffId: uuid('staff_id').references(() => staffMembers.id),
    ip: text('ip'),
    userAgent: text('user_agent'),
    remember: boolean('remember').notNull().default(false),
    createdAt: createdAt(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    idleExpiresAt: ts('idle_expires_at').notNull(),
    absoluteExpiresAt: ts('absolute_expires_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_staff_idx').on(t.staffId)],
);

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
  createdAt: createdAt(),
});

export const buckets = pgTable(
  'buckets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    name: text('name').notNull(),
    versioning: boolean('versioning').notNull().default(false),
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
    status: accessKeyStatus('status').notNull().default('active'),
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

/** Append-only record of state changes. */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id'),
    actorType: text('actor_type').notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    resourceType: text('resource_type'),
    resourceId: text('resource_id'),
    details: jsonb('details'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_entries_account_idx').on(t.accountId, t.createdAt)],
);

/** Fixed-window counters for rate limits (e-mail sending, sign-ups per IP). */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: ts('window_start').notNull(),
  count: integer('count').notNull(),
});
