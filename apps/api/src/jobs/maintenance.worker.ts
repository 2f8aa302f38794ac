import { Injectable, Logger } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import type { Database } from '@csp/db';
import { InjectDb } from '../database/database.module';
import { JobQueueService, QUEUES } from './job-queue.service';

/** Hourly clean-up of rows that have no use once expired (unverified sign-ups, dead sessions). */
@Injectable()
export class MaintenanceWorker {
  private readonly logger = new Logger('Maintenance');

  constructor(
    private readonly jobs: JobQueueService,
    @InjectDb() private readonly db: Database,
  ) {}

  async start() {
    const boss = await this.jobs.boss({ consumer: true });
    await boss.schedule(QUEUES.maintenance, '17 * * * *', {}, { tz: 'America/Sao_Paulo' });
    await boss.work(QUEUES.maintenance, async () => {
      const result = await this.purge();
      this.logger.log(
        `purged ${result.signups} sign-ups, ${result.sessions} sessions, ${result.limits} counters`,
      );
    });
  }

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
