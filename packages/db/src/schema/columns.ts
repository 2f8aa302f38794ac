/** Column helpers shared by the schema files. */
import { bigint, text, timestamp } from 'drizzle-orm/pg-core';

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const ts = (name: string) => timestamp(name, { withTimezone: true });

/** TOTP second factor, shared by customer users and staff members. */
export const secondFactorColumns = () => ({
  /** Sealed (AES-256-GCM) base32 TOTP secret; set at enrolment, confirmed by totpEnabledAt. */
  totpSecret: text('totp_secret'),
  totpEnabledAt: ts('totp_enabled_at'),
  /** The last accepted 30-second time step: a code is accepted once. */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
});
