import { BlockList, isIP } from 'node:net';

/** platform_settings key 'staff_login': where and when staff may sign in and work. */
export interface StaffLoginSettings {
  /** IPs or CIDR ranges (IPv4/IPv6). Empty: any IP. */
  ipAllowlist: string[];
  /** Allowed hours in America/Sao_Paulo; null: any time. days: 0 = Sunday … 6 = Saturday. */
  hours: { start: string; end: string; days: number[] } | null;
}

export const STAFF_LOGIN_SETTINGS_KEY = 'staff_login';
export const STAFF_TIME_ZONE = 'America/Sao_Paulo';
export const DEFAULT_STAFF_LOGIN_SETTINGS: StaffLoginSettings = { ipAllowlist: [], hours: null };

function normalizeIp(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped ? mapped[1] : ip;
}

/** A valid allowlist entry: an IP or a CIDR range. */
export function isValidIpRule(rule: string): boolean {
  const [address, bits, ...rest] = rule.trim().split('/');
  if (rest.length) return false;
  const family = isIP(address);
  if (!family) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

export function ipAllowed(allowlist: string[], ip: string): boolean {
  if (allowlist.length === 0) return true;
  const address = normalizeIp(ip);
  const family = isIP(address);
  if (!family) return false;
  const list = new BlockList();
  for (const rule of allowlist) {
    if (!isValidIpRule(rule)) continue;
    const [net, bits] = rule.trim().split('/');
    const type = isIP(net) === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(net, type);
    else list.addSubnet(net, Number(bits), type);
  }
  return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Weekday (0 = Sunday) and minutes since midnight of `now` in São Paulo. */
export function localTime(now: Date, timeZone = STAFF_TIME_ZONE) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return { day, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

const toMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/**
 * Whether `now` falls in the allowed window. A window crossing midnight (22:00-06:00) belongs to
 * the day it starts on.
 */
export function withinHours(
  hours: StaffLoginSettings['hours'],
  now: Date,
  timeZone = STAFF_TIME_ZONE,
): boolean {
  if (!hours) return true;
  const { day, minutes } = localTime(now, timeZone);
  const start = toMinutes(hours.start);
  const end = toMinutes(hours.end);
  if (start === end) return hours.days.includes(day);
  if (start < end) return hours.days.includes(day) && minutes >= start && minutes < end;
  if (minutes >= start) return hours.days.includes(day);
  if (minutes < end) return hours.days.includes((day + 6) % 7);
  return false;
}
