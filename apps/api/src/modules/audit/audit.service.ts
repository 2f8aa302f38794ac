import { Injectable } from '@nestjs/common';
import { auditEntries, type Database } from '@csp/db';
import { InjectDb } from '../../database/database.module';
import type { RequestMeta } from '../identity/auth.decorators';
import type { StaffAuth, UserAuth } from '../identity/auth.types';

export interface AuditRecord {
  accountId?: string | null;
  actor: { type: 'user' | 'staff' | 'system' | 'anonymous'; id?: string | null };
  action: string;
  resourceType?: string;
  resourceId?: string;
  details?: Record<string, unknown>;
  ip?: string | null;
  userAgent?: string | null;
}

type Executor = Pick<Database, 'insert'>;

/** What changed, for the shorthand recorders below. */
export interface AuditEvent {
  action: string;
  resourceType: string;
  resourceId: string;
  details?: Record<string, unknown>;
}

/** Append-only audit trail. Pass a transaction to record the entry atomically with the change. */
@Injectable()
export class AuditService {
  constructor(@InjectDb() private readonly db: Database) {}

  /** A change made by a signed-in customer user, in their account. */
  byUser(auth: UserAuth, meta: RequestMeta, event: AuditEvent): Promise<void> {
    return this.record({
      ...event,
      accountId: auth.accountId,
      actor: { type: 'user', id: auth.userId },
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
  }

  /** A change made by a provider staff member, optionally inside a customer account. */
  byStaff(auth: StaffAuth, meta: RequestMeta, event: AuditEvent & { accountId?: string }): Promise<void> {
    return this.record({
      ...event,
      actor: { type: 'staff', id: auth.staffId },
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
  }

  async record(entry: AuditRecord, tx: Executor = this.db): Promise<void> {
    await tx.insert(auditEntries).values({
      accountId: entry.accountId ?? null,
      actorType: entry.actor.type,
      actorId: entry.actor.id ?? null,
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId,
      details: entry.details,
      ip: entry.ip ?? null,
      userAgent: entry.userAgent ?? null,
    });
  }
}
