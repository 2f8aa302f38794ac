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

describe('business clock', () => {
  it('is real time by default; production refuses the adjustable one tests use', () => {
    expect(loadConfig(base).BUSINESS_CLOCK).toBe('system');
    expect(loadConfig({ ...base, BUSINESS_CLOCK: 'adjustable' }).BUSINESS_CLOCK).toBe('adjustable');
    const production = { ...base, NODE_ENV: 'production', WEB_PROXY_SECRET: 'x'.repeat(32) };
    expect(loadConfig(production).BUSINESS_CLOCK).toBe('system');
    expect(() => loadConfig({ ...production, BUSINESS_CLOCK: 'adjustable' })).toThrow(/BUSINESS_CLOCK/);
  });
});
