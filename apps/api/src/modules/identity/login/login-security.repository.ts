import { Injectable } from '@nestjs/common';
import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import {
  authChallenges,
  loginAttempts,
  passwordResetTokens,
  recoveryCodes,
  staffMembers,
  users,
  type Database,
} from '@csp/db';
import { InjectDb } from '../../../database/database.module';

export type Subject = { userId: string } | { staffId: string };

/** Login throttles, attempts (the login history), challenges, recovery codes and reset tokens. */
@Injectable()
export class LoginSecurityRepository {
  constructor(@InjectDb() private readonly db: Database) {}

  /** Failures counted under `key` in the current window (0 when the window is over). */
  async throttleFailures(key: string, windowSeconds: number) {
    const result = await this.db.execute<{ failures: number; window_start: Date }>(sql`
      select failures, window_start from login_throttles
      where key = ${key} and window_start > now() - make_interval(secs => ${windowSeconds})`);
    const row = result.rows[0];
    return row ? { failures: Number(row.failures), windowStart: new Date(row.window_start) } : null;
  }

  /**
   * Reserves one try under `key` atomically: the row lock of the upsert serializes concurrent
   * logins, so at most `limit` tries get a row back per window. Null: no try left (locked).
   */
  async reserveTry(key: string, limit: number, windowSeconds: number) {
    const result = await this.db.execute<{ failures: number; window_start: Date }>(sql`
      insert into login_throttles (key, window_start, failures) values (${key}, now(), 1)
      on conflict (key) do update set
        failures = case when login_throttles.window_start <= now() - make_interval(secs => ${windowSeconds})
                        then 1 else login_throttles.failures + 1 end,
        window_start = case when login_throttles.window_start <= now() - make_interval(secs => ${windowSeconds})
                        then now() else login_throttles.window_start end,
        locked_until = case when login_throttles.window_start > now() - make_interval(secs => ${windowSeconds})
                             and login_throttles.failures + 1 >= ${limit}
                        then login_throttles.window_start + make_interval(secs => ${windowSeconds}) else null end
      where login_throttles.failures < ${limit}
         or login_throttles.window_start <= now() - make_interval(secs => ${windowSeconds})
      returning failures, window_start`);
    const row = result.rows[0];
    return row ? { failures: Number(row.failures), windowStart: new Date(row.window_start) } : null;
  }

  /** Counts a failure without any limit (per-IP captcha trigger). */
  async countFailure(key: string, windowSeconds: number) {
    await this.db.execute(sql`
      insert into login_throttles (key, window_start, failures) values (${key}, now(), 1)
      on conflict (key) do update set
        failures = case when login_throttles.window_start <= now() - make_interval(secs => ${windowSeconds})
                        then 1 else login_throttles.failures + 1 end,
        window_start = case when login_throttles.window_start <= now() - make_interval(secs => ${windowSeconds})
                        then now() else login_throttles.window_start end`);
  }

  async clearThrottle(key: string) {
    await this.db.execute(sql`delete from login_throttles where key = ${key}`);
  }

  async recordAttempt(values: typeof loginAttempts.$inferInsert) {
    await this.db.insert(loginAttempts).values(values);
  }

  async loginHistory(subject: Subject, limit: number) {
    return this.db
      .select()
      .from(loginAttempts)
      .where(
        'userId' in subject
          ? eq(loginAttempts.userId, subject.userId)
          : eq(loginAttempts.staffId, subject.staffId),
      )
      .orderBy(desc(loginAttempts.createdAt))
      .limit(limit);
  }

  /** Whether this user already signed in successfully from this user agent and from this IP. */
  async knownDevice(userId: string, userAgent: string | null, ip: string) {
    const result = await this.db.execute<{ any_success: boolean; same_ua: boolean; same_ip: boolean }>(sql`
      select count(*) > 0 as any_success,
             coalesce(bool_or(user_agent is not distinct from ${userAgent}), false) as same_ua,
             coalesce(bool_or(ip = ${ip}), false) as same_ip
      from login_attempts where user_id = ${userId} and success`);
    const row = result.rows[0];
    return { anySuccess: row.any_success, sameUserAgent: row.same_ua, sameIp: row.same_ip };
  }

  // --- challenges (captcha, second-factor step) ---

  async createChallenge(values: typeof authChallenges.$inferInsert) {
    const [row] = await this.db.insert(authChallenges).values(values).returning();
    return row;
  }

  /** Marks a live challenge used and returns it; null when unknown, expired or already used. */
  async consumeChallenge(where: { id: string } | { tokenHash: string }, kind: string) {
    const [row] = await this.db
      .update(authChallenges)
      .set({ usedAt: new Date() })
      .where(
        and(
          'id' in where ? eq(authChallenges.id, where.id) : eq(authChallenges.tokenHash, where.tokenHash),
          eq(authChallenges.kind, kind),
          isNull(authChallenges.usedAt),
          gt(authChallenges.expiresAt, new Date()),
        ),
      )
      .returning();
    return row ?? null;
  }

  /** Counts one try on a live challenge; null when none is left (or it is dead). */
  async tryChallenge(tokenHash: string, kind: string, maxAttempts: number) {
    const [row] = await this.db
      .update(authChallenges)
      .set({ attempts: sql`${authChallenges.attempts} + 1` })
      .where(
        and(
          eq(authChallenges.tokenHash, tokenHash),
          eq(authChallenges.kind, kind),
          isNull(authChallenges.usedAt),
          gt(authChallenges.expiresAt, new Date()),
          sql`${authChallenges.attempts} < ${maxAttempts}`,
        ),
      )
      .returning();
    return row ?? null;
  }

  // --- TOTP ---

  async setUserTotpSecret(userId: string, sealed: string | null) {
    await this.db
      .update(users)
      .set({ totpSecret: sealed, totpEnabledAt: null, totpLastStep: null })
      .where(eq(users.id, userId));
  }

  async enableUserTotp(userId: string, step: number) {
    await this.db
      .update(users)
      .set({ totpEnabledAt: new Date(), totpLastStep: step })
      .where(eq(users.id, userId));
  }

  async setStaffTotpSecret(staffId: string, sealed: string | null) {
    await this.db
      .update(staffMembers)
      .set({ totpSecret: sealed, totpEnabledAt: null, totpLastStep: null })
      .where(eq(staffMembers.id, staffId));
  }

  async enableStaffTotp(staffId: string, step: number) {
    await this.db
      .update(staffMembers)
      .set({ totpEnabledAt: new Date(), totpLastStep: step })
      .where(eq(staffMembers.id, staffId));
  }

  /** Records `step` as used if it is newer than the last used one: a code is accepted once. */
  async claimTotpStep(subject: Subject, step: number): Promise<boolean> {
    const table = 'userId' in subject ? users : staffMembers;
    const id = 'userId' in subject ? subject.userId : subject.staffId;
    const rows = await this.db
      .update(table)
      .set({ totpLastStep: step })
      .where(and(eq(table.id, id), sql`(${table.totpLastStep} is null or ${table.totpLastStep} < ${step})`))
      .returning({ id: table.id });
    return rows.length === 1;
  }

  // --- recovery codes ---

  async replaceRecoveryCodes(subject: Subject, codeHashes: string[]) {
    await this.db.transaction(async (tx) => {
      await tx.delete(recoveryCodes).where(subjectIs(recoveryCodes, subject));
      if (codeHashes.length)
        await tx.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ ...subject, codeHash })));
    });
  }

  /** Spends one unused code whose stored digest is any of `codeHashes`. */
  async useRecoveryCode(subject: Subject, codeHashes: string[]): Promise<boolean> {
    const rows = await this.db
      .update(recoveryCodes)
      .set({ usedAt: new Date() })
      .where(
        and(
          subjectIs(recoveryCodes, subject),
          inArray(recoveryCodes.codeHash, codeHashes),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ id: recoveryCodes.id });
    return rows.length === 1;
  }

  async remainingRecoveryCodes(subject: Subject) {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(recoveryCodes)
      .where(and(subjectIs(recoveryCodes, subject), isNull(recoveryCodes.usedAt)));
    return row.n;
  }

  // --- password reset tokens ---

  async createResetToken(values: typeof passwordResetTokens.$inferInsert) {
    await this.db.insert(passwordResetTokens).values(values);
  }

  /** Single use: the token is marked used in the same statement that finds it. */
  async consumeResetToken(tokenHash: string) {
    const [row] = await this.db
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, tokenHash),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, new Date()),
        ),
      )
      .returning();
    return row ?? null;
  }
}

function subjectIs(table: typeof recoveryCodes, subject: Subject) {
  return 'userId' in subject ? eq(table.userId, subject.userId) : eq(table.staffId, subject.staffId);
}
