import { Injectable } from '@nestjs/common';
import { and, desc, eq, sql } from 'drizzle-orm';
import { accounts, plans, users, type Database } from '@csp/db';
import { InjectDb } from '../../database/database.module';

type AccountStatus = (typeof accounts.$inferSelect)['status'];

@Injectable()
export class AccountReviewRepository {
  constructor(@InjectDb() readonly db: Database) {}

  async list(status: AccountStatus | undefined, limit: number) {
    return this.db
      .select({
        account: accounts,
        owner: users,
        plan: plans,
        // Another live account (approved or waiting) has the same CPF/CNPJ.
        documentInUse: sql<boolean>`exists (
          select 1 from accounts other where other.document = ${accounts.document}
            and other.id <> ${accounts.id} and other.status not in ('rejected', 'canceled'))`,
      })
      .from(accounts)
      .innerJoin(plans, eq(plans.id, accounts.planId))
      .innerJoin(users, and(eq(users.accountId, accounts.id), eq(users.role, 'owner')))
      .where(status ? eq(accounts.status, status) : undefined)
      .orderBy(desc(accounts.createdAt))
      .limit(limit);
  }

  /** Whether an approved account (any status past review, except rejected/canceled) has this document. */
  async documentApprovedElsewhere(accountId: string, document: string) {
    const result = await this.db.execute<{ taken: boolean }>(sql`
      select exists (select 1 from accounts where document = ${document} and id <> ${accountId}
        and status not in ('rejected', 'canceled', 'pending_approval')) as taken`);
    return result.rows[0].taken;
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
