import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import type { Database } from '@csp/db';
import { InjectDb } from '../database/db.token';

/** The hourly clean-up's deletes: rows with no use once expired. */
@Injectable()
export class MaintenanceRepository {
  constructor(@InjectDb() private readonly db: Database) {}

  async purge() {
    const signups = await this.db.execute(
      sql`delete from signup_requests where verified_at is null and created_at < now() - interval '7 days'`,
    );
    const sessions = await this.db.execute(
      sql`delete from sessions where absolute_expires_at < now() - interval '30 days' or revoked_at < now() - interval '30 days'`,
    );
    const limits = await this.db.execute(
      sql`delete from rate_limits where window_start < now() - interval '1 day'`,
    );
    return { signups: signups.rowCount ?? 0, sessions: sessions.rowCount ?? 0, limits: limits.rowCount ?? 0 };
  }
}
