/** Team invitations and the buckets an external-client user may see. */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { createdAt, ts } from './columns';
import { userRole, bucketAccessLevel } from './enums';
import { users } from './identity';
import { buckets } from './storage';

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
