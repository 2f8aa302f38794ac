import { describe, expect, it } from 'vitest';
import { rotatedName } from './access-keys.service';

describe('rotatedName', () => {
  const day = new Date('2026-11-23T10:00:00Z');

  it('adds the rotation day, replacing an earlier one', () => {
    expect(rotatedName('backup', day)).toBe('backup (2026-11-23)');
    expect(rotatedName('backup (2026-01-02)', day)).toBe('backup (2026-11-23)');
  });

  it('stays within the 64-character name limit', () => {
    const name = rotatedName('x'.repeat(64), day);
    expect(name).toHaveLength(64);
    expect(name.endsWith(' (2026-11-23)')).toBe(true);
  });
});
