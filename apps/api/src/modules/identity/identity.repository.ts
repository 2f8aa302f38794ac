import { Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import { accounts, staffMembers, users, type Database } from '@csp/db';
import { InjectDb } from '../../database/database.module';

@Injectable()
export class IdentityRepository {
  constructor(@InjectDb() private readonly db: Database) {}

  async findUserByEmail(email: string) {
    const [row] = await this.db
      .select({ user: users, account: accounts })
      .from(users)
      .innerJoin(accounts, eq(accounts.id, users.accountId))
      .where(eq(users.email, email));
    return row ?? null;
  }

  async findUserById(userId: string) {
    const [row] = await this.db
      .select({ user: users, account: accounts })
      .from(users)
      .innerJoin(accounts, eq(accounts.id, users.accountId))
      .where(eq(users.id, userId));
    return row ?? null;
  }

  async findUserWithAccount(userId: string, accountId: string) {
    const [row] = await this.db
      .select({ user: users, account: accounts })
      .from(users)
      .innerJoin(accounts, eq(accounts.id, users.accountId))
      .where(eq(users.id, userId));
    return row && row.account.id === accountId ? row : null;
  }

  async findStaffByEmail(email: string) {
    const [row] = await this.db.select().from(staffMembers).where(eq(staffMembers.email, email));
    return row ?? null;
  }

  async findStaff(id: string) {
    const [row] = await this.db.select().from(staffMembers).where(eq(staffMembers.id, id));
    return row ?? null;
  }

  async recordUserLogin(userId: string) {
    await this.db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId));
  }

  async recordStaffLogin(staffId: string) {
    await this.db.update(staffMembers).set({ lastLoginAt: new Date() }).where(eq(staffMembers.id, staffId));
  }

  async countStaff() {
    const rows = await this.db.select({ id: staffMembers.id }).from(staffMembers).limit(1);
    return rows.length;
  }

  async createStaff(values: typeof staffMembers.$inferInsert) {
    const [row] = await this.db.insert(staffMembers).values(values).onConflictDoNothing().returning();
    return row ?? null;
  }
}
