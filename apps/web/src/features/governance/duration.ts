const HOUR = 3_600_000;

export const GRANT_DURATIONS = {
  h1: HOUR,
  h4: 4 * HOUR,
  d1: 24 * HOUR,
  d3: 72 * HOUR,
  d7: 168 * HOUR,
  d30: 720 * HOUR,
} as const;
export type GrantDuration = keyof typeof GRANT_DURATIONS;

export const PARTNER_DURATIONS = {
  d1: 24 * HOUR,
  d7: 168 * HOUR,
  d30: 720 * HOUR,
  d90: 2160 * HOUR,
  d365: 8760 * HOUR,
} as const;
export type PartnerDuration = keyof typeof PARTNER_DURATIONS;

export const TOKEN_EXPIRIES = { d30: 720 * HOUR, d90: 2160 * HOUR, d365: 8760 * HOUR, never: null } as const;
export type TokenExpiry = keyof typeof TOKEN_EXPIRIES;

export function endFrom(ms: number): string {
  return new Date(Date.now() + ms).toISOString();
}
