import { Injectable } from '@nestjs/common';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { sessions, staffMembers, users, accounts, type Database } from '@csp/db';
import { InjectDb } from '../../database/database.module';

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
      .select({ session: sessions, user: users, account: accounts })
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

  async findLiveStaffSession(tokenHash: string, now: Date) {
    const [row] = await this.db
      .select({ session: sessions, staff: staffMembers })
      .from(sessions)
      .innerJoin(staffMembers, eq(staffMembers.id, sessions.staffId))
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

  async touch(id: string, now: Date, idleExpiresAt: Date) {
    await this.db.update(sessions).set({ lastSeenAt: now, idleExpiresAt }).where(eq(sessions.id, id));
  }

  async revoke(id: string, now: Date) {
    await this.db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, id));
  }
}
