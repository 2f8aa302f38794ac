/** People and how they prove who they are: customer users, staff members, sessions, second factors, login records. */
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
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { createdAt, ts, secondFactorColumns } from './columns';
import { userRole, userStatus, staffRole, subjectType } from './enums';

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
