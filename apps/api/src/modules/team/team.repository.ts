import { Injectable } from '@nestjs/common';
import { and, asc, desc, eq, ilike, inArray, isNull, not, or, sql, type SQL } from 'drizzle-orm';
import {
  accounts,
  buckets,
  invitations,
  sessions,
  userBucketAccess,
  users,
  type Database,
  type Executor,
  type Tx,
  liveBucketsOf,
} from '@csp/db';
import { InjectDb } from '../../database/database.module';
import type { MemberQuery } from './team.dto';

export type BucketGrant = { bucketId: string; access: 'read' | 'full' };

/**
 * A removed member keeps their row (audit entries, buckets and keys they created still name
 * them) but loses the address: it moves to this reserved domain, so the real e-mail is free for
 * a new invitation and the row can never sign in.
 */
export const REMOVED_EMAIL_DOMAIN = 'removed.invalid';
const removedEmail = (userId: string) => `removed-${userId}@${REMOVED_EMAIL_DOMAIN}`;
const notRemoved = not(ilike(users.email, `%@${REMOVED_EMAIL_DOMAIN}`));

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** SQL of the team domain. Every customer query takes the account id. */
@Injectable()
export class TeamRepository {
  constructor(@InjectDb() readonly db: Database) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async accountName(accountId: string) {
    const [row] = await this.db
      .select({ name: accounts.name })
      .from(accounts)
      .where(eq(accounts.id, accountId));
    return row?.name ?? null;
  }

  /** E-mails are unique platform-wide (users.email): any user anywhere makes the address taken. */
  async emailHasUser(email: string, db: Executor = this.db) {
    const rows = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
    return rows.length > 0;
  }

  /** Whether the address belongs to a user of this account. */
  async emailIsMember(accountId: string, email: string) {
    const rows = await this.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.accountId, accountId), eq(users.email, email)))
      .limit(1);
    return rows.length > 0;
  }

  // Members

  /** One page of members (limit + 1 rows tell whether there is a next page); `userId` picks one. */
  async listMembers(
    accountId: string,
    filter: Partial<MemberQuery> & { userId?: string },
    page: { limit: number; offset: number },
  ) {
    const conditions: SQL[] = [eq(users.accountId, accountId), notRemoved];
    if (filter.userId) conditions.push(eq(users.id, filter.userId));
    if (filter.role) conditions.push(eq(users.role, filter.role));
    if (filter.status) conditions.push(eq(users.status, filter.status));
    if (filter.q) {
      const pattern = `%${escapeLike(filter.q)}%`;
      conditions.push(or(ilike(users.fullName, pattern), ilike(users.email, pattern))!);
    }
    const lastSeen = this.db
      .select({ userId: sessions.userId, lastSeenAt: sql<Date>`max(${sessions.lastSeenAt})`.as('last_seen') })
      .from(sessions)
      .groupBy(sessions.userId)
      .as('last_seen');
    return this.db
      .select({ user: users, lastSeenAt: lastSeen.lastSeenAt })
      .from(users)
      .leftJoin(lastSeen, eq(lastSeen.userId, users.id))
      .where(and(...conditions))
      .orderBy(
        sql`case ${users.role} when 'owner' then 0 when 'admin' then 1 when 'developer' then 2 else 3 end`,
        asc(users.fullName),
        asc(users.id),
      )
      .limit(page.limit)
      .offset(page.offset);
  }

  async findMember(accountId: string, userId: string, db: Executor = this.db) {
    const [row] = await db
      .select()
      .from(users)
      .where(and(eq(users.id, userId), eq(users.accountId, accountId), notRemoved));
    return row ?? null;
  }

  async findOwner(tx: Executor, accountId: string) {
    const [row] = await tx
      .select()
      .from(users)
      .where(and(eq(users.accountId, accountId), eq(users.role, 'owner')))
      .for('update');
    return row ?? null;
  }

  async lockMember(tx: Executor, accountId: string, userId: string) {
    const [row] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, userId), eq(users.accountId, accountId), notRemoved))
      .for('update');
    return row ?? null;
  }

  async setRole(
    tx: Executor,
    accountId: string,
    userId: string,
    role: 'owner' | 'admin' | 'developer' | 'external_client',
  ) {
    await tx
      .update(users)
      .set({ role })
      .where(and(eq(users.id, userId), eq(users.accountId, accountId)));
  }

  async setStatus(accountId: string, userId: string, status: 'active' | 'disabled') {
    await this.db
      .update(users)
      .set({ status })
      .where(and(eq(users.id, userId), eq(users.accountId, accountId), notRemoved));
  }

  /** Removal: disabled, address released, password unusable, shared buckets dropped. */
  async markRemoved(accountId: string, userId: string) {
    await this.db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ status: 'disabled', email: removedEmail(userId), passwordHash: '!removed' })
        .where(and(eq(users.id, userId), eq(users.accountId, accountId)));
      await tx
        .delete(userBucketAccess)
        .where(and(eq(userBucketAccess.accountId, accountId), eq(userBucketAccess.userId, userId)));
    });
  }

  // Shared buckets (external clients)

  /** The live buckets of the account among `ids` (anything else is not the account's). */
  async liveBucketIds(accountId: string, ids: string[], db: Executor = this.db) {
    if (ids.length === 0) return new Set<string>();
    const rows = await db
      .select({ id: buckets.id })
      .from(buckets)
      .where(and(liveBucketsOf(accountId), inArray(buckets.id, ids)));
    return new Set(rows.map((r) => r.id));
  }

  async bucketNames(accountId: string, ids: string[]) {
    if (ids.length === 0) return new Map<string, string>();
    const rows = await this.db
      .select({ id: buckets.id, name: buckets.name })
      .from(buckets)
      .where(and(liveBucketsOf(accountId), inArray(buckets.id, ids)));
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Shared live buckets of the given users, by user. */
  async sharedBuckets(accountId: string, userIds: string[]) {
    const out = new Map<string, Array<{ bucketId: string; name: string; access: 'read' | 'full' }>>();
    if (userIds.length === 0) return out;
    const rows = await this.db
      .select({
        userId: userBucketAccess.userId,
        bucketId: buckets.id,
        name: buckets.name,
        access: userBucketAccess.access,
      })
      .from(userBucketAccess)
      .innerJoin(buckets, eq(buckets.id, userBucketAccess.bucketId))
      .where(
        and(
          eq(userBucketAccess.accountId, accountId),
          liveBucketsOf(accountId),
          inArray(userBucketAccess.userId, userIds),
        ),
      )
      .orderBy(asc(buckets.name));
    for (const row of rows) {
      const list = out.get(row.userId) ?? [];
      list.push({ bucketId: row.bucketId, name: row.name, access: row.access });
      out.set(row.userId, list);
    }
    return out;
  }

  async replaceBucketAccess(tx: Executor, accountId: string, userId: string, grants: BucketGrant[]) {
    await tx
      .delete(userBucketAccess)
      .where(and(eq(userBucketAccess.accountId, accountId), eq(userBucketAccess.userId, userId)));
    if (grants.length > 0) {
      await tx
        .insert(userBucketAccess)
        .values(grants.map((g) => ({ accountId, userId, bucketId: g.bucketId, access: g.access })));
    }
  }

  // Invitations

  /** Null when the account already has an open invitation for the address. */
  async insertInvitation(values: typeof invitations.$inferInsert) {
    const [row] = await this.db.insert(invitations).values(values).onConflictDoNothing().returning();
    return row ?? null;
  }

  async openInvitations(accountId: string) {
    return this.db
      .select({ invitation: invitations, invitedByName: users.fullName })
      .from(invitations)
      .leftJoin(users, eq(users.id, invitations.invitedByUserId))
      .where(
        and(
          eq(invitations.accountId, accountId),
          isNull(invitations.acceptedAt),
          isNull(invitations.canceledAt),
        ),
      )
      .orderBy(desc(invitations.createdAt));
  }

  async findOpenInvitation(accountId: string, id: string) {
    const [row] = await this.db
      .select()
      .from(invitations)
      .where(
        and(
          eq(invitations.id, id),
          eq(invitations.accountId, accountId),
          isNull(invitations.acceptedAt),
          isNull(invitations.canceledAt),
        ),
      );
    return row ?? null;
  }

  /** A new link (the old one stops working) and a new 7-day window; counts the send. */
  async rotateInvitationToken(accountId: string, id: string, tokenHash: string, expiresAt: Date) {
    const [row] = await this.db
      .update(invitations)
      .set({
        tokenHash,
        expiresAt,
        lastSentAt: new Date(),
        sendCount: sql`${invitations.sendCount} + 1`,
      })
      .where(
        and(
          eq(invitations.id, id),
          eq(invitations.accountId, accountId),
          isNull(invitations.acceptedAt),
          isNull(invitations.canceledAt),
        ),
      )
      .returning();
    return row ?? null;
  }

  async cancelInvitation(accountId: string, id: string) {
    const rows = await this.db
      .update(invitations)
      .set({ canceledAt: new Date() })
      .where(
        and(
          eq(invitations.id, id),
          eq(invitations.accountId, accountId),
          isNull(invitations.acceptedAt),
          isNull(invitations.canceledAt),
        ),
      )
      .returning({ id: invitations.id });
    return rows.length === 1;
  }

  /** Public lookup by the link's token hash (the token itself is the credential). */
  async findInvitationByToken(tokenHash: string) {
    const [row] = await this.db
      .select({ invitation: invitations, accountName: accounts.name, accountStatus: accounts.status })
      .from(invitations)
      .innerJoin(accounts, eq(accounts.id, invitations.accountId))
      .where(eq(invitations.tokenHash, tokenHash));
    return row ?? null;
  }

  async userName(userId: string | null) {
    if (!userId) return null;
    const [row] = await this.db.select({ name: users.fullName }).from(users).where(eq(users.id, userId));
    return row?.name ?? null;
  }

  /** Locks an open invitation for acceptance (single use under concurrency). */
  async lockOpenInvitation(tx: Executor, tokenHash: string) {
    const [row] = await tx
      .select()
      .from(invitations)
      .where(
        and(
          eq(invitations.tokenHash, tokenHash),
          isNull(invitations.acceptedAt),
          isNull(invitations.canceledAt),
        ),
      )
      .for('update');
    return row ?? null;
  }

  async insertUser(tx: Executor, values: typeof users.$inferInsert) {
    const [row] = await tx.insert(users).values(values).onConflictDoNothing().returning();
    return row ?? null;
  }

  async markInvitationAccepted(tx: Executor, id: string, userId: string) {
    await tx
      .update(invitations)
      .set({ acceptedAt: new Date(), acceptedUserId: userId })
      .where(eq(invitations.id, id));
  }
}
