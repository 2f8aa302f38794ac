import { Injectable } from '@nestjs/common';
import { eq, sql } from 'drizzle-orm';
import { platformSettings, type Database } from '@csp/db';
import { AppException } from '../../common/app-exception';
import { InjectDb } from '../../database/database.module';
import {
  DEFAULT_STAFF_LOGIN_SETTINGS,
  ipAllowed,
  STAFF_LOGIN_SETTINGS_KEY,
  withinHours,
  type StaffLoginSettings,
} from './staff-access-policy';

/** Staff IP allowlist and allowed hours (platform_settings 'staff_login'), checked at login and on every staff request. */
@Injectable()
export class StaffAccessService {
  constructor(@InjectDb() private readonly db: Database) {}

  async settings(): Promise<StaffLoginSettings> {
    const [row] = await this.db
      .select({ value: platformSettings.value })
      .from(platformSettings)
      .where(eq(platformSettings.key, STAFF_LOGIN_SETTINGS_KEY));
    const value = (row?.value ?? {}) as Partial<StaffLoginSettings>;
    return {
      ipAllowlist: Array.isArray(value.ipAllowlist)
        ? value.ipAllowlist
        : DEFAULT_STAFF_LOGIN_SETTINGS.ipAllowlist,
      hours: value.hours ?? null,
    };
  }

  async save(settings: StaffLoginSettings, staffId: string) {
    const value = { ...settings } as Record<string, unknown>;
    await this.db
      .insert(platformSettings)
      .values({ key: STAFF_LOGIN_SETTINGS_KEY, value, updatedByStaffId: staffId })
      .onConflictDoUpdate({
        target: platformSettings.key,
        set: { value, updatedByStaffId: staffId, updatedAt: sql`now()` },
      });
  }

  /** Throws 403 when the IP or the time is not allowed for staff. */
  async check(ip: string, now = new Date()) {
    const settings = await this.settings();
    if (!ipAllowed(settings.ipAllowlist, ip)) throw AppException.forbidden('staff_ip_not_allowed');
    if (!withinHours(settings.hours, now)) throw AppException.forbidden('staff_outside_hours');
  }
}
