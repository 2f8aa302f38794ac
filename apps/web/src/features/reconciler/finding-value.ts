import { interpolate, type Dictionary } from '../../i18n';

type Values = Dictionary['reconciler']['values'];

/** The API's expected/actual values (stable English, shared with logs and the audit trail). */
const EXACT: Record<string, keyof Values> = {
  present: 'present',
  absent: 'absent',
  enabled: 'enabled',
  disabled: 'disabled',
  on: 'on',
  off: 'off',
  Enabled: 'versioningEnabled',
  Suspended: 'versioningSuspended',
  Off: 'versioningOff',
  'Suspended or Off': 'versioningNotEnabled',
  'public read': 'publicRead',
  private: 'private',
  none: 'none',
  'no buckets': 'noBuckets',
  checked: 'checked',
  'absent (revoked)': 'absentRevoked',
  'absent (deleted in the database)': 'absentDeleted',
  'absent (no account owns it)': 'absentUnowned',
};

const PREFIXES: Array<[string, keyof Values]> = [
  ['present, ', 'presentWith'],
  ['full: ', 'full'],
  ['read: ', 'read'],
  ['writes blocked (read, delete): ', 'writesBlocked'],
  ['attached: ', 'attached'],
  ['belongs to ', 'belongsTo'],
];

/**
 * A finding's value in the reader's language. Only whole values and known prefixes are translated
 * (never words inside bucket or key names); anything else (byte counts, policy documents, storage
 * errors) is shown as the API wrote it.
 */
export function findingValue(value: string, v: Values): string {
  const exact = EXACT[value];
  if (exact) return v[exact];
  for (const [prefix, key] of PREFIXES) {
    if (value.startsWith(prefix)) {
      const rest = value.slice(prefix.length);
      return interpolate(v[key], { value: EXACT[rest] ? v[EXACT[rest]] : rest });
    }
  }
  return value;
}
