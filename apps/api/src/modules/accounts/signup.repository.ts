import { Injectable } from '@nestjs/common';
import { and, eq, notInArray, sql } from 'drizzle-orm';
import { accounts, plans, signupRequests, staffMembers, users, type Database, type Tx } from '@csp/db';
import { InjectDb } from '../../database/db.token';

@Injectable()
export class SignupRepository {
  constructor(@InjectDb() private readonly db: Database) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async create(values: typeof signupRequests.$inferInsert) {
    const [row] = await this.db.insert(signupRequests).values(values).returning();
    return row;
  }

  async findById(id: string) {
    const [row] = await this.db.select().from(signupRequests).where(eq(signupRequests.id, id));
    return row ?? null;
  }

  /** Counts one attempt atomically; null when no attempts are left (or already verified). */
  async consumeAttempt(id: string, maxAttempts: number) {
    const [row] = await this.db
      .update(signupRequests)
      .set({ attempts: sql`${signupRequests.attempts} + 1` })
      .where(
        and(
          eq(signupRequests.id, id),
          sql`${signupRequests.attempts} < ${maxAttempts}`,
          sql`${signupRequests.verifiedAt} is null`,
        ),
      )
      .returning();
    return row ?? null;
  }

  async replaceCode(id: string, codeHash: string, expiresAt: Date) {
    await this.db
      .update(signupRequests)
      .set({
        codeHash,
        codeExpiresAt: expiresAt,
        attempts: 0,
        sendCount: sql`${signupRequests.sendCount} + 1`,
        lastSentAt: new Date(),
      })
      .where(eq(signupRequests.id, id));
  }

  async emailTaken(tx: Tx, email: string) {
    const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    return Boolean(row);
  }

  /** Whether another live account (approved or still waiting for review) has this CPF/CNPJ. */
  async documentTaken(tx: Tx, document: string) {
    const [row] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.document, document), notInArray(accounts.status, ['rejected', 'canceled'])));
    return Boolean(row);
  }

  async defaultPlan(tx: Tx) {
    const [plan] = await tx.select().from(plans).where(eq(plans.isDefault, true)).limit(1);
    if (!plan) throw new Error('no default plan: migrations not applied?');
    return plan;
  }

  async createAccountWithOwner(
    tx: Tx,
    account: typeof accounts.$inferInsert,
    owner: Omit<typeof users.$inferInsert, 'accountId'>,
  ) {
    const [created] = await tx.insert(accounts).values(account).returning();
    const [user] = await tx
      .insert(users)
      .values({ ...owner, accountId: created.id })
      .returning();
    return { account: created, owner: user };
  }

  /** Locks the sign-up row so two concurrent verifications cannot both create an account. */
  async lockUnverified(tx: Tx, id: string) {
    const [row] = await tx.select().from(signupRequests).where(eq(signupRequests.id, id)).for('update');
    return row && !row.verifiedAt ? row : null;
  }

  async markVerified(tx: Tx, id: string, accountId: string) {
    await tx
      .update(signupRequests)
      .set({ verifiedAt: new Date(), accountId })
      .where(eq(signupRequests.id, id));
  }

  async activeSuperAdminEmails() {
    const rows = await this.db
      .select({ email: staffMembers.email })
      .from(staffMembers)
      .where(and(eq(staffMembers.role, 'super_admin'), eq(staffMembers.status, 'active')));
    return rows.map((r) => r.email);
  }
}
