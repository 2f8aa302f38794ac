import { afterEach, describe, expect, it } from 'vitest';
import { AdjustableClock, SystemClock } from './clock';

describe('clocks', () => {
  afterEach(() => AdjustableClock.reset());

  it('the system clock is real time', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('the adjustable clock moves forward for every instance of the process, never backward', () => {
    const a = new AdjustableClock();
    const b = new AdjustableClock();
    AdjustableClock.advance(30 * 24 * 3600 * 1000);
    expect(a.now().getTime() - Date.now()).toBeGreaterThan(30 * 24 * 3600 * 1000 - 1000);
    expect(Math.abs(a.now().getTime() - b.now().getTime())).toBeLessThan(1000);
    expect(() => AdjustableClock.advance(-1)).toThrow(/forward/);
  });
});
