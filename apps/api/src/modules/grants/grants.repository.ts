import { Injectable } from '@nestjs/common';
import { and, desc, eq, gt, inArray, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { accounts, auditEntries, grants, sessions, staffMembers, users, type Database } from '@csp/db';
import { InjectDb } from '../../database/database.module';

export type GrantStatusFilter = 'active' | 'scheduled' | 'ended' | 'revoked';

@Injectable()
export class GrantsRepository {
  constructor(@InjectDb() private readonly db: Database) {}

  /** Active staff members of the given roles (names and e-mails only). */
  async activeStaff(roles: Array<'support' | 'partner'>) {
    return this.db
      .select({
        id: staffMembers.id,
        fullName: staffMembers.fullName,
        email: staffMembers.email,
        role: staffMembers.role,
      })
      .from(staffMembers)
      .where(and(eq(staffMembers.status, 'active'), inArray(staffMembers.role, roles)))
      .orderBy(staffMembers.fullName);
  }

  async findStaff(id: string) {
    const [row] = await this.db.select().from(staffMembers).where(eq(staffMembers.id, id));
    return row ?? null;
  }

  async findAccount(id: string) {
    const [row] = await this.db
      .select({ id: accounts.id, name: accounts.name, status: accounts.status })
      .from(accounts)
      .where(eq(accounts.id, id));
    return row ?? null;
  }

  async insert(values: typeof grants.$inferInsert) {
    const [row] = await this.db.insert(grants).values(values).returning();
    return row;
  }

  /**
   * Grants with staff, account and creator names. `accountId` scopes a customer's view (always
   * given there); `staffId` a staff member's own list.
   */
  async list(filter: {
    accountId?: string;
    staffId?: string;
    status?: GrantStatusFilter;
    now: Date;
    limit: number;
  }) {
    const conditions: Array<SQL | undefined> = [
      filter.accountId ? eq(grants.accountId, filter.accountId) : undefined,
      filter.staffId ? eq(grants.staffId, filter.staffId) : undefined,
      filter.status ? statusCondition(filter.status, filter.now) : undefined,
    ];
    return this.db
      .select({
        grant: grants,
        staff: { id: staffMembers.id, fullName: staffMembers.fullName, email: staffMembers.email },
        account: { id: accounts.id, name: accounts.name },
        createdByUserName: sql<
          string | null
        >`(select u.full_name from ${users} u where u.id = ${grants.createdByUserId})`,
        createdByStaffName: sql<
          string | null
        >`(select s.full_name from ${staffMembers} s where s.id = ${grants.createdByStaffId})`,
        actionCount: sql<number>`(select count(*)::int from ${auditEntries} where ${auditEntries.grantId} = ${grants.id} and ${auditEntries.accountId} = ${grants.accountId})`,
      })
      .from(grants)
      .innerJoin(staffMembers, eq(staffMembers.id, grants.staffId))
      .innerJoin(accounts, eq(accounts.id, grants.accountId))
      .where(and(...conditions))
      .orderBy(desc(grants.createdAt))
      .limit(filter.limit);
  }

  /** One grant, within an account (customer) or of a staff member (staff); null otherwise. */
  async find(id: string, scope: { accountId?: string; staffId?: string }) {
    const [row] = await this.db
      .select({ grant: grants, account: { id: accounts.id, name: accounts.name, status: accounts.status } })
      .from(grants)
      .innerJoin(accounts, eq(accounts.id, grants.accountId))
      .where(
        and(
          eq(grants.id, id),
          scope.accountId ? eq(grants.accountId, scope.accountId) : undefined,
          scope.staffId ? eq(grants.staffId, scope.staffId) : undefined,
        ),
      );
    return row ?? null;
  }

  /** Revokes a grant that is not revoked yet and ends the sessions opened through it; false if already revoked. */
  async revoke(
    id: string,
    accountId: string,
    by: { userId: string } | { staffId: string },
    now: Date,
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await tx
        .update(grants)
        .set({
          revokedAt: now,
          revokedByUserId: 'userId' in by ? by.userId : null,
          revokedByStaffId: 'staffId' in by ? by.staffId : null,
        })
        .where(and(eq(grants.id, id), eq(grants.accountId, accountId), isNull(grants.revokedAt)))
        .returning({ id: grants.id });
      if (rows.length === 0) return false;
      await tx
        .update(sessions)
        .set({ revokedAt: now })
        .where(and(eq(sessions.grantId, id), isNull(sessions.revokedAt)));
      return true;
    });
  }

  async createSession(values: typeof sessions.$inferInsert) {
    await this.db.insert(sessions).values(values);
  }

  /**
   * A live grant session with everything the guard checks on each request: the session (not
   * revoked, idle and absolute limits), the staff session that opened it (still live: staff logout
   * or expiry ends it), the grant (not revoked, inside its window, same staff member), the staff
   * member (active) and the account. Sessions expire on real time (`now`); the grant's window is
   * business time (`businessNow`, the Clock: ADR 0008).
   */
  async findLiveGrantSession(tokenHash: string, now: Date, businessNow: Date) {
    const parent = alias(sessions, 'parent_session');
    const [row] = await this.db
      .select({
        session: { id: sessions.id, lastSeenAt: sessions.lastSeenAt },
        parentSessionId: parent.id,
        grant: grants,
        staff: {
          id: staffMembers.id,
          fullName: staffMembers.fullName,
          email: staffMembers.email,
          status: staffMembers.status,
        },
        account: { id: accounts.id, name: accounts.name, status: accounts.status },
      })
      .from(sessions)
      .innerJoin(grants, eq(grants.id, sessions.grantId))
      .innerJoin(
        parent,
        and(
          eq(parent.id, sessions.parentSessionId),
          eq(parent.staffId, sessions.staffId),
          isNull(parent.grantId),
          isNull(parent.revokedAt),
          gt(parent.idleExpiresAt, now),
          gt(parent.absoluteExpiresAt, now),
        ),
      )
      .innerJoin(
        staffMembers,
        and(eq(staffMembers.id, sessions.staffId), eq(staffMembers.id, grants.staffId)),
      )
      .innerJoin(accounts, eq(accounts.id, grants.accountId))
      .where(
        and(
          eq(sessions.tokenHash, tokenHash),
          isNotNull(sessions.grantId),
          isNull(sessions.revokedAt),
          gt(sessions.idleExpiresAt, now),
          gt(sessions.absoluteExpiresAt, now),
          isNull(grants.revokedAt),
          lte(grants.startsAt, businessNow),
          gt(grants.endsAt, businessNow),
        ),
      );
    return row ?? null;
  }

  /** Work under the grant is staff activity: it keeps the grant session and its staff session alive. */
  async touchSession(
    session: { id: string; idleExpiresAt: Date },
    parent: { id: string; idleExpiresAt: Date },
    now: Date,
  ) {
    await this.db.transaction(async (tx) => {
      await tx
        .update(sessions)
        .set({ lastSeenAt: now, idleExpiresAt: session.idleExpiresAt })
        .where(eq(sessions.id, session.id));
      await tx
        .update(sessions)
        .set({ lastSeenAt: now, idleExpiresAt: parent.idleExpiresAt })
        .where(and(eq(sessions.id, parent.id), isNull(sessions.revokedAt)));
    });
  }
}

function statusCondition(status: GrantStatusFilter, now: Date): SQL | undefined {
  switch (status) {
    case 'revoked':
      return isNotNull(grants.revokedAt);
    case 'active':
      return and(isNull(grants.revokedAt), lte(grants.startsAt, now), gt(grants.endsAt, now));
    case 'scheduled':
      return and(isNull(grants.revokedAt), gt(grants.startsAt, now));
    case 'ended':
      return and(isNull(grants.revokedAt), lte(grants.endsAt, now));
  }
}

export function grantStatus(
  grant: { revokedAt: Date | null; startsAt: Date; endsAt: Date },
  now: Date,
): GrantStatusFilter {
  if (grant.revokedAt) return 'revoked';
  if (grant.startsAt > now) return 'scheduled';
  if (grant.endsAt <= now) return 'ended';
  return 'active';
}
