import { describe, expect, it } from 'vitest';
import { clientDataChallenge, counterAcceptable, relyingParty } from './passkey';

describe('passkey helpers', () => {
  it('derives the relying party from the app URL', () => {
    expect(relyingParty('https://app.example.com:8443/painel', 'Acme')).toEqual({
      rpID: 'app.example.com',
      rpName: 'Acme',
      origin: 'https://app.example.com:8443',
    });
  });

  it('reads the challenge out of clientDataJSON', () => {
    const data = Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge: 'abc_-1' })).toString(
      'base64url',
    );
    expect(clientDataChallenge(data)).toBe('abc_-1');
    expect(clientDataChallenge('not json')).toBeNull();
    expect(clientDataChallenge(42)).toBeNull();
    expect(clientDataChallenge(Buffer.from('{"challenge":5}').toString('base64url'))).toBeNull();
  });

  it('accepts only growing counters (or an authenticator that never counts)', () => {
    expect(counterAcceptable(0, 0)).toBe(true);
    expect(counterAcceptable(0, 1)).toBe(true);
    expect(counterAcceptable(5, 6)).toBe(true);
    expect(counterAcceptable(5, 5)).toBe(false);
    expect(counterAcceptable(5, 0)).toBe(false);
    expect(counterAcceptable(5, 4)).toBe(false);
  });
});
