/** Staff access grants, API tokens and the append-only audit log. */
import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { createdAt, ts } from './columns';
import { grantKind, grantScope } from './enums';
import { users, staffMembers } from './identity';

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
