import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { leadingZeroBits, solvePow, verifyPow } from './pow';
import { deviceLabel, placeFromHeader } from './device';

describe('proof-of-work captcha', () => {
  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Uint8Array.from([0, 0, 0xff]))).toBe(16);
    expect(leadingZeroBits(Uint8Array.from([0, 0x10]))).toBe(11);
    expect(leadingZeroBits(Uint8Array.from([0x80]))).toBe(0);
    expect(leadingZeroBits(Uint8Array.from([0, 0]))).toBe(16);
  });

  it('accepts a solved nonce and refuses others', () => {
    const nonce = solvePow('abc123', 12);
    expect(verifyPow('abc123', nonce, 12)).toBe(true);
    const digest = createHash('sha256')
      .update('abc123' + nonce)
      .digest();
    expect(leadingZeroBits(digest)).toBeGreaterThanOrEqual(12);
    // The same nonce for another prefix almost never works at a high difficulty.
    expect(verifyPow('other-prefix', nonce, 24)).toBe(false);
    expect(verifyPow('abc123', nonce, 40)).toBe(false);
  });

  it('refuses malformed nonces', () => {
    expect(verifyPow('p', '', 0)).toBe(false);
    expect(verifyPow('p', 'a'.repeat(33), 0)).toBe(false);
    expect(verifyPow('p', '../x', 0)).toBe(false);
  });
});

describe('device label', () => {
  it.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
      'Chrome on Windows',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15',
      'Safari on macOS',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0', 'Firefox on Linux'],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
      'Safari on iOS',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0',
      'Edge on Windows',
    ],
    ['curl/8.5.0', 'curl'],
    [null, 'Unknown device'],
  ])('%s -> %s', (ua, label) => {
    expect(deviceLabel(ua)).toBe(label);
  });
});

describe('deviceLabel in Portuguese', () => {
  it('uses the user language', () => {
    expect(deviceLabel('Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36', 'pt-BR')).toBe(
      'Chrome em Linux',
    );
    expect(deviceLabel(null, 'pt-BR')).toBe('Dispositivo desconhecido');
  });
});

describe('placeFromHeader', () => {
  it('keeps plain place names and drops anything else', () => {
    expect(placeFromHeader('BR')).toBe('BR');
    expect(placeFromHeader(['São Paulo, BR'])).toBe('São Paulo, BR');
    expect(placeFromHeader('XX')).toBeNull();
    expect(placeFromHeader('<script>')).toBeNull();
    expect(placeFromHeader('x'.repeat(65))).toBeNull();
    expect(placeFromHeader(undefined)).toBeNull();
  });
});
