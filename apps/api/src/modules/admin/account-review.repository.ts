import { Injectable } from '@nestjs/common';
import { and, desc, eq } from 'drizzle-orm';
import { accounts, plans, users, type Database } from '@csp/db';
import { InjectDb } from '../../database/database.module';

type AccountStatus = (typeof accounts.$inferSelect)['status'];

@Injectable()
export class AccountReviewRepository {
  constructor(@InjectDb() readonly db: Database) {}

  async list(status: AccountStatus | undefined, limit: number) {
    return this.db
      .select({ account: accounts, owner: users, plan: plans })
      .from(accounts)
      .innerJoin(plans, eq(plans.id, accounts.planId))
      .innerJoin(users, and(eq(users.accountId, accounts.id), eq(users.role, 'owner')))
      .where(status ? eq(accounts.status, status) : undefined)
      .orderBy(desc(accounts.createdAt))
      .limit(limit);
  }

  async findWithOwner(accountId: string) {
    const [row] = await this.db
      .select({ account: accounts, owner: users, plan: plans })
      .from(accounts)
      .innerJoin(plans, eq(plans.id, accounts.planId))
      .innerJoin(users, and(eq(users.accountId, accounts.id), eq(users.role, 'owner')))
      .where(eq(accounts.id, accountId));
    return row ?? null;
  }

  /** Moves a pending account to its decision; false when it was no longer pending. */
  async decide(
    accountId: string,
    to: 'active' | 'rejected',
    staffId: string,
    rejectionReason: string | null,
  ): Promise<boolean> {
    const rows = await this.db
      .update(accounts)
      .set({
        status: to,
        decidedAt: new Date(),
        decidedByStaffId: staffId,
        rejectionReason,
        updatedAt: new Date(),
      })
      .where(and(eq(accounts.id, accountId), eq(accounts.status, 'pending_approval')))
      .returning({ id: accounts.id });
    return rows.length === 1;
  }
}
