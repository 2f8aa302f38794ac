// Formatting helpers. Money is always BRL in Brazilian notation and dates are dd/mm/yyyy in the
// account's time zone (America/Sao_Paulo by default), whatever the UI language.
import type { Lang } from '../i18n';

export const DEFAULT_TIME_ZONE = 'America/Sao_Paulo';

function numberLocale(lang: Lang): string {
  return lang === 'en' ? 'en-US' : 'pt-BR';
}

function groupThousands(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Integer cents -> "R$ 1.234,56" (exact: no floating point involved). */
export function formatCentsBRL(cents: number | bigint): string {
  const value = typeof cents === 'bigint' ? cents : BigInt(Math.round(cents));
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const reais = groupThousands((abs / 100n).toString());
  const centavos = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}R$ ${reais},${centavos}`;
}

/** Amount in reais -> "R$ 1.234,56", rounded half away from zero to the cent. */
export function formatBRL(amount: number): string {
  // toFixed on the scaled value avoids 1.005 * 100 = 100.49999…
  const cents = Math.sign(amount) * Math.round(Number((Math.abs(amount) * 100).toFixed(6)));
  return formatCentsBRL(cents);
}

function dateParts(date: Date, timeZone: string, withTime: boolean): Record<string, string> {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
  }).formatToParts(date);
  const out: Record<string, string> = {};
  for (const part of parts) out[part.type] = part.value;
  return out;
}

function toDate(value: string | number | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "18/01/2025" */
export function formatDate(value: string | number | Date, timeZone = DEFAULT_TIME_ZONE): string {
  const date = toDate(value);
  if (!date) return '—';
  const p = dateParts(date, timeZone, false);
  return `${p.day}/${p.month}/${p.year}`;
}

/** "18/01/2025 14:32" */
export function formatDateTime(value: string | number | Date, timeZone = DEFAULT_TIME_ZONE): string {
  const date = toDate(value);
  if (!date) return '—';
  const p = dateParts(date, timeZone, true);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

export function formatNumber(value: number, lang: Lang, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(numberLocale(lang), { maximumFractionDigits }).format(value);
}

// Decimal units, as storage is sold and billed: 1 GB = 1e9 bytes.
const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

/** Picks the largest decimal unit: 1_500_000_000 -> "1,5 GB" (pt-BR) / "1.5 GB" (en). */
export function formatBytes(bytes: number, lang: Lang): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let unit = 0;
  let value = bytes;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  // Round first so 999_999_999 bytes does not print as "1.000 MB".
  if (unit < BYTE_UNITS.length - 1 && Number(value.toFixed(2)) >= 1000) {
    value /= 1000;
    unit++;
  }
  return `${formatNumber(value, lang, unit === 0 ? 0 : 2)} ${BYTE_UNITS[unit]}`;
}

/** Always in GB, as the dashboard shows quota: 345e9 -> "345 GB", 1e6 -> "< 0,01 GB". */
export function formatGigabytes(bytes: number, lang: Lang): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  const gb = bytes / 1e9;
  if (gb > 0 && gb < 0.01) return `< ${formatNumber(0.01, lang, 2)} GB`;
  return `${formatNumber(gb, lang, 2)} GB`;
}

export type UsageLevel = 'ok' | 'warning' | 'critical';

/** PRD F2.1: green below 75 %, yellow from 75 % to 90 %, red above 90 %. */
export function usageLevel(percent: number): UsageLevel {
  if (percent > 90) return 'critical';
  if (percent >= 75) return 'warning';
  return 'ok';
}

/** Usage as a percentage with one decimal; 0 when there is no quota. */
export function usagePercent(usedBytes: number, quotaBytes: number): number {
  if (!(quotaBytes > 0)) return 0;
  return Math.round((usedBytes / quotaBytes) * 1000) / 10;
}
