import { Injectable } from '@nestjs/common';
import { and, count, desc, eq, gt, isNull, or } from 'drizzle-orm';
import { accounts, apiTokens, users, type Database } from '@csp/db';
import { InjectDb } from '../../database/database.module';

@Injectable()
export class ApiTokensRepository {
  constructor(@InjectDb() private readonly db: Database) {}

  async insert(values: typeof apiTokens.$inferInsert) {
    const [row] = await this.db.insert(apiTokens).values(values).returning({ id: apiTokens.id });
    return row;
  }

  /** Tokens of the account; `userId` narrows to one member's own tokens. */
  async list(accountId: string, userId?: string) {
    return this.db
      .select({
        token: apiTokens,
        owner: { id: users.id, fullName: users.fullName, email: users.email },
      })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(eq(apiTokens.accountId, accountId), userId ? eq(apiTokens.userId, userId) : undefined))
      .orderBy(desc(apiTokens.createdAt));
  }

  /** Live tokens of the account (not revoked, not expired). */
  async countLive(accountId: string, now: Date) {
    const [row] = await this.db
      .select({ n: count() })
      .from(apiTokens)
      .where(
        and(
          eq(apiTokens.accountId, accountId),
          isNull(apiTokens.revokedAt),
          or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        ),
      );
    return row?.n ?? 0;
  }

  async find(accountId: string, id: string) {
    const [row] = await this.db
      .select({
        token: apiTokens,
        owner: { id: users.id, fullName: users.fullName, email: users.email },
      })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(eq(apiTokens.accountId, accountId), eq(apiTokens.id, id)));
    return row ?? null;
  }

  async revoke(accountId: string, id: string, now: Date): Promise<boolean> {
    const rows = await this.db
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.accountId, accountId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    return rows.length === 1;
  }

  /** Revokes every live token of a user (their credentials changed); returns how many. */
  async revokeAllOfUser(userId: string, now: Date): Promise<number> {
    const rows = await this.db
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    return rows.length;
  }

  /** The token with its user and account, by hash (the guard checks validity). */
  async findByHash(tokenHash: string) {
    const [row] = await this.db
      .select({ token: apiTokens, user: users, account: accounts })
      .from(apiTokens)
      .innerJoin(users, and(eq(users.id, apiTokens.userId), eq(users.accountId, apiTokens.accountId)))
      .innerJoin(accounts, eq(accounts.id, apiTokens.accountId))
      .where(eq(apiTokens.tokenHash, tokenHash));
    return row ?? null;
  }

  async touch(id: string, now: Date, ip: string) {
    await this.db.update(apiTokens).set({ lastUsedAt: now, lastUsedIp: ip }).where(eq(apiTokens.id, id));
  }
}
