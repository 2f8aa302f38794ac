import { Injectable } from '@nestjs/common';
import { and, desc, eq, gte, ilike, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { accounts, auditEntries, grants, staffMembers, users, type Database } from '@csp/db';
import { InjectDb } from '../../database/database.module';

export interface AuditFilter {
  /** Always given for a customer's view: the tenant. */
  accountId?: string;
  resourceTypes?: readonly string[];
  from?: Date;
  to?: Date;
  action?: string;
  actor?: string;
  actorId?: string;
  resourceType?: string;
  staffOnly?: boolean;
  grantId?: string;
  cursor?: string;
  limit: number;
}

@Injectable()
export class AuditLogRepository {
  constructor(@InjectDb() private readonly db: Database) {}

  /** Newest first, keyset-paginated on (created_at, id). */
  async page(filter: AuditFilter) {
    const e = auditEntries;
    const like = filter.actor ? `%${filter.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
    const conditions: Array<SQL | undefined> = [
      filter.accountId ? eq(e.accountId, filter.accountId) : undefined,
      filter.resourceTypes ? inArray(e.resourceType, [...filter.resourceTypes]) : undefined,
      filter.from ? gte(e.createdAt, filter.from) : undefined,
      filter.to ? lt(e.createdAt, filter.to) : undefined,
      filter.action ? eq(e.action, filter.action) : undefined,
      filter.actorId ? eq(e.actorId, filter.actorId) : undefined,
      filter.resourceType ? eq(e.resourceType, filter.resourceType) : undefined,
      filter.staffOnly ? eq(e.actorType, 'staff') : undefined,
      filter.grantId ? eq(e.grantId, filter.grantId) : undefined,
      like
        ? or(
            ilike(users.fullName, like),
            ilike(users.email, like),
            ilike(staffMembers.fullName, like),
            ilike(staffMembers.email, like),
          )
        : undefined,
      filter.cursor
        ? sql`(${e.createdAt}, ${e.id}) < (select c.created_at, c.id from ${auditEntries} c where c.id = ${filter.cursor})`
        : undefined,
    ];
    return this.db
      .select({
        entry: auditEntries,
        user: { fullName: users.fullName, email: users.email },
        staff: { fullName: staffMembers.fullName, email: staffMembers.email },
        grant: { id: grants.id, kind: grants.kind, scope: grants.scope },
        account: { id: accounts.id, name: accounts.name },
      })
      .from(auditEntries)
      .leftJoin(users, and(eq(e.actorType, 'user'), eq(users.id, e.actorId)))
      .leftJoin(staffMembers, and(eq(e.actorType, 'staff'), eq(staffMembers.id, e.actorId)))
      .leftJoin(grants, and(isNotNull(e.grantId), eq(grants.id, e.grantId)))
      .leftJoin(accounts, eq(accounts.id, e.accountId))
      .where(and(...conditions))
      .orderBy(desc(e.createdAt), desc(e.id))
      .limit(filter.limit);
  }
}
