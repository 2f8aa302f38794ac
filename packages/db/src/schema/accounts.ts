/** Accounts (the tenant), their plans and the sign-ups that become them. */
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, ts } from './columns';
import { accountStatus, documentType } from './enums';

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
