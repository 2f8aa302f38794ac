import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';

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
