import { Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import { accounts, staffMembers, users, type Database } from '@csp/db';
import { InjectDb } from '../../../database/database.module';

/** Writes to a user's own credentials and preferences. */
@Injectable()
export class AccountSecurityRepository {
  constructor(@InjectDb() private readonly db: Database) {}

  async findUser(userId: string) {
    const [row] = await this.db.select().from(users).where(eq(users.id, userId));
    return row ?? null;
  }

  async setUserPassword(userId: string, passwordHash: string) {
    await this.db
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date() })
      .where(eq(users.id, userId));
  }

  async setStaffPassword(staffId: string, passwordHash: string) {
    await this.db
      .update(staffMembers)
      .set({ passwordHash, passwordChangedAt: new Date() })
      .where(eq(staffMembers.id, staffId));
  }

  async updateProfile(
    userId: string,
    values: Partial<
      Pick<
        typeof users.$inferInsert,
        'fullName' | 'phone' | 'language' | 'timezone' | 'theme' | 'notificationPrefs'
      >
    >,
  ) {
    const [row] = await this.db.update(users).set(values).where(eq(users.id, userId)).returning();
    return row;
  }

  async setRequireTwoFactor(accountId: string, requireTwoFactor: boolean) {
    await this.db.update(accounts).set({ requireTwoFactor }).where(eq(accounts.id, accountId));
  }

  async findAccount(accountId: string) {
    const [row] = await this.db.select().from(accounts).where(eq(accounts.id, accountId));
    return row ?? null;
  }
}
