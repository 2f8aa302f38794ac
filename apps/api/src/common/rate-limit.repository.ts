import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import type { Database } from '@csp/db';
import { InjectDb } from '../database/db.token';

@Injectable()
export class RateLimitRepository {
  constructor(@InjectDb() private readonly db: Database) {}

  /**
   * Counts one hit on `key` in its fixed window (a new window starts once the old one is
   * `windowSeconds` old), in one statement, so concurrent API instances share the count.
   */
  async hit(key: string, windowSeconds: number): Promise<{ count: number; windowStart: Date }> {
    const result = await this.db.execute<{ count: number; window_start: Date }>(sql`
      insert into rate_limits (key, window_start, count) values (${key}, now(), 1)
      on conflict (key) do update set
        count = case when rate_limits.window_start <= now() - make_interval(secs => ${windowSeconds})
                     then 1 else rate_limits.count + 1 end,
        window_start = case when rate_limits.window_start <= now() - make_interval(secs => ${windowSeconds})
                     then now() else rate_limits.window_start end
      returning count, window_start`);
    const row = result.rows[0];
    return { count: Number(row.count), windowStart: new Date(row.window_start) };
  }
}
