import { describe, expect, it } from 'vitest';
import { AppException } from '../../../common/app-exception';
import { isCommonPassword, passwordProblem } from '../../../common/password-policy';
import { argon2Gate, hashPassword, verifyPassword } from './password';

describe('password policy', () => {
  it.each([
    ['Short1', 'password_too_short'],
    ['NoDigitsHere', 'password_needs_digit'],
    ['nouppercase1', 'password_needs_uppercase'],
    ['Password123', 'password_too_common'],
    ['Senha@123', 'password_too_common'],
    ['A1' + 'x'.repeat(127), 'password_too_long'],
  ])('rejects %s with %s', (pw, code) => {
    expect(passwordProblem(pw)).toBe(code);
  });

  it('accepts a good password, unicode uppercase and 128 chars', () => {
    expect(passwordProblem('Correct-Horse-9')).toBeNull();
    expect(passwordProblem('ção-Árvore-2024x')).toBeNull();
    expect(passwordProblem('A1' + 'x'.repeat(126))).toBeNull();
  });
});

describe('argon2id hashing', () => {
  it('hashes with Argon2id at OWASP parameters and verifies', async () => {
    const h = await hashPassword('Correct-Horse-9');
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, 'Correct-Horse-9')).toBe(true);
    expect(await verifyPassword(h, 'correct-horse-9')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
});

describe('common and breached passwords (zxcvbn-ts lists)', () => {
  it.each([
    'Password2024',
    'Iloveyou2',
    'Qwerty12345',
    'Flamengo2024!',
    'Senha@123',
    'P@ssw0rd1',
    'Maria1990',
    'Cloudstorage1',
  ])('refuses %s', (pw) => {
    expect(passwordProblem(pw)).toBe('password_too_common');
  });

  it('keeps passphrases and uncommon words', () => {
    for (const pw of ['Backup-Seguro-2026', 'Correct-Horse-9', 'Staff-Password-2026', 'Xq7-Lumen-Vaca'])
      expect(isCommonPassword(pw)).toBe(false);
  });
});

describe('the Argon2 gate', () => {
  it('never runs more than the cap at once and refuses beyond the queue with 503', async () => {
    argon2Gate.configure({ maxConcurrent: 2, maxQueue: 2 });
    argon2Gate.stats.maxActive = 0;
    try {
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, () => hashPassword('Correct-Horse-9')),
      );
      const refused = results.filter((r) => r.status === 'rejected');
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
      expect(refused).toHaveLength(4);
      for (const r of refused) {
        const error = (r as PromiseRejectedResult).reason as AppException;
        expect(error).toBeInstanceOf(AppException);
        expect(error.status).toBe(503);
        expect(error.code).toBe('server_busy');
        expect(error.extra?.retryAfterSeconds).toBeGreaterThan(0);
      }
      expect(argon2Gate.stats.maxActive).toBe(2);
    } finally {
      argon2Gate.configure({});
    }
  });
});
