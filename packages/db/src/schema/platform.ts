/** Platform-wide settings, rate-limit counters and reconciler runs. */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns';

/** Platform-wide settings by key (staff login rules, branding, pricing defaults...). */
export const platformSettings = pgTable('platform_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<Record<string, unknown>>().notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedByStaffId: uuid('updated_by_staff_id'),
});

/** Fixed-window counters for rate limits (e-mail sending, sign-ups per IP). */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: ts('window_start').notNull(),
  count: integer('count').notNull(),
});

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
