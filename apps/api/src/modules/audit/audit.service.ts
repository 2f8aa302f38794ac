import { Injectable } from '@nestjs/common';
import { auditEntries, type Database } from '@csp/db';
import { InjectDb } from '../../database/database.module';

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

/** Append-only audit trail. Pass a transaction to record the entry atomically with the change. */
@Injectable()
export class AuditService {
  constructor(@InjectDb() private readonly db: Database) {}

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
