import { Injectable } from '@nestjs/common';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { emailChangeRequests, users, type Database } from '@csp/db';
import { InjectDb } from '../../../database/db.token';

@Injectable()
export class EmailChangeRepository {
  constructor(@InjectDb() private readonly db: Database) {}

  async findUser(userId: string) {
    const [user] = await this.db.select().from(users).where(eq(users.id, userId));
    return user ?? null;
  }

  async emailTaken(email: string): Promise<boolean> {
    const [taken] = await this.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    return Boolean(taken);
  }

  /** A new request whose code hash is derived from its own id (so it is set right after the insert). */
  async createRequest(userId: string, newEmail: string, expiresAt: Date, codeHashOf: (id: string) => string) {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(emailChangeRequests)
        .values({ userId, newEmail, codeHash: 'pending', expiresAt })
        .returning();
      const codeHash = codeHashOf(row.id);
      await tx.update(emailChangeRequests).set({ codeHash }).where(eq(emailChangeRequests.id, row.id));
      return { ...row, codeHash };
    });
  }

  /** Counts one try of the user's open request; null when it is not theirs, used or out of tries. */
  async consumeTry(userId: string, requestId: string, maxTries: number) {
    const [row] = await this.db
      .update(emailChangeRequests)
      .set({ attempts: sql`${emailChangeRequests.attempts} + 1` })
      .where(
        and(
          eq(emailChangeRequests.id, requestId),
          eq(emailChangeRequests.userId, userId),
          isNull(emailChangeRequests.usedAt),
          sql`${emailChangeRequests.attempts} < ${maxTries}`,
        ),
      )
      .returning();
    return row ?? null;
  }

  /** Marks the request used if it still is open and unexpired; false when another call won. */
  async markUsed(requestId: string): Promise<boolean> {
    const used = await this.db
      .update(emailChangeRequests)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(emailChangeRequests.id, requestId),
          isNull(emailChangeRequests.usedAt),
          gt(emailChangeRequests.expiresAt, new Date()),
        ),
      )
      .returning({ id: emailChangeRequests.id });
    return used.length === 1;
  }

  /** Throws when the address is taken meanwhile (the unique index). */
  async setEmail(userId: string, email: string): Promise<void> {
    await this.db.update(users).set({ email, emailVerifiedAt: new Date() }).where(eq(users.id, userId));
  }
}
