import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newAccessKeyId, newSecretKey, randomDigits, SecretBox } from './crypto';

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

describe('generators', () => {
  it('makes S3-shaped credentials', () => {
    expect(newAccessKeyId()).toMatch(/^CSP[A-Z0-9]{17}$/);
    expect(newSecretKey()).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(randomDigits(6)).toMatch(/^\d{6}$/);
  });
});
