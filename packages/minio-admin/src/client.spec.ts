import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MinioAdminClient } from './client';
import { decryptData, encryptData } from './crypto';
import { MinioAdminError } from './errors';
import { sha256Hex } from './sigv4';

// A fake MinIO: records requests and answers with whatever the current test queued.
interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}
type Reply = (req: Seen, res: http.ServerResponse) => void | Promise<void>;

const SECRET = 'fake-root-secret';
let server: http.Server;
let endpoint: string;
let seen: Seen[] = [];
let reply: Reply = (_req, res) => {
  res.end();
};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      seen.push(s);
      void reply(s, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
});

const client = (extra: Partial<ConstructorParameters<typeof MinioAdminClient>[0]> = {}) =>
  new MinioAdminClient({ endpoint, accessKey: 'root', secretKey: SECRET, ...extra });

function json(res: http.ServerResponse, status: number, body: unknown, gzip = false) {
  const raw = Buffer.from(JSON.stringify(body));
  const data = gzip ? zlib.gzipSync(raw) : raw;
  res.writeHead(status, {
    'content-type': 'application/json',
    'x-amz-request-id': 'REQ123',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(data);
}

describe('MinioAdminClient transport', () => {
  it('signs requests, encodes the query with %20 and always sends Content-Length', async () => {
    reply = (_r, res) => json(res, 200, { status: 'enabled', policyName: 'p1' });
    const info = await client().getUserInfo('tenant one');
    expect(info).toEqual({ status: 'enabled', policyName: 'p1', memberOf: undefined, updatedAt: undefined });
    const [r] = seen;
    expect(r.method).toBe('GET');
    expect(r.url).toBe('/minio/admin/v3/user-info?accessKey=tenant%20one');
    expect(r.headers['content-length']).toBe('0');
    expect(r.headers['x-amz-content-sha256']).toBe(sha256Hex(''));
    expect(r.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
    expect(r.headers['authorization']).toMatch(
      /^AWS4-HMAC-SHA256 Credential=root\/\d{8}\/us-east-1\/s3\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=/,
    );
    expect(r.headers['content-type']).toBeUndefined();
  });

  it('encrypts bodies with the secret key and sends them as application/octet-stream', async () => {
    reply = (_r, res) => json(res, 200, {});
    await client({ apiVersion: 'v9', region: 'eu-west-1' }).addUser('alice', 'alice-secret-1');
    const [r] = seen;
    expect(r.method).toBe('PUT');
    expect(r.url).toBe('/minio/admin/v9/add-user?accessKey=alice');
    expect(r.headers['content-type']).toBe('application/octet-stream');
    expect(r.headers['content-length']).toBe(String(r.body.length));
    expect(r.headers['x-amz-content-sha256']).toBe(sha256Hex(r.body));
    expect(r.headers['authorization']).toContain('/eu-west-1/s3/aws4_request');
    expect(JSON.parse((await decryptData(SECRET, r.body)).toString())).toEqual({
      secretKey: 'alice-secret-1',
      status: 'enabled',
    });
  });

  it('reads gzip-encoded, encrypted responses', async () => {
    const payload = await encryptData(SECRET, Buffer.from(JSON.stringify({ bob: { status: 'disabled' } })));
    reply = (_r, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(zlib.gzipSync(payload));
    };
    expect(await client().listUsers()).toEqual({
      bob: { status: 'disabled', policyName: undefined, memberOf: undefined, updatedAt: undefined },
    });
  });

  it('maps JSON errors to MinioAdminError', async () => {
    reply = (_r, res) =>
      json(res, 403, { Code: 'SignatureDoesNotMatch', Message: 'bad signature', RequestId: 'R-1' }, true);
    const err = await client()
      .listUsers()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MinioAdminError);
    expect(err).toMatchObject({
      code: 'SignatureDoesNotMatch',
      statusCode: 403,
      message: 'bad signature',
      requestId: 'R-1',
    });
  });

  it('maps XML and empty error bodies', async () => {
    reply = (_r, res) => {
      res.writeHead(404, { 'x-amz-request-id': 'R-2' });
      res.end('<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>nope</Message></Error>');
    };
    await expect(client().serverInfo()).rejects.toMatchObject({
      code: 'NoSuchKey',
      statusCode: 404,
      message: 'nope',
      requestId: 'R-2',
    });
    reply = (_r, res) => {
      res.writeHead(502);
      res.end();
    };
    await expect(client().serverInfo()).rejects.toMatchObject({ code: 'HTTP502', statusCode: 502 });
  });

  it('returns null for not-found lookups and rethrows other errors', async () => {
    reply = (_r, res) => json(res, 404, { Code: 'XMinioAdminNoSuchUser', Message: 'no user' });
    expect(await client().getUserInfo('ghost')).toBeNull();
    reply = (_r, res) => json(res, 404, { Code: 'XMinioAdminNoSuchPolicy', Message: 'no policy' });
    expect(await client().getCannedPolicy('ghost')).toBeNull();
    reply = (_r, res) => json(res, 404, { Code: 'XMinioInvalidIAMCredentials', Message: 'no sa' });
    expect(await client().infoServiceAccount('ghost')).toBeNull();
    reply = (_r, res) => json(res, 403, { Code: 'AccessDenied', Message: 'denied' });
    await expect(client().getUserInfo('ghost')).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  it('treats XMinioAdminPolicyChangeAlreadyApplied as success', async () => {
    reply = (_r, res) => json(res, 400, { Code: 'XMinioAdminPolicyChangeAlreadyApplied', Message: 'no-op' });
    expect(await client().attachPolicy({ user: 'u', policies: ['p'] })).toEqual({
      policiesAttached: [],
      policiesDetached: [],
      alreadyApplied: true,
    });
    expect(seen[0].url).toBe('/minio/admin/v3/idp/builtin/policy/attach');
    expect(JSON.parse((await decryptData(SECRET, seen[0].body)).toString())).toEqual({
      policies: ['p'],
      user: 'u',
    });
  });

  it('sends the documented bodies for quota and service accounts', async () => {
    reply = (_r, res) => json(res, 200, {});
    await client().setBucketQuota('b1', 1024);
    await client().setBucketQuota('b1', null);
    expect(JSON.parse(seen[0].body.toString())).toEqual({ quota: 1024, size: 1024, quotatype: 'hard' });
    expect(seen[1].body.toString()).toBe('{}');
    await expect(client().setBucketQuota('b1', 0)).rejects.toThrow(RangeError);

    const creds = await encryptData(
      SECRET,
      Buffer.from(
        JSON.stringify({
          credentials: { accessKey: 'AK', secretKey: 'SK', expiration: '1970-01-01T00:00:00Z' },
        }),
      ),
    );
    reply = (_r, res) => {
      res.writeHead(200);
      res.end(creds);
    };
    const exp = new Date('2030-01-02T03:04:05Z');
    expect(await client().addServiceAccount({ targetUser: 'u', name: 'n', expiration: exp })).toEqual({
      accessKey: 'AK',
      secretKey: 'SK',
      expiration: undefined,
    });
    expect(JSON.parse((await decryptData(SECRET, seen[2].body)).toString())).toEqual({
      targetUser: 'u',
      name: 'n',
      expiration: '2030-01-02T03:04:05.000Z',
    });
  });

  it('fails with NetworkError on timeouts and refused connections', async () => {
    reply = () => undefined; // never answers
    await expect(client({ timeoutMs: 200 }).serverInfo()).rejects.toMatchObject({
      code: 'NetworkError',
      statusCode: 0,
      message: expect.stringContaining('timed out'),
    });
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(
      new MinioAdminClient({
        endpoint: `http://127.0.0.1:${port}`,
        accessKey: 'a',
        secretKey: 'b',
      }).serverInfo(),
    ).rejects.toMatchObject({ code: 'NetworkError', statusCode: 0 });
  });

  it('rejects invalid endpoints', () => {
    expect(() => new MinioAdminClient({ endpoint: 'not a url', accessKey: 'a', secretKey: 'b' })).toThrow(
      TypeError,
    );
    expect(() => new MinioAdminClient({ endpoint: 'ftp://x', accessKey: 'a', secretKey: 'b' })).toThrow(
      TypeError,
    );
  });
});
