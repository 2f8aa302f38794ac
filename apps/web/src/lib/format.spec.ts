import { describe, expect, it } from 'vitest';
import {
  formatBRL,
  formatBytes,
  formatCentsBRL,
  formatDate,
  formatDateTime,
  formatGigabytes,
  formatNumber,
  usageLevel,
  usagePercent,
} from './format';

describe('money', () => {
  it('formats cents exactly', () => {
    expect(formatCentsBRL(123456)).toBe('R$ 1.234,56');
    expect(formatCentsBRL(0)).toBe('R$ 0,00');
    expect(formatCentsBRL(5)).toBe('R$ 0,05');
    expect(formatCentsBRL(-12450)).toBe('-R$ 124,50');
    expect(formatCentsBRL(123456789012345678n)).toBe('R$ 1.234.567.890.123.456,78');
  });

  it('formats reais, rounding to the cent', () => {
    expect(formatBRL(1234.56)).toBe('R$ 1.234,56');
    expect(formatBRL(124.5)).toBe('R$ 124,50');
    expect(formatBRL(1.005)).toBe('R$ 1,01');
    expect(formatBRL(0.1 + 0.2)).toBe('R$ 0,30');
    expect(formatBRL(-1.005)).toBe('-R$ 1,01');
  });
});

describe('dates in America/Sao_Paulo', () => {
  it('formats dd/mm/yyyy in the São Paulo time zone', () => {
    // 02:30 UTC is still the previous day in São Paulo (UTC-3).
    expect(formatDate('2025-01-19T02:30:00Z')).toBe('18/01/2025');
    expect(formatDate('2025-01-18T17:32:00Z')).toBe('18/01/2025');
  });

  it('formats date and time with a 24-hour clock', () => {
    expect(formatDateTime('2025-01-18T17:32:00Z')).toBe('18/01/2025 14:32');
    expect(formatDateTime('2025-01-19T02:05:00Z')).toBe('18/01/2025 23:05');
    expect(formatDateTime('2025-01-18T03:00:00Z')).toBe('18/01/2025 00:00');
  });

  it('accepts another time zone and rejects garbage', () => {
    expect(formatDateTime('2025-01-18T17:32:00Z', 'UTC')).toBe('18/01/2025 17:32');
    expect(formatDate('not a date')).toBe('—');
  });
});

describe('bytes (decimal units)', () => {
  it('uses 1 GB = 1e9 bytes', () => {
    expect(formatBytes(1e9, 'pt-BR')).toBe('1 GB');
    expect(formatBytes(1_500_000_000, 'pt-BR')).toBe('1,5 GB');
    expect(formatBytes(1_500_000_000, 'en')).toBe('1.5 GB');
    expect(formatBytes(245e9, 'pt-BR')).toBe('245 GB');
    expect(formatBytes(2.5e12, 'pt-BR')).toBe('2,5 TB');
  });

  it('handles small values and unit boundaries', () => {
    expect(formatBytes(0, 'pt-BR')).toBe('0 B');
    expect(formatBytes(999, 'pt-BR')).toBe('999 B');
    expect(formatBytes(1000, 'pt-BR')).toBe('1 KB');
    expect(formatBytes(12_345, 'pt-BR')).toBe('12,35 KB');
    expect(formatBytes(999_999_999, 'pt-BR')).toBe('1 GB');
    expect(formatBytes(-1, 'pt-BR')).toBe('—');
  });

  it('shows quota figures in GB', () => {
    expect(formatGigabytes(345e9, 'pt-BR')).toBe('345 GB');
    expect(formatGigabytes(500e9, 'pt-BR')).toBe('500 GB');
    expect(formatGigabytes(0, 'pt-BR')).toBe('0 GB');
    expect(formatGigabytes(123_456_789, 'pt-BR')).toBe('0,12 GB');
    expect(formatGigabytes(1_000_000, 'pt-BR')).toBe('< 0,01 GB');
    expect(formatGigabytes(1_234_500_000_000, 'pt-BR')).toBe('1.234,5 GB');
    expect(formatGigabytes(1_234_500_000_000, 'en')).toBe('1,234.5 GB');
  });

  it('formats counts', () => {
    expect(formatNumber(12400, 'pt-BR')).toBe('12.400');
    expect(formatNumber(12400, 'en')).toBe('12,400');
  });
});

describe('usage level (PRD F2.1 progress bar colour)', () => {
  it.each([
    [0, 'ok'],
    [74.9, 'ok'],
    [75, 'warning'],
    [90, 'warning'],
    [90.1, 'critical'],
    [120, 'critical'],
  ] as const)('%s%% is %s', (percent, level) => {
    expect(usageLevel(percent)).toBe(level);
  });

  it('computes the percentage with one decimal', () => {
    expect(usagePercent(345e9, 500e9)).toBe(69);
    expect(usagePercent(1, 3)).toBe(33.3);
    expect(usagePercent(10, 0)).toBe(0);
  });
});
