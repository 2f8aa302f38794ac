import { describe, expect, it } from 'vitest';
import { endOfDayIso, formatTimeLeft, localDate } from './countdown';

describe('formatTimeLeft', () => {
  it('shows the two largest units', () => {
    expect(formatTimeLeft(7 * 86_400_000)).toBe('7 d 0 h');
    expect(formatTimeLeft(6 * 86_400_000 + 23 * 3_600_000 + 59_000)).toBe('6 d 23 h');
    expect(formatTimeLeft(4 * 3_600_000 + 5 * 60_000)).toBe('4 h 05 min');
    expect(formatTimeLeft(12 * 60_000 + 30_000)).toBe('12 min 30 s');
    expect(formatTimeLeft(9_999)).toBe('9 s');
  });

  it('never goes below zero', () => {
    expect(formatTimeLeft(-5000)).toBe('0 s');
  });
});

describe('dates of the expiry picker', () => {
  it('turns a calendar day into the end of that local day', () => {
    const iso = endOfDayIso('2027-03-10')!;
    const back = new Date(iso);
    expect([back.getFullYear(), back.getMonth(), back.getDate(), back.getHours(), back.getMinutes()]).toEqual(
      [2027, 2, 10, 23, 59],
    );
    expect(endOfDayIso('10/03/2027')).toBeNull();
    expect(endOfDayIso('')).toBeNull();
  });

  it('counts local days forward across month ends', () => {
    expect(localDate(new Date(2026, 0, 31), 1)).toBe('2026-02-01');
    expect(localDate(new Date(2026, 11, 31), 1)).toBe('2027-01-01');
  });
});
