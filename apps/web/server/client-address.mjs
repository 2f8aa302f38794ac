// Pure helpers of the front server (front.mjs): which address a request comes from, and which of
// its headers may reach Next. Plain JavaScript so the front server runs without a build step.
import { BlockList, isIP } from 'node:net';

/** The header with the client address the front server decided, and the one with its secret. */
export const CLIENT_IP_HEADER = 'x-csp-client-ip';
export const PROXY_SECRET_HEADER = 'x-csp-proxy-secret';

/** Headers by which a client could claim an address or a route; believed from TRUSTED_PROXIES only. */
const CLAIM_HEADERS = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-port',
  'x-forwarded-proto',
  'x-real-ip',
];
/** Hop-by-hop headers: about this connection, not the request. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'upgrade', 'expect'];

/** "::ffff:127.0.0.1" (an IPv4 peer of a dual-stack socket) is 127.0.0.1. */
export function plainAddress(address) {
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address;
}

/** "10.0.0.0/8, 192.0.2.7, ::1" as a BlockList; throws on an entry that is neither an IP nor a CIDR. */
export function addressList(spec = '') {
  const list = new BlockList();
  for (const entry of spec
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address);
    const prefix = bits === undefined ? undefined : Number(bits);
    if (
      !family ||
      extra !== undefined ||
      (prefix !== undefined &&
        !(Number.isInteger(prefix) && prefix >= 0 && prefix <= (family === 6 ? 128 : 32)))
    ) {
      throw new Error(`TRUSTED_PROXIES: not an IP address or CIDR: ${entry}`);
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return list;
}

export function inList(list, address) {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address: the socket peer, unless the peer is a trusted proxy; then X-Forwarded-For
 * is walked from the right (each proxy appends the address it saw) past trusted hops, and the
 * first untrusted one is the client. An entry that is not an IP ends the walk: the last good hop
 * (a trusted proxy) stands. The left-most entries are whatever the client typed and are never
 * taken while an untrusted hop is to their right.
 */
export function clientAddress(peer, forwardedFor, trustedProxies) {
  let client = plainAddress(peer);
  if (!inList(trustedProxies, client)) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = plainAddress(hops[i]);
    if (!isIP(hop)) break;
    client = hop;
    if (!inList(trustedProxies, hop)) break;
  }
  return client;
}

/**
 * The headers Next receives: the client's own minus hop-by-hop headers; from an untrusted peer
 * also minus every address/route claim and the geo header; never the client's copy of the
 * internal headers. Then the one internal client-address header and the secret proving it.
 */
export function forwardedHeaders(incoming, { peer, trustedProxies, geoHeader, secret }) {
  const headers = { ...incoming };
  const trusted = inList(trustedProxies, plainAddress(peer));
  const connectionListed = String(incoming.connection ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const dropped = [...HOP_BY_HOP, ...connectionListed, CLIENT_IP_HEADER, PROXY_SECRET_HEADER];
  if (!trusted) dropped.push(...CLAIM_HEADERS, ...(geoHeader ? [geoHeader.toLowerCase()] : []));
  for (const name of dropped) delete headers[name];
  headers[CLIENT_IP_HEADER] = clientAddress(peer, incoming['x-forwarded-for'], trustedProxies);
  headers[PROXY_SECRET_HEADER] = secret;
  return headers;
}

/** The caller's language as the API picks it: the `lang` cookie, then Accept-Language; pt-BR. */
export function language(headers) {
  const cookie = /(?:^|;\s*)lang=([^;]*)/.exec(String(headers.cookie ?? ''))?.[1];
  if (cookie === 'en' || cookie === 'pt-BR') return cookie;
  const first = String(headers['accept-language'] ?? '')
    .split(',')[0]
    .trim()
    .toLowerCase();
  return first.startsWith('en') ? 'en' : 'pt-BR';
}
