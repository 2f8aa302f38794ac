import { describe, expect, it } from 'vitest';
import { addressList, clientAddress, forwardedHeaders, language } from './client-address.mjs';

const trusted = addressList('127.0.0.2, 10.0.0.0/8');
const options = { trustedProxies: trusted, geoHeader: 'CF-IPCountry', secret: 'the-secret' };

describe('front server: client address', () => {
  it('is the socket peer for anyone but a trusted proxy', () => {
    expect(clientAddress('127.0.0.1', '6.6.6.6', trusted)).toBe('127.0.0.1');
    expect(clientAddress('::ffff:198.51.100.4', '6.6.6.6', trusted)).toBe('198.51.100.4');
  });

  it('behind trusted proxies is the right-most untrusted hop', () => {
    expect(clientAddress('127.0.0.2', '6.6.6.6, 203.0.113.9', trusted)).toBe('203.0.113.9');
    // Two trusted proxies in a row are skipped.
    expect(clientAddress('127.0.0.2', '6.6.6.6, 203.0.113.9, 10.1.1.1', trusted)).toBe('203.0.113.9');
    // Headers repeated by several proxies arrive as a list.
    expect(clientAddress('127.0.0.2', ['6.6.6.6', '203.0.113.9'], trusted)).toBe('203.0.113.9');
    // No header: the proxy itself. All trusted: the left-most of them.
    expect(clientAddress('127.0.0.2', undefined, trusted)).toBe('127.0.0.2');
    expect(clientAddress('127.0.0.2', '10.2.2.2, 10.1.1.1', trusted)).toBe('10.2.2.2');
    // A hop that is not an IP ends the walk at the last trusted hop.
    expect(clientAddress('127.0.0.2', '203.0.113.9, hello world', trusted)).toBe('127.0.0.2');
    expect(clientAddress('127.0.0.2', 'hello, 10.1.1.1', trusted)).toBe('10.1.1.1');
  });
});

describe('front server: headers passed to Next', () => {
  const claims = {
    host: 'app.example',
    cookie: 'lang=en',
    'x-forwarded-for': '6.6.6.6',
    'x-forwarded-host': 'evil.example',
    'x-real-ip': '6.6.6.7',
    forwarded: 'for=6.6.6.8',
    'cf-ipcountry': 'BR',
    'x-csp-client-ip': '6.6.6.9',
    'x-csp-proxy-secret': 'guess',
    connection: 'keep-alive, x-drop-me',
    'x-drop-me': '1',
  };

  it('from a client: no claims, no geo, no client copy of the internal headers', () => {
    expect(forwardedHeaders(claims, { ...options, peer: '127.0.0.1' })).toEqual({
      host: 'app.example',
      cookie: 'lang=en',
      'x-csp-client-ip': '127.0.0.1',
      'x-csp-proxy-secret': 'the-secret',
    });
  });

  it('from a trusted proxy: its headers stay, the internal ones are still ours', () => {
    const headers = forwardedHeaders(claims, { ...options, peer: '127.0.0.2' });
    expect(headers).toMatchObject({
      'cf-ipcountry': 'BR',
      'x-forwarded-host': 'evil.example',
      'x-csp-client-ip': '6.6.6.6',
      'x-csp-proxy-secret': 'the-secret',
    });
    expect(headers.connection).toBeUndefined();
    expect(headers['x-drop-me']).toBeUndefined();
  });

  it('answers in the caller’s language like the API', () => {
    expect(language({ cookie: 'a=1; lang=en' })).toBe('en');
    expect(language({ 'accept-language': 'en-US,pt;q=0.5' })).toBe('en');
    expect(language({ cookie: 'lang=pt-BR', 'accept-language': 'en' })).toBe('pt-BR');
    expect(language({})).toBe('pt-BR');
  });
});
