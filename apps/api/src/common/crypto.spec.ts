import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCipheriv } from 'node:crypto';
import { newAccessKeyId, newSecretKey, parseOldKeys, randomDigits, SecretBox } from './crypto';

describe('SecretBox', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);

  it('round-trips and names the key it used', () => {
    const box = new SecretBox('k1', { k1 });
    const sealed = box.seal('s3cr3t-value');
    expect(sealed.startsWith('k1:')).toBe(true);
    expect(sealed).not.toContain('s3cr3t-value');
    expect(box.open(sealed)).toBe('s3cr3t-value');
  });

  it('opens secrets sealed with an older key after rotation', () => {
    const old = new SecretBox('k1', { k1 }).seal('abc');
    const rotated = new SecretBox('k2', { k1, k2 });
    expect(rotated.open(old)).toBe('abc');
    expect(rotated.seal('x').startsWith('k2:')).toBe(true);
  });

  it('refuses a tampered ciphertext', () => {
    const box = new SecretBox('k1', { k1 });
    const parts = box.seal('abcdef').split(':');
    parts[3] = Buffer.from('zzzzzz').toString('base64url');
    expect(() => box.open(parts.join(':'))).toThrow();
  });
});

describe('SecretBox: several keys, associated data', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);

  /** A value sealed the way f107f84 did (4 parts, no associated data). */
  function legacySeal(keyId: string, key: Buffer, plaintext: string) {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      keyId,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      data.toString('base64url'),
    ].join(':');
  }

  it('binds a sealed value to its row and column', () => {
    const box = new SecretBox('k1', { k1 });
    const sealed = box.seal('totp-secret', 'users.totp_secret:A');
    expect(sealed.split(':')).toHaveLength(5);
    expect(box.open(sealed, 'users.totp_secret:A')).toBe('totp-secret');
    expect(() => box.open(sealed, 'users.totp_secret:B')).toThrow();
    expect(() => box.open(sealed)).toThrow();
  });

  it('a bound value cannot be downgraded to the legacy format by dropping its mark', () => {
    const box = new SecretBox('k1', { k1 });
    const sealed = box.seal('abc');
    expect(() => box.open(sealed.split(':').slice(0, 4).join(':'))).toThrow();
  });

  it('still opens legacy values (no associated data), whatever aad the caller passes', () => {
    const box = new SecretBox('k2', { k1, k2 });
    const old = legacySeal('k1', k1, 'from-f107f84');
    expect(box.open(old)).toBe('from-f107f84');
    expect(box.open(old, 'users.totp_secret:A')).toBe('from-f107f84');
    expect(box.needsReseal(old)).toBe(true);
    expect(box.needsReseal(box.seal('x', 'c'))).toBe(false);
  });

  it('parses ENCRYPTION_KEYS_OLD and opens with any listed key', () => {
    const old = parseOldKeys(`k1:${k1.toString('base64')}, k0:${randomBytes(32).toString('base64')}`);
    expect(Object.keys(old)).toEqual(['k1', 'k0']);
    const sealed = new SecretBox('k1', { k1 }).seal('abc', 'ctx');
    expect(new SecretBox('k2', { ...old, k2 }).open(sealed, 'ctx')).toBe('abc');
    expect(() => new SecretBox('k2', { k2 }).open(sealed, 'ctx')).toThrow();
    expect(() => parseOldKeys('nocolon')).toThrow();
  });

  it('keyed digests: one per key, current first, stable and key-dependent', () => {
    const a = new SecretBox('k2', { k1, k2 }).digests('recovery-code', 'ABCDE12345');
    expect(a).toHaveLength(2);
    expect(a[0].startsWith('k2$')).toBe(true);
    expect(new SecretBox('k1', { k1 }).digests('recovery-code', 'ABCDE12345')[0]).toBe(a[1]);
    expect(new SecretBox('k1', { k1 }).digests('other', 'ABCDE12345')[0]).not.toBe(a[1]);
  });
});

describe('generators', () => {
  it('makes S3-shaped credentials', () => {
    expect(newAccessKeyId()).toMatch(/^CSP[A-Z0-9]{17}$/);
    expect(newSecretKey()).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(randomDigits(6)).toMatch(/^\d{6}$/);
  });
});
