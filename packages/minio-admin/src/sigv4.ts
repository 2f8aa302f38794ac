import { createHash, createHmac } from 'node:crypto';

export interface SigV4Credentials {
  accessKey: string;
  secretKey: string;
  sessionToken?: string;
}

export interface SigV4Request {
  method: string;
  /** Absolute URL; its path and query are signed as given (query may be in any order). */
  url: string | URL;
  /** Extra headers to send and sign (names are case-insensitive). */
  headers?: Record<string, string>;
  body?: Uint8Array | string;
}

export interface SigV4Options {
  /** Defaults to `us-east-1`. */
  region?: string;
  /** Defaults to `s3`. */
  service?: string;
  /** Signing time; defaults to now. */
  date?: Date;
}

export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

// Sent but never signed: proxies and HTTP stacks may rewrite or drop them.
const UNSIGNED_HEADERS = new Set(['authorization', 'content-length', 'user-agent', 'connection', 'expect']);

/** RFC 3986 percent-encoding: everything but unreserved characters (so a space is `%20`, never `+`). */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase(),
  );
}

function decodeQueryComponent(value: string): string {
  // '+' means space in a query (Go's url.ParseQuery, which MinIO uses to rebuild the canonical query).
  const s = value.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Canonical query string: pairs RFC 3986-encoded, sorted by key then value. */
export function canonicalQuery(search: string): string {
  const raw = search.startsWith('?') ? search.slice(1) : search;
  if (raw === '') return '';
  const pairs = raw
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      const k = eq < 0 ? p : p.slice(0, eq);
      const v = eq < 0 ? '' : p.slice(eq + 1);
      return [encodeRfc3986(decodeQueryComponent(k)), encodeRfc3986(decodeQueryComponent(v))] as const;
    });
  // Encoded strings are ASCII, so plain comparison is byte order.
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

/** S3-style canonical URI: each segment encoded once, no dot-segment normalisation. */
export function canonicalUri(pathname: string): string {
  if (pathname === '') return '/';
  return pathname
    .split('/')
    .map((seg) => {
      let decoded: string;
      try {
        decoded = decodeURIComponent(seg);
      } catch {
        decoded = seg;
      }
      return encodeRfc3986(decoded);
    })
    .join('/');
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: Uint8Array | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

export function amzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/**
 * Signs a request with AWS Signature V4 (Authorization header).
 * Returns the complete header set to send: the given headers plus host, x-amz-date,
 * x-amz-content-sha256 (of the exact body), content-length and authorization; all lower-case.
 */
export function signRequest(
  request: SigV4Request,
  credentials: SigV4Credentials,
  options: SigV4Options = {},
): Record<string, string> {
  const url = typeof request.url === 'string' ? new URL(request.url) : request.url;
  const region = options.region ?? 'us-east-1';
  const service = options.service ?? 's3';
  const body =
    request.body === undefined
      ? Buffer.alloc(0)
      : typeof request.body === 'string'
        ? Buffer.from(request.body, 'utf8')
        : request.body;
  const timestamp = amzDate(options.date ?? new Date());
  const day = timestamp.slice(0, 8);

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
  headers['host'] = url.host;
  headers['x-amz-date'] = timestamp;
  headers['x-amz-content-sha256'] = sha256Hex(body);
  if (credentials.sessionToken) headers['x-amz-security-token'] = credentials.sessionToken;
  delete headers['authorization'];

  const signed = Object.keys(headers)
    .filter((n) => !UNSIGNED_HEADERS.has(n))
    .sort();
  const canonicalHeaders = signed.map((n) => `${n}:${headers[n].trim().replace(/\s+/g, ' ')}\n`).join('');
  const signedHeaders = signed.join(';');

  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQuery(url.search),
    canonicalHeaders,
    signedHeaders,
    headers['x-amz-content-sha256'],
  ].join('\n');

  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', timestamp, scope, sha256Hex(canonicalRequest)].join('\n');
  const kDate = hmac('AWS4' + credentials.secretKey, day);
  const kSigning = hmac(hmac(hmac(kDate, region), service), 'aws4_request');
  const signature = createHmac('sha256', kSigning).update(stringToSign, 'utf8').digest('hex');

  headers['content-length'] = String(body.byteLength);
  headers['authorization'] =
    `AWS4-HMAC-SHA256 Credential=${credentials.accessKey}/${scope}, ` +
    `SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return headers;
}
