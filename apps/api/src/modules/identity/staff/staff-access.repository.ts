import { Injectable } from '@nestjs/common';
import { eq, sql } from 'drizzle-orm';
import { platformSettings, type Database } from '@csp/db';
import { InjectDb } from '../../../database/db.token';

/** One platform setting by key (the staff login rules live under 'staff_login'). */
@Injectable()
export class StaffAccessRepository {
  constructor(@InjectDb() private readonly db: Database) {}

  async setting(key: string): Promise<unknown> {
    const [row] = await this.db
      .select({ value: platformSettings.value })
      .from(platformSettings)
      .where(eq(platformSettings.key, key));
    return row?.value;
  }

  async saveSetting(key: string, value: Record<string, unknown>, staffId: string): Promise<void> {
    await this.db
      .insert(platformSettings)
      .values({ key, value, updatedByStaffId: staffId })
      .onConflictDoUpdate({
        target: platformSettings.key,
        set: { value, updatedByStaffId: staffId, updatedAt: sql`now()` },
      });
  }
}
