import { Injectable } from '@nestjs/common';
import { AppException } from '../../../common/app-exception';
import {
  DEFAULT_STAFF_LOGIN_SETTINGS,
  ipAllowed,
  STAFF_LOGIN_SETTINGS_KEY,
  withinHours,
  type StaffLoginSettings,
} from './staff-access-policy';
import { StaffAccessRepository } from './staff-access.repository';

/** Staff IP allowlist and allowed hours (platform_settings 'staff_login'), checked at login and on every staff request. */
@Injectable()
export class StaffAccessService {
  constructor(private readonly store: StaffAccessRepository) {}

  async settings(): Promise<StaffLoginSettings> {
    const value = ((await this.store.setting(STAFF_LOGIN_SETTINGS_KEY)) ?? {}) as Partial<StaffLoginSettings>;
    return {
      ipAllowlist: Array.isArray(value.ipAllowlist)
        ? value.ipAllowlist
        : DEFAULT_STAFF_LOGIN_SETTINGS.ipAllowlist,
      hours: value.hours ?? null,
    };
  }

  async save(settings: StaffLoginSettings, staffId: string) {
    await this.store.saveSetting(STAFF_LOGIN_SETTINGS_KEY, { ...settings }, staffId);
  }

  /** Throws 403 when the IP or the time is not allowed for staff. */
  async check(ip: string, now = new Date()) {
    const settings = await this.settings();
    if (!ipAllowed(settings.ipAllowlist, ip)) throw AppException.forbidden('staff_ip_not_allowed');
    if (!withinHours(settings.hours, now)) throw AppException.forbidden('staff_outside_hours');
  }
}
