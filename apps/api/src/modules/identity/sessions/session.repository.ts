import { Injectable } from '@nestjs/common';
import { and, desc, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import { sessions, staffMembers, users, accounts, webauthnCredentials, type Database } from '@csp/db';
import { InjectDb } from '../../../database/database.module';

@Injectable()
export class SessionRepository {
  constructor(@InjectDb() private readonly db: Database) {}

  async create(values: typeof sessions.$inferInsert) {
    const [row] = await this.db.insert(sessions).values(values).returning({ id: sessions.id });
    return row;
  }

  /** A live user session with its user and account, or null. */
  async findLiveUserSession(tokenHash: string, now: Date) {
    const [row] = await this.db
      .select({
        session: sessions,
        user: users,
        account: accounts,
        // A registered passkey is a second factor too (an account requiring 2FA accepts either).
        hasPasskey: sql<boolean>`exists (select 1 from ${webauthnCredentials} w where w.user_id = ${users.id})`,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(accounts, eq(accounts.id, users.accountId))
      .where(
        and(
          eq(sessions.tokenHash, tokenHash),
          isNull(sessions.revokedAt),
          gt(sessions.idleExpiresAt, now),
          gt(sessions.absoluteExpiresAt, now),
        ),
      );
    return row ?? null;
  }

  /** A live staff session; a grant session (staff inside a customer account) is never one. */
  async findLiveStaffSession(tokenHash: string, now: Date) {
    const [row] = await this.db
      .select({ session: sessions, staff: staffMembers })
      .from(sessions)
      .innerJoin(staffMembers, eq(staffMembers.id, sessions.staffId))
      .where(
        and(
          eq(sessions.tokenHash, tokenHash),
          isNull(sessions.grantId),
          isNull(sessions.revokedAt),
          gt(sessions.idleExpiresAt, now),
          gt(sessions.absoluteExpiresAt, now),
        ),
      );
    return row ?? null;
  }

  async findById(id: string) {
    const [row] = await this.db.select().from(sessions).where(eq(sessions.id, id));
    return row ?? null;
  }

  async touch(id: string, now: Date, idleExpiresAt: Date) {
    await this.db.update(sessions).set({ lastSeenAt: now, idleExpiresAt }).where(eq(sessions.id, id));
  }

  /** Ends a session and the grant sessions opened from it (a staff logout leaves no grant session). */
  async revoke(id: string, now: Date) {
    await this.db
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(or(eq(sessions.id, id), eq(sessions.parentSessionId, id)), isNull(sessions.revokedAt)));
  }

  /** Ends every live session of a user at once; returns how many were ended. */
  async revokeAllOfUser(userId: string, now: Date) {
    const rows = await this.db
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    return rows.length;
  }

  /** Live sessions of a user, most recently seen first. */
  async listLiveUserSessions(userId: string, now: Date) {
    return this.db
      .select()
      .from(sessions)
      .where(
        and(
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          gt(sessions.idleExpiresAt, now),
          gt(sessions.absoluteExpiresAt, now),
        ),
      )
      .orderBy(desc(sessions.lastSeenAt));
  }

  /** Revokes one session of this user (an id of someone else matches nothing). */
  async revokeUserSession(userId: string, id: string, now: Date) {
    const rows = await this.db
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.id, id), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    return rows.length === 1;
  }

  /** Revokes every live session of a user or staff member, except `keepId` when given. */
  async revokeAllOf(subject: { userId: string } | { staffId: string }, now: Date, keepId?: string) {
    const rows = await this.db
      .update(sessions)
      .set({ revokedAt: now })
      .where(
        and(
          'userId' in subject ? eq(sessions.userId, subject.userId) : eq(sessions.staffId, subject.staffId),
          isNull(sessions.revokedAt),
          keepId ? ne(sessions.id, keepId) : undefined,
        ),
      )
      .returning({ id: sessions.id });
    return rows.length;
  }
}
