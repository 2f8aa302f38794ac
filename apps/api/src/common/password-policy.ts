/** The password rule every form applies (PRD: 8+ characters, a digit, an uppercase, not common). */
import { dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as ptBrDictionary } from '@zxcvbn-ts/language-pt-br';
import type { MessageCode } from './messages';

/**
 * Common and breached passwords: the zxcvbn-ts lists (about 49,000 passwords seen in breaches, plus
 * Brazilian Portuguese words and names), compared case-insensitively. A password is refused when it
 * is on the list, or when it is a listed password or a common word/name (5+ letters) with only
 * digits and symbols added around it ("Flamengo2024!", "Senha@123", "Maria1990").
 */
const BREACHED = new Set(commonDictionary['passwords-common'].map((w) => w.toLowerCase()));
const WORDS = new Set(
  [
    ...ptBrDictionary['commonWords-pt-br'],
    ...ptBrDictionary['firstnames-pt-br'],
    ...ptBrDictionary['lastnames-pt-br'],
    // What people name a password after on this very platform.
    'cloudstorage',
    'cloudstoragepro',
    'minio',
    'backup',
    'storage',
  ]
    .map((w) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase())
    .filter((w) => w.length >= 5),
);

/** Whether `password` is on the lists, or a listed word with only digits and symbols around it. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (BREACHED.has(lower)) return true;
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (core.length === 0) return true;
  const plain = core.normalize('NFD').replace(/\p{M}/gu, '');
  // Leet-speak substitutions people expect to fool a list (p@ssw0rd, s3nh4).
  const unleet = plain
    .replace(/[@4]/g, 'a')
    .replace(/3/g, 'e')
    .replace(/[1!]/g, 'i')
    .replace(/0/g, 'o')
    .replace(/[$5]/g, 's');
  return [core, plain, unleet].some((w) => BREACHED.has(w) || WORDS.has(w));
}

/** The PRD rule (8+ chars, a digit, an uppercase; at most 128) plus the common/breached list. */
export function passwordProblem(password: string): MessageCode | null {
  if (password.length < 8) return 'password_too_short';
  if (password.length > 128) return 'password_too_long';
  if (!/\d/.test(password)) return 'password_needs_digit';
  if (!/\p{Lu}/u.test(password)) return 'password_needs_uppercase';
  if (isCommonPassword(password)) return 'password_too_common';
  return null;
}
