import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const base = {
  DATABASE_URL: 'postgres://x@127.0.0.1/x',
  MINIO_ENDPOINT: 'http://127.0.0.1:9000',
  MINIO_ROOT_USER: 'root',
  MINIO_ROOT_PASSWORD: 'root-password',
  ENCRYPTION_KEY: randomBytes(32).toString('base64'),
};

describe('security configuration', () => {
  it('asks 20 bits of proof of work by default (about 1 s in a browser)', () => {
    expect(loadConfig(base).CAPTCHA_DIFFICULTY).toBe(20);
  });

  it('accepts old encryption keys as id:base64 and refuses malformed ones', () => {
    const old = `k0:${randomBytes(32).toString('base64')}`;
    expect(
      loadConfig({ ...base, ENCRYPTION_KEY_ID: 'k1', ENCRYPTION_KEYS_OLD: old }).ENCRYPTION_KEYS_OLD,
    ).toBe(old);
    expect(() => loadConfig({ ...base, ENCRYPTION_KEYS_OLD: 'k0:short' })).toThrow(/ENCRYPTION_KEYS_OLD/);
    expect(() => loadConfig({ ...base, ENCRYPTION_KEY_ID: 'has:colon' })).toThrow(/ENCRYPTION_KEY_ID/);
  });
});
