import { describe, expect, it } from 'vitest';
import { addressList, clientAddressResolver, inList } from './client-address';

const SECRET = 'a-web-proxy-secret-of-enough-length-0123';
const resolve = clientAddressResolver({ WEB_PROXY_SECRET: SECRET, WEB_PROXY_ADDRESSES: '127.0.0.0/8,::1' });
const fromWeb = { 'x-csp-client-ip': '203.0.113.9', 'x-csp-proxy-secret': SECRET };

describe('client address', () => {
  it('is the web server’s claim only with its secret and from its address', () => {
    expect(resolve('127.0.0.1', fromWeb)).toEqual({ ip: '203.0.113.9', fromWebServer: true });
    expect(resolve('::ffff:127.0.0.1', fromWeb).ip).toBe('203.0.113.9');
    expect(resolve('::1', fromWeb).ip).toBe('203.0.113.9');
    // Right secret, wrong peer: someone else holding the secret is not the web server.
    expect(resolve('192.0.2.1', fromWeb)).toEqual({ ip: '192.0.2.1', fromWebServer: false });
    expect(resolve('127.0.0.1', { ...fromWeb, 'x-csp-proxy-secret': 'wrong' }).fromWebServer).toBe(false);
    expect(resolve('127.0.0.1', { 'x-csp-client-ip': '203.0.113.9' }).ip).toBe('127.0.0.1');
  });

  it('never takes X-Forwarded-For, nor a value that is not an IP', () => {
    expect(resolve('127.0.0.1', { 'x-forwarded-for': '6.6.6.6' }).ip).toBe('127.0.0.1');
    for (const junk of ['hello world', '1.2.3.4, 5.6.7.8', '999.1.1.1', '']) {
      expect(resolve('127.0.0.1', { ...fromWeb, 'x-csp-client-ip': junk })).toEqual({
        ip: '127.0.0.1',
        fromWebServer: true,
      });
    }
    // A repeated header arrives as an array: not a single address either.
    expect(resolve('127.0.0.1', { ...fromWeb, 'x-csp-client-ip': ['1.1.1.1', '2.2.2.2'] }).ip).toBe(
      '127.0.0.1',
    );
  });

  it('believes nobody without a configured secret', () => {
    const none = clientAddressResolver({ WEB_PROXY_ADDRESSES: '127.0.0.0/8' });
    expect(none('127.0.0.1', { ...fromWeb, 'x-csp-proxy-secret': '' })).toEqual({
      ip: '127.0.0.1',
      fromWebServer: false,
    });
  });

  it('parses address lists and refuses bad entries', () => {
    const list = addressList('10.0.0.0/8, 192.0.2.7, 2001:db8::/32');
    expect(inList(list, '10.200.1.1')).toBe(true);
    expect(inList(list, '192.0.2.7')).toBe(true);
    expect(inList(list, '192.0.2.8')).toBe(false);
    expect(inList(list, '2001:db8::1')).toBe(true);
    expect(inList(list, 'hello')).toBe(false);
    for (const bad of ['loopback', '10.0.0.0/33', '1.2.3.4/8/9', '::1/129', '10.0.0.0/x']) {
      expect(() => addressList(bad)).toThrow();
    }
  });
});
