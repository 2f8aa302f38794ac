import { describe, expect, it } from 'vitest';
import { ipAllowed, isValidIpRule, localTime, withinHours } from './staff-access-policy';

// 2026-11-23 is a Monday. São Paulo is UTC-3 (no DST since 2019).
const sp = (iso: string) => new Date(`${iso}-03:00`);

describe('staff allowed hours (America/Sao_Paulo)', () => {
  const weekdays = { start: '07:00', end: '22:00', days: [1, 2, 3, 4, 5] };
  it('reads the local weekday and time', () => {
    expect(localTime(sp('2026-11-23T06:59'))).toEqual({ day: 1, minutes: 6 * 60 + 59 });
  });
  it('allows inside the window on allowed days only', () => {
    expect(withinHours(weekdays, sp('2026-11-23T07:00'))).toBe(true);
    expect(withinHours(weekdays, sp('2026-11-23T21:59'))).toBe(true);
    expect(withinHours(weekdays, sp('2026-11-23T22:00'))).toBe(false);
    expect(withinHours(weekdays, sp('2026-11-23T06:59'))).toBe(false);
    expect(withinHours(weekdays, sp('2026-11-22T12:00'))).toBe(false); // Sunday
    expect(withinHours(weekdays, sp('2026-11-28T12:00'))).toBe(false); // Saturday
  });
  it('uses São Paulo time, not UTC', () => {
    // 01:30 UTC on Tuesday is 22:30 Monday in São Paulo: outside.
    expect(withinHours(weekdays, new Date('2026-11-24T01:30:00Z'))).toBe(false);
    // 09:30 UTC on Monday is 06:30 in São Paulo: outside.
    expect(withinHours(weekdays, new Date('2026-11-23T09:30:00Z'))).toBe(false);
    expect(withinHours(weekdays, new Date('2026-11-23T10:30:00Z'))).toBe(true);
  });
  it('handles windows across midnight, owned by the start day', () => {
    const night = { start: '22:00', end: '06:00', days: [5] }; // Friday night
    expect(withinHours(night, sp('2026-11-27T23:00'))).toBe(true);
    expect(withinHours(night, sp('2026-11-28T05:59'))).toBe(true); // Saturday early morning
    expect(withinHours(night, sp('2026-11-28T06:00'))).toBe(false);
    expect(withinHours(night, sp('2026-11-26T23:00'))).toBe(false); // Thursday night
  });
  it('no hours: any time', () => {
    expect(withinHours(null, sp('2026-11-22T03:00'))).toBe(true);
  });
});

describe('staff IP allowlist', () => {
  it('empty allows any IP', () => {
    expect(ipAllowed([], '203.0.113.9')).toBe(true);
  });
  it('matches exact IPs and CIDR ranges, IPv4 and IPv6, and IPv4-mapped addresses', () => {
    const list = ['203.0.113.0/24', '198.51.100.7', '2001:db8::/32'];
    expect(ipAllowed(list, '203.0.113.200')).toBe(true);
    expect(ipAllowed(list, '::ffff:203.0.113.5')).toBe(true);
    expect(ipAllowed(list, '198.51.100.7')).toBe(true);
    expect(ipAllowed(list, '198.51.100.8')).toBe(false);
    expect(ipAllowed(list, '2001:db8:1::5')).toBe(true);
    expect(ipAllowed(list, '2001:db9::1')).toBe(false);
    expect(ipAllowed(list, 'not-an-ip')).toBe(false);
  });
  it('validates rules', () => {
    expect(isValidIpRule('10.0.0.0/8')).toBe(true);
    expect(isValidIpRule('10.0.0.0/33')).toBe(false);
    expect(isValidIpRule('10.0.0')).toBe(false);
    expect(isValidIpRule('::1/128')).toBe(true);
  });
});
