import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import type { Database } from '@csp/db';
import { InjectDb } from '../database/database.module';
import { AppException } from './app-exception';

/** Fixed-window counters in PostgreSQL, incremented atomically (safe across API instances). */
@Injectable()
export class RateLimitService {
  constructor(@InjectDb() private readonly db: Database) {}

  /** Counts one hit on `key`; throws 429 when the window already holds `limit` hits. */
  async hit(key: string, limit: number, windowSeconds: number): Promise<void> {
    const result = await this.db.execute<{ count: number; window_start: Date }>(sql`
      insert into rate_limits (key, window_start, count) values (${key}, now(), 1)
      on conflict (key) do update set
        count = case when rate_limits.window_start <= now() - make_interval(secs => ${windowSeconds})
                     then 1 else rate_limits.count + 1 end,
        window_start = case when rate_limits.window_start <= now() - make_interval(secs => ${windowSeconds})
                     then now() else rate_limits.window_start end
      returning count, window_start`);
    const row = result.rows[0];
    if (row.count > limit) {
      const elapsed = (Date.now() - new Date(row.window_start).getTime()) / 1000;
      throw AppException.tooManyRequests(Math.max(1, Math.ceil(windowSeconds - elapsed)));
    }
  }
}
