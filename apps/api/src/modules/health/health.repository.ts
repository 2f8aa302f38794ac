import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import type { Database } from '@csp/db';
import { InjectDb } from '../../database/db.token';

@Injectable()
export class HealthRepository {
  constructor(@InjectDb() private readonly db: Database) {}

  /** One round trip to the database (throws when it cannot be reached). */
  async ping(): Promise<void> {
    await this.db.execute(sql`select 1`);
  }
}
