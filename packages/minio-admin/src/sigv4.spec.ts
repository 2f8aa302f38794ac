import { createHash, createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { EMPTY_SHA256, amzDate, canonicalQuery, canonicalUri, encodeRfc3986, signRequest } from './sigv4';

// Example credentials and date from the AWS S3 SigV4 documentation ("Examples: Signature calculations").
const DOC_CREDS = {
  accessKey: 'AKIAIOSFODNN7EXAMPLE',
  secretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const DOC_DATE = new Date('2013-05-24T00:00:00Z');
const DOC_HOST = 'https://examplebucket.s3.amazonaws.com';

function signatureOf(authorization: string): string {
  return /Signature=([0-9a-f]{64})$/.exec(authorization)?.[1] ?? '';
}

describe('SigV4 against the AWS S3 documentation examples', () => {
  it('GET Object with a Range header', () => {
    const h = signRequest(
      { method: 'GET', url: `${DOC_HOST}/test.txt`, headers: { Range: 'bytes=0-9' } },
      DOC_CREDS,
      { date: DOC_DATE },
    );
    expect(h['x-amz-content-sha256']).toBe(EMPTY_SHA256);
    expect(h['x-amz-date']).toBe('20130524T000000Z');
    expect(h['content-length']).toBe('0');
    expect(h['authorization']).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('PUT Object with a body, a Date header and a reserved character in the key', () => {
    const h = signRequest(
      {
        method: 'PUT',
        url: `${DOC_HOST}/test$file.text`,
        headers: { Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
        body: 'Welcome to Amazon S3.',
      },
      DOC_CREDS,
      { date: DOC_DATE },
    );
    expect(h['x-amz-content-sha256']).toBe(
      '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072',
    );
    expect(h['content-length']).toBe('21');
    expect(signatureOf(h['authorization'])).toBe(
      '98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
    );
  });

  it('GET Bucket lifecycle (query key without value)', () => {
    const h = signRequest({ method: 'GET', url: `${DOC_HOST}/?lifecycle` }, DOC_CREDS, { date: DOC_DATE });
    expect(signatureOf(h['authorization'])).toBe(
      'fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543',
    );
  });

  it('GET Bucket (list objects) with query parameters', () => {
    const h = signRequest({ method: 'GET', url: `${DOC_HOST}/?max-keys=2&prefix=J` }, DOC_CREDS, {
      date: DOC_DATE,
    });
    expect(signatureOf(h['authorization'])).toBe(
      '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7',
    );
  });
});

describe('SigV4 canonicalisation', () => {
  it('encodes per RFC 3986 (space as %20, reserved characters escaped)', () => {
    expect(encodeRfc3986("a b+c*d'(e)!~_-.")).toBe('a%20b%2Bc%2Ad%27%28e%29%21~_-.');
    expect(encodeRfc3986('ü/=')).toBe('%C3%BC%2F%3D');
  });

  it('sorts query keys, then values, and re-encodes them uniformly', () => {
    expect(canonicalQuery('?b=2&a=x%20y&a=w&c')).toBe('a=w&a=x%20y&b=2&c=');
    expect(canonicalQuery('name=a+b')).toBe('name=a%20b');
    expect(canonicalQuery('k=%2a')).toBe('k=%2A');
    expect(canonicalQuery('')).toBe('');
  });

  it('keeps the path as is apart from encoding (S3 style, no double encoding)', () => {
    expect(canonicalUri('/minio/admin/v3/idp/builtin/policy/attach')).toBe(
      '/minio/admin/v3/idp/builtin/policy/attach',
    );
    expect(canonicalUri('/a%20b/c$d')).toBe('/a%20b/c%24d');
  });

  it('formats the amz date', () => {
    expect(amzDate(new Date('2026-02-03T04:05:06.789Z'))).toBe('20260203T040506Z');
  });

  it('signs region and session token, and never signs content-length or authorization', () => {
    const h = signRequest(
      {
        method: 'POST',
        url: 'http://127.0.0.1:9000/minio/admin/v3/x',
        headers: { Authorization: 'old' },
        body: 'abc',
      },
      { ...DOC_CREDS, sessionToken: 'tok' },
      { region: 'eu-west-3', date: DOC_DATE },
    );
    expect(h['host']).toBe('127.0.0.1:9000');
    expect(h['x-amz-security-token']).toBe('tok');
    expect(h['authorization']).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/20130524\/eu-west-3\/s3\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/,
    );
    expect(h['content-length']).toBe('3');
  });
});

// @smithy/signature-v4 comes with @aws-sdk/client-s3; used here only as an independent oracle.
interface SmithySigner {
  sign(
    req: {
      method: string;
      protocol: string;
      hostname: string;
      port?: number;
      path: string;
      query: Record<string, string | string[]>;
      headers: Record<string, string>;
      body?: unknown;
    },
    opts: { signingDate: Date; unsignableHeaders?: Set<string> },
  ): Promise<{ headers: Record<string, string> }>;
}
type SmithyModule = { SignatureV4: new (init: Record<string, unknown>) => SmithySigner };

function loadSmithy(): SmithyModule | undefined {
  try {
    return createRequire(__filename)('@smithy/signature-v4') as SmithyModule;
  } catch {
    return undefined;
  }
}
const smithy = loadSmithy();

class NodeSha256 {
  private readonly h: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;
  constructor(secret?: string | Uint8Array) {
    this.h = secret === undefined ? createHash('sha256') : createHmac('sha256', secret);
  }
  update(data: string | Uint8Array) {
    this.h.update(data);
  }
  async digest() {
    return new Uint8Array(this.h.digest());
  }
}

describe.skipIf(!smithy)('SigV4 against @smithy/signature-v4 (oracle)', () => {
  const cases: Array<{
    method: string;
    url: string;
    body?: string;
    headers?: Record<string, string>;
    region?: string;
  }> = [
    { method: 'GET', url: 'http://127.0.0.1:9000/minio/admin/v3/list-users' },
    { method: 'GET', url: 'http://127.0.0.1:9000/minio/admin/v3/user-info?accessKey=tenant%20one' },
    {
      method: 'PUT',
      url: 'http://localhost:9000/minio/admin/v3/add-canned-policy?name=p%2Bq&zeta=1&alpha=%C3%BC',
      body: '{"Version":"2012-10-17"}',
      headers: { 'content-type': 'application/octet-stream' },
    },
    {
      method: 'POST',
      url: 'https://minio.example.com/minio/admin/v3/update-service-account?accessKey=AK~._-',
      body: 'x'.repeat(1000),
      region: 'eu-central-1',
    },
    { method: 'DELETE', url: 'http://10.0.0.1:9000/minio/admin/v3/remove-user?accessKey=a*b(c)', region: '' },
  ];

  it.each(cases.map((c) => [c.method + ' ' + c.url, c] as const))('%s', async (_name, c) => {
    const date = new Date('2026-01-15T10:20:30Z');
    const creds = { accessKey: 'minioadmin', secretKey: 'minio-secret/Key+123' };
    const mine = signRequest({ method: c.method, url: c.url, body: c.body, headers: c.headers }, creds, {
      region: c.region,
      date,
    });

    const url = new URL(c.url);
    const query: Record<string, string | string[]> = {};
    for (const [k, v] of url.searchParams) {
      const prev = query[k];
      query[k] = prev === undefined ? v : ([] as string[]).concat(prev, v);
    }
    const headers = { ...mine };
    delete headers['authorization'];
    const signer = new smithy!.SignatureV4({
      credentials: { accessKeyId: creds.accessKey, secretAccessKey: creds.secretKey },
      region: c.region ?? 'us-east-1',
      service: 's3',
      sha256: NodeSha256,
      uriEscapePath: false,
      applyChecksum: true,
    });
    const signed = await signer.sign(
      {
        method: c.method,
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port ? Number(url.port) : undefined,
        path: url.pathname,
        query,
        headers,
        body: c.body,
      },
      { signingDate: date, unsignableHeaders: new Set(['content-length']) },
    );
    expect(signed.headers['authorization']).toMatch(/Signature=[0-9a-f]{64}$/);
    expect(mine['authorization']).toBe(signed.headers['authorization']);
  });
});
