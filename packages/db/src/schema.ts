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
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const ts = (name: string) => timestamp(name, { withTimezone: true });

/** TOTP second factor, shared by customer users and staff members. */
const secondFactorColumns = () => ({
  /** Sealed (AES-256-GCM) base32 TOTP secret; set at enrolment, confirmed by totpEnabledAt. */
  totpSecret: text('totp_secret'),
  totpEnabledAt: ts('totp_enabled_at'),
  /** The last accepted 30-second time step: a code is accepted once. */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
});

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
export const objectLockMode = pgEnum('object_lock_mode', ['governance', 'compliance']);
export const quotaRequestStatus = pgEnum('quota_request_status', [
  'pending',
  'approved',
  'rejected',
  'canceled',
]);
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
    /** The owner requires a second factor from every member. */
    requireTwoFactor: boolean('require_two_factor').notNull().default(false),
    /**
     * Set while measured usage is at or over the quota: the tenant policy is then read-only on
     * MinIO (every key loses write access, reads keep working). Cleared when usage drops or the
     * quota rises.
     */
    writesBlockedAt: ts('writes_blocked_at'),
    /** The last account-wide usage measurement (MinIO scanner data) and when it was taken. */
    usageBytes: bigint('usage_bytes', { mode: 'bigint' }),
    usageMeasuredAt: ts('usage_measured_at'),
    decidedAt: ts('decided_at'),
    decidedByStaffId: uuid('decided_by_staff_id'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('accounts_status_idx').on(t.status, t.createdAt),
    // A rejected or canceled company may sign up again; an approved one only once. Sign-ups waiting
    // for review may repeat a document (saying "taken" at sign-up would tell anyone who holds a
    // mailbox whether a CPF/CNPJ is a customer): staff see the duplicate and approval refuses it.
    uniqueIndex('accounts_document_live_uq')
      .on(t.document)
      .where(sql`${t.status} not in ('rejected', 'canceled', 'pending_approval')`),
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
    timezone: text('timezone').notNull().default('America/Sao_Paulo'),
    /** light | dark | system */
    theme: text('theme').notNull().default('system'),
    /** Which notifications also arrive by e-mail, by notification type. */
    notificationPrefs: jsonb('notification_prefs').$type<Record<string, boolean>>().notNull().default({}),
    ...secondFactorColumns(),
    passwordChangedAt: ts('password_changed_at'),
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
  language: text('language').notNull().default('pt-BR'),
  ...secondFactorColumns(),
  passwordChangedAt: ts('password_changed_at'),
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
    /** A staff member working inside a customer account under a grant. */
    grantId: uuid('grant_id'),
    /**
     * For a grant session: the staff session that opened it. The grant session lives only as long
     * as that one (staff logout, expiry or force-logout ends it too).
     */
    parentSessionId: uuid('parent_session_id').references((): AnyPgColumn => sessions.id, {
      onDelete: 'cascade',
    }),
    /** Approximate place from the IP when known (no third-party lookup). */
    place: text('place'),
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

/** MinIO service accounts of the account's storage user. The secret is never stored in plain text. */
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

/** Each comparison of the database with MinIO: what differed and what was repaired. */
export const reconcilerRuns = pgTable(
  'reconciler_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 'schedule' or 'manual'. */
    trigger: text('trigger').notNull(),
    startedByStaffId: uuid('started_by_staff_id'),
    /** True: repairable drift was repaired; false: the run only reported. */
    repair: boolean('repair').notNull().default(false),
    startedAt: ts('started_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
    /** 'running', 'succeeded', 'failed'. */
    status: text('status').notNull().default('running'),
    checkedAccounts: integer('checked_accounts').notNull().default(0),
    /** `[{ kind, accountId?, resource, expected, actual, repaired }]` */
    findings: jsonb('findings')
      .notNull()
      .default(sql`'[]'::jsonb`),
    error: text('error'),
  },
  (t) => [index('reconciler_runs_started_idx').on(t.startedAt)],
);

/** Append-only record of state changes. */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id'),
    actorType: text('actor_type').notNull(),
    actorId: uuid('actor_id'),
    /** Set when a staff member acted inside the account under a grant. */
    grantId: uuid('grant_id'),
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

export const subjectType = pgEnum('subject_type', ['user', 'staff']);

/**
 * Every login attempt (the login history, and the source of lockout and captcha decisions).
 * Failures for an e-mail are also counted atomically in `login_throttles`.
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectType: subjectType('subject_type').notNull(),
    /** Lowercased e-mail as typed (the account may not exist). */
    email: text('email').notNull(),
    userId: uuid('user_id'),
    staffId: uuid('staff_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    success: boolean('success').notNull(),
    /** e.g. bad_password, locked, captcha, second_factor, new_device */
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [
    index('login_attempts_email_idx').on(t.subjectType, t.email, t.createdAt),
    index('login_attempts_ip_idx').on(t.ip, t.createdAt),
    index('login_attempts_user_idx').on(t.userId, t.createdAt),
    index('login_attempts_staff_idx').on(t.staffId, t.createdAt),
  ],
);

/** Failed-login counters per subject e-mail, updated in one statement (lockout). */
export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  windowStart: ts('window_start').notNull(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: ts('locked_until'),
});

/** Short-lived server-side challenges: pending second factor, WebAuthn, proof-of-work captcha. */
export const authChallenges = pgTable(
  'auth_challenges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** login_second_factor | webauthn_register | webauthn_authenticate | captcha */
    kind: text('kind').notNull(),
    tokenHash: text('token_hash').unique(),
    userId: uuid('user_id'),
    staffId: uuid('staff_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('auth_challenges_expiry_idx').on(t.expiresAt)],
);

/** Single-use second-factor recovery codes, hashed. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id),
    staffId: uuid('staff_id').references(() => staffMembers.id),
    codeHash: text('code_hash').notNull(),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId), index('recovery_codes_staff_idx').on(t.staffId)],
);

/** Passkeys (WebAuthn credentials) registered as a second factor. */
export const webauthnCredentials = pgTable(
  'webauthn_credentials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id),
    staffId: uuid('staff_id').references(() => staffMembers.id),
    /** base64url credential id */
    credentialId: text('credential_id').notNull().unique(),
    /** base64url COSE public key */
    publicKey: text('public_key').notNull(),
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    transports: jsonb('transports').$type<string[]>().notNull().default([]),
    name: text('name').notNull(),
    lastUsedAt: ts('last_used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('webauthn_user_idx').on(t.userId), index('webauthn_staff_idx').on(t.staffId)],
);

/** Password reset: random token, stored hashed, single use, 15 minutes. */
export const passwordResetTokens = pgTable('password_reset_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  subjectType: subjectType('subject_type').notNull(),
  userId: uuid('user_id').references(() => users.id),
  staffId: uuid('staff_id').references(() => staffMembers.id),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
  ip: text('ip'),
  createdAt: createdAt(),
});

/** E-mail change: the new address must prove itself with a code before it replaces the old one. */
export const emailChangeRequests = pgTable('email_change_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  newEmail: text('new_email').notNull(),
  codeHash: text('code_hash').notNull(),
  attempts: integer('attempts').notNull().default(0),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
  createdAt: createdAt(),
});

export const bucketAccessLevel = pgEnum('bucket_access_level', ['read', 'full']);

/** Team invitations (PRD 4.3): 7 days, single use, token stored hashed. */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    email: text('email').notNull(),
    role: userRole('role').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedByUserId: uuid('invited_by_user_id').references(() => users.id),
    /** For external clients: which buckets, read or full, as chosen at invitation. */
    bucketAccess: jsonb('bucket_access')
      .$type<Array<{ bucketId: string; access: 'read' | 'full' }>>()
      .notNull()
      .default([]),
    expiresAt: ts('expires_at').notNull(),
    sendCount: integer('send_count').notNull().default(1),
    lastSentAt: ts('last_sent_at').notNull().defaultNow(),
    acceptedAt: ts('accepted_at'),
    acceptedUserId: uuid('accepted_user_id'),
    canceledAt: ts('canceled_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('invitations_account_idx').on(t.accountId, t.createdAt),
    uniqueIndex('invitations_open_email_uq')
      .on(t.accountId, t.email)
      .where(sql`${t.acceptedAt} is null and ${t.canceledAt} is null`),
  ],
);

/** The buckets an external-client user may see, read or full. */
export const userBucketAccess = pgTable(
  'user_bucket_access',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    bucketId: uuid('bucket_id')
      .notNull()
      .references(() => buckets.id),
    access: bucketAccessLevel('access').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('user_bucket_access_uq').on(t.userId, t.bucketId),
    index('uba_account_idx').on(t.accountId),
  ],
);

export const grantKind = pgEnum('grant_kind', ['support', 'partner']);
export const grantScope = pgEnum('grant_scope', ['read', 'full']);

/** Lets a staff member act inside one account for a window ("serviço assistido", partners). */
export const grants = pgTable(
  'grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staffMembers.id),
    kind: grantKind('kind').notNull(),
    scope: grantScope('scope').notNull(),
    reason: text('reason').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdByStaffId: uuid('created_by_staff_id').references(() => staffMembers.id),
    revokedAt: ts('revoked_at'),
    revokedByUserId: uuid('revoked_by_user_id'),
    revokedByStaffId: uuid('revoked_by_staff_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('grants_account_idx').on(t.accountId, t.endsAt),
    index('grants_staff_idx').on(t.staffId, t.endsAt),
  ],
);

/** API tokens for automation: scoped to a role's permissions or less, shown once, stored hashed. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    /** First characters of the token, shown in lists to recognise it. */
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    permissions: jsonb('permissions').$type<string[]>().notNull(),
    expiresAt: ts('expires_at'),
    lastUsedAt: ts('last_used_at'),
    lastUsedIp: text('last_used_ip'),
    revokedAt: ts('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [index('api_tokens_account_idx').on(t.accountId)],
);

/** Platform-wide settings by key (staff login rules, branding, pricing defaults...). */
export const platformSettings = pgTable('platform_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<Record<string, unknown>>().notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedByStaffId: uuid('updated_by_staff_id'),
});
