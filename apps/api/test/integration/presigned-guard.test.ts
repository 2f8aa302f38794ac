// The standing guard: every operation the OpenAPI document marks as returning an S3 URL (x-s3-url)
// is called, and its URL replayed with each dangerous S3 header an attacker could add. Nothing may
// reach another bucket, a locked version or .minio.sys, or make an object the owner cannot manage.
// A newly marked operation fails this test until it is added to CALLS below.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedAccount, startTestApi, type TestApi } from '../support/harness';
import type { HttpSession } from '../support/http';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

interface Signed {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: Uint8Array;
}
type Operation = 'read' | 'write' | 'delete';

const doc = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../../packages/api-client/openapi.json'), 'utf8'),
) as { paths: Record<string, Record<string, { operationId: string; 'x-s3-url'?: unknown }>> };
const marked = Object.values(doc.paths)
  .flatMap((methods) => Object.values(methods))
  .filter((op) => op['x-s3-url'] !== undefined)
  .map((op) => ({ id: op.operationId, marker: op['x-s3-url'] as { signed: Operation } | 'unsigned' }));

const MIB = 1024 * 1024;
const text = (s: string) => new TextEncoder().encode(s);
const OWN = 'own object content';
const SECRET = 'victim secret content';

let owner: HttpSession;
let bucket: { id: string; name: string };
let victimBucket: { name: string };
let lockedVersion: string;
let probes = 0;
/** Objects made by a URL whose added header had nothing to act on (allowed, and checked after). */
const harmless = new Set<string>();

async function makeBucket(session: HttpSession, options: Record<string, unknown>) {
  const name = `grd-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
  const res = await session.post<{ id: string; name: string }>('/api/v1/buckets', { name, ...options });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function upload(session: HttpSession, bucketId: string, key: string, content: string) {
  const body = text(content);
  const s = await session.post<Signed>(`/api/v1/buckets/${bucketId}/objects/upload-url`, {
    key,
    size: body.byteLength,
  });
  expect((await fetch(s.body.url, { method: 'PUT', headers: s.body.headers, body })).status).toBe(200);
}

/** How to obtain a fresh URL from each marked operation (the body it needs, what to send). */
const CALLS: Record<string, () => Promise<Signed>> = {
  presignObjectDownload: async () => {
    const r = await owner.post<Signed>(`/api/v1/buckets/${bucket.id}/objects/download-url`, {
      key: 'own.txt',
    });
    expect(r.status).toBe(200);
    return r.body;
  },
  presignObjectUpload: async () => {
    const body = text('data');
    const r = await owner.post<Signed>(`/api/v1/buckets/${bucket.id}/objects/upload-url`, {
      key: `probe-${++probes}`,
      size: body.byteLength,
    });
    expect(r.status).toBe(200);
    return { ...r.body, body };
  },
  presignObjectDelete: async () => {
    const r = await owner.post<Signed>(`/api/v1/buckets/${bucket.id}/objects/delete-url`, {
      key: 'own.txt',
      versionId: lockedVersion,
    });
    expect(r.status).toBe(200);
    return r.body;
  },
  presignMultipartParts: async () => {
    const key = `probe-${++probes}`;
    const started = await owner.post<{ uploadId: string }>(`/api/v1/buckets/${bucket.id}/objects/multipart`, {
      key,
      size: 5 * MIB,
      partSize: 5 * MIB,
    });
    expect(started.status).toBe(201);
    const r = await owner.post<{ parts: Array<{ url: string; size: number }> }>(
      `/api/v1/buckets/${bucket.id}/objects/multipart/part-urls`,
      { key, uploadId: started.body.uploadId, partNumbers: [1] },
    );
    expect(r.status).toBe(200);
    return {
      url: r.body.parts[0].url,
      method: 'PUT',
      headers: {},
      body: new Uint8Array(r.body.parts[0].size),
    };
  },
};

/** The plain bucket address every `unsigned` operation returns (connection.bucketUrl). */
async function bucketUrl() {
  const r = await owner.get<{ connection: { bucketUrl: string } }>(`/api/v1/buckets/${bucket.id}`);
  expect(r.status).toBe(200);
  return r.body.connection.bucketUrl;
}

/**
 * Each header set, and the operations that must refuse it. Elsewhere it has nothing to act on (a
 * governance bypass on an upload makes a new version; a copy source on a download is ignored), so
 * a 2xx is allowed there, but it still may not reach anything but the URL's own object.
 */
const WRITES: Operation[] = ['write'];
function dangerousHeaders(): Array<[string, Record<string, string>, Operation[]]> {
  const sseKey = randomBytes(32);
  const copyFromVictim = { 'x-amz-copy-source': `/${victimBucket.name}/secret.txt` };
  return [
    ['copy from another account', copyFromVictim, WRITES],
    [
      'ranged copy from another account',
      { ...copyFromVictim, 'x-amz-copy-source-range': 'bytes=0-5' },
      WRITES,
    ],
    ['copy from .minio.sys', { 'x-amz-copy-source': '/.minio.sys/config/iam/format.json' }, WRITES],
    ['governance bypass', { 'x-amz-bypass-governance-retention': 'true' }, ['delete']],
    [
      'compliance retention',
      {
        'x-amz-object-lock-mode': 'COMPLIANCE',
        'x-amz-object-lock-retain-until-date': '2100-01-01T00:00:00Z',
      },
      WRITES,
    ],
    ['legal hold', { 'x-amz-object-lock-legal-hold': 'ON' }, WRITES],
    ['tagging', { 'x-amz-tagging': 'who=attacker' }, WRITES],
    [
      'SSE-C',
      {
        'x-amz-server-side-encryption-customer-algorithm': 'AES256',
        'x-amz-server-side-encryption-customer-key': sseKey.toString('base64'),
        'x-amz-server-side-encryption-customer-key-md5': createHash('md5').update(sseKey).digest('base64'),
      },
      WRITES,
    ],
  ];
}

describe('presigned URL guard: every x-s3-url operation, every dangerous header', () => {
  beforeAll(async () => {
    const victim = await approvedAccount(api, 'guard-victim');
    const vb = await makeBucket(victim.owner, {});
    await upload(victim.owner, vb.id, 'secret.txt', SECRET);
    victimBucket = vb;

    ({ owner } = await approvedAccount(api, 'guard'));
    bucket = await makeBucket(owner, {
      versioning: true,
      objectLock: true,
      defaultRetention: { mode: 'governance', days: 1 },
    });
    await upload(owner, bucket.id, 'own.txt', OWN);
    const versions = await owner.get<{ items: Array<{ versionId: string }> }>(
      `/api/v1/buckets/${bucket.id}/objects/versions?key=own.txt`,
    );
    lockedVersion = versions.body.items[0].versionId;
  });

  it('knows how to call every marked operation', () => {
    const signed = marked.filter((m) => m.marker !== 'unsigned').map((m) => m.id);
    expect(signed.sort()).toEqual(Object.keys(CALLS).sort());
    expect(marked.filter((m) => m.marker === 'unsigned').length).toBeGreaterThan(0);
  });

  for (const { id, operation } of [
    { id: 'presignObjectDownload', operation: 'read' },
    { id: 'presignObjectUpload', operation: 'write' },
    { id: 'presignObjectDelete', operation: 'delete' },
    { id: 'presignMultipartParts', operation: 'write' },
  ] as const) {
    it(`${id} (${operation}): no added header makes the URL do more`, async () => {
      for (const [label, extra, refusedBy] of dangerousHeaders()) {
        const probe = probes + 1;
        const signed = await CALLS[id]();
        const res = await fetch(signed.url, {
          method: signed.method,
          headers: { ...signed.headers, ...extra },
          body: signed.body,
        });
        const body = await res.text();
        expect(body, `${id} + ${label}`).not.toMatch(/CopyObjectResult|CopyPartResult/);
        if (refusedBy.includes(operation)) {
          expect(res.status, `${id} + ${label}: ${body}`).toBeGreaterThanOrEqual(400);
        } else if (operation === 'read' && res.status === 200) {
          // A read may ignore the header, but it reads only what it was issued for.
          expect(body, `${id} + ${label}`).toBe(OWN);
        } else if (id === 'presignObjectUpload' && res.status === 200) {
          harmless.add(`probe-${probe}`);
        }
      }
    });
  }

  it('unsigned bucket addresses: anonymous requests with the same headers are refused', async () => {
    const base = await bucketUrl();
    for (const [label, extra] of dangerousHeaders()) {
      // 403, or 400 where MinIO refuses the header itself first (SSE-C over plain HTTP).
      const put = await fetch(`${base}/anon-${++probes}`, { method: 'PUT', headers: extra, body: text('x') });
      expect([400, 403], `PUT + ${label}`).toContain(put.status);
      const del = await fetch(`${base}/own.txt?versionId=${lockedVersion}`, {
        method: 'DELETE',
        headers: extra,
      });
      expect([400, 403], `DELETE + ${label}`).toContain(del.status);
    }
  });

  it('afterwards: the locked version, the victim’s object and the bucket are as they were', async () => {
    const versions = await owner.get<{ items: Array<{ versionId: string }> }>(
      `/api/v1/buckets/${bucket.id}/objects/versions?key=own.txt`,
    );
    expect(versions.body.items.map((v) => v.versionId)).toContain(lockedVersion);
    const listing = await owner.get<{ objects: Array<{ key: string }> }>(
      `/api/v1/buckets/${bucket.id}/objects`,
    );
    // The owner's own object and the uploads whose header had nothing to act on; every other probe
    // with a dangerous header was refused.
    expect(listing.body.objects.map((o) => o.key).sort()).toEqual(['own.txt', ...harmless].sort());
    expect(harmless.size).toBeLessThanOrEqual(1);
  });
});
