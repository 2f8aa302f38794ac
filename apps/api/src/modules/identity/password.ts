import { Algorithm, hash, verify } from '@node-rs/argon2';
import type { MessageCode } from '../../common/messages';

/** OWASP's Argon2id minimum (m = 19 MiB, t = 2, p = 1). */
const ARGON2_OPTIONS = {
  algorithm: Algorithm.Argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Verifies against a throwaway hash so an unknown e-mail costs the same time as a wrong password. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('dummy-password-for-timing-1A');
  await verifyPassword(await dummyHash, password);
}

/**
 * Passwords that meet the length/digit/uppercase rule yet are among the most used and breached
 * (global lists plus common Brazilian choices). Compared case-insensitively.
 */
const COMMON_PASSWORDS = new Set(
  [
    'password1',
    'password12',
    'password123',
    'password1234',
    'passw0rd',
    'p@ssw0rd',
    'p@ssword1',
    'qwerty123',
    'qwerty1234',
    'abc12345',
    'abcd1234',
    'abc123456',
    'welcome1',
    'welcome123',
    'letmein1',
    'admin123',
    'admin1234',
    'administrator1',
    'iloveyou1',
    'sunshine1',
    'princess1',
    'football1',
    'monkey123',
    'dragon123',
    'master123',
    'trustno1a',
    'changeme1',
    'changeme123',
    'test1234',
    'teste123',
    'teste1234',
    'senha123',
    'senha1234',
    'senha12345',
    'senha@123',
    'mudar123',
    'mudar@123',
    'brasil123',
    'brasil2024',
    'brasil2025',
    'brasil2026',
    'flamengo1',
    'flamengo123',
    'corinthians1',
    'palmeiras1',
    'saopaulo1',
    'vasco123',
    'gremio123',
    'cruzeiro1',
    'santos123',
    'mudar1234',
    'acesso123',
    'usuario1',
    'usuario123',
    'empresa123',
    'q1w2e3r4',
    'q1w2e3r4t5',
    '1q2w3e4r',
    '1q2w3e4r5t',
    'zaq12wsx',
    'a1b2c3d4',
    'aa123456',
    'qwe12345',
    'asdf1234',
    'asd12345',
    'summer2024',
    'summer2025',
    'winter2025',
    'spring2026',
    'january1',
    'company1',
    'cloudstorage1',
    'minio123',
    'backup123',
    'backup1234',
    'storage123',
    'default1',
    'secret123',
    'superman1',
    'batman123',
    'michael1',
    'jordan23a',
    'computer1',
    'internet1',
    'whatever1',
    'starwars1',
  ].map((p) => p.toLowerCase()),
);

/** The PRD rule (8+ chars, a digit, an uppercase; at most 128) plus the common/breached list. */
export function passwordProblem(password: string): MessageCode | null {
  if (password.length < 8) return 'password_too_short';
  if (password.length > 128) return 'password_too_long';
  if (!/\d/.test(password)) return 'password_needs_digit';
  if (!/\p{Lu}/u.test(password)) return 'password_needs_uppercase';
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'password_too_common';
  return null;
}
