import { Injectable } from '@nestjs/common';
import { auditEntries, type Database, type Executor } from '@csp/db';
import { InjectDb } from '../../database/db.token';

/** Writes audit entries (the table is append-only: the database refuses updates and deletes). */
@Injectable()
export class AuditRepository {
  constructor(@InjectDb() private readonly db: Database) {}

  async insert(entry: typeof auditEntries.$inferInsert, tx: Executor = this.db): Promise<void> {
    await tx.insert(auditEntries).values(entry);
  }
}
