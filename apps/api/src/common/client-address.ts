import { createHash, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';

/**
 * Who is the client? The API is reached through the web server, whose front server
 * (apps/web/server/front.mjs) is the only component that sees the browser's socket. It sends the
 * address it decided on in CLIENT_IP_HEADER, with WEB_PROXY_SECRET in PROXY_SECRET_HEADER.
 * The API believes that header only when both hold: the peer is one of WEB_PROXY_ADDRESSES
 * (loopback by default) and the secret matches. Anyone else (a client of the API itself, or
 * someone who reaches Next around the front server) is its socket address, whatever it sends:
 * X-Forwarded-For is never read. A claimed value that is not an IP address is ignored.
 */
export const CLIENT_IP_HEADER = 'x-csp-client-ip';
export const PROXY_SECRET_HEADER = 'x-csp-proxy-secret';

/** A list of IPs and CIDRs ("127.0.0.0/8, ::1, 10.0.0.5") as a BlockList; throws on a bad entry. */
export function addressList(spec: string): BlockList {
  const list = new BlockList();
  for (const entry of spec
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address);
    const prefix = bits === undefined ? undefined : Number(bits);
    const maxPrefix = family === 6 ? 128 : 32;
    if (
      !family ||
      extra !== undefined ||
      (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= maxPrefix))
    ) {
      throw new Error(`not an IP address or CIDR: ${entry}`);
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return list;
}

/** "::ffff:127.0.0.1" (an IPv4 client of a dual-stack socket) is 127.0.0.1. */
export function plainAddress(address: string): string {
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address;
}

export function inList(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

const digest = (value: string) => createHash('sha256').update(value).digest();

export interface ClientAddress {
  ip: string;
  /** The request came from the web server (proven peer and secret): its geo header counts too. */
  fromWebServer: boolean;
}

export function clientAddressResolver(config: { WEB_PROXY_SECRET?: string; WEB_PROXY_ADDRESSES: string }) {
  const webServers = addressList(config.WEB_PROXY_ADDRESSES);
  const secret = config.WEB_PROXY_SECRET ? digest(config.WEB_PROXY_SECRET) : null;
  return (
    socketAddress: string | undefined,
    headers: Record<string, string | string[] | undefined>,
  ): ClientAddress => {
    const peer = plainAddress(socketAddress ?? '');
    const sent = headers[PROXY_SECRET_HEADER];
    const fromWebServer =
      secret !== null &&
      typeof sent === 'string' &&
      inList(webServers, peer) &&
      timingSafeEqual(digest(sent), secret);
    const claimed = headers[CLIENT_IP_HEADER];
    if (fromWebServer && typeof claimed === 'string' && isIP(claimed.trim())) {
      return { ip: plainAddress(claimed.trim()), fromWebServer };
    }
    return { ip: peer, fromWebServer };
  };
}
