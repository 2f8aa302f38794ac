import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { accounts, auditEntries } from '@csp/db';
import { approvedAccount, startTestApi, type TestApi } from '../support/harness';
import type { HttpSession } from '../support/http';
import { inviteMember } from '../support/team';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

type Presigned = { url: string; method: string; headers: Record<string, string>; expiresAt: string };
type Listing = {
  bucket: { id: string; name: string; access: string; versioning: boolean; writesBlocked: boolean };
  prefix: string;
  folders: Array<{ prefix: string }>;
  objects: Array<{ key: string; size: number; lastModified: string | null; etag: string | null }>;
  nextContinuationToken: string | null;
};
type Version = {
  key: string;
  versionId: string;
  isLatest: boolean;
  isDeleteMarker: boolean;
  size: number | null;
};

const MIB = 1024 * 1024;

async function createBucket(owner: HttpSession, versioning = false) {
  const name = `obj-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
  const res = await owner.post<{ id: string; name: string }>('/api/v1/buckets', { name, versioning });
  expect(res.status).toBe(201);
  return res.body;
}

/** Uploads through the API's presigned PUT, exactly as the browser does. */
async function put(
  session: HttpSession,
  bucketId: string,
  key: string,
  body: Uint8Array,
  type = 'text/plain',
) {
  const signed = await session.post<Presigned>(`/api/v1/buckets/${bucketId}/objects/upload-url`, {
    key,
    size: body.byteLength,
    contentType: type,
  });
  expect(signed.status, JSON.stringify(signed.body)).toBe(200);
  expect(signed.body.method).toBe('PUT');
  const res = await fetch(signed.body.url, { method: 'PUT', headers: signed.body.headers, body });
  expect(res.status, await res.clone().text()).toBe(200);
  return res;
}

async function list(session: HttpSession, bucketId: string, query = '') {
  const res = await session.get<Listing>(`/api/v1/buckets/${bucketId}/objects${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function download(session: HttpSession, bucketId: string, key: string, versionId?: string) {
  const signed = await session.post<Presigned>(`/api/v1/buckets/${bucketId}/objects/download-url`, {
    key,
    ...(versionId ? { versionId } : {}),
  });
  expect(signed.status, JSON.stringify(signed.body)).toBe(200);
  const res = await fetch(signed.body.url);
  expect(res.status).toBe(200);
  return { res, bytes: new Uint8Array(await res.arrayBuffer()), url: signed.body.url };
}

const text = (s: string) => new TextEncoder().encode(s);

describe('object browser: listing, presigned transfers, folders', () => {
  it('lists folders and objects by prefix, page by page; GET/PUT/DELETE go through presigned URLs', async () => {
    const { owner, accountId } = await approvedAccount(api, 'objects');
    const bucket = await createBucket(owner);

    const empty = await list(owner, bucket.id);
    expect(empty).toMatchObject({ prefix: '', folders: [], objects: [], nextContinuationToken: null });
    expect(empty.bucket).toMatchObject({
      id: bucket.id,
      name: bucket.name,
      access: 'full',
      writesBlocked: false,
    });

    for (const key of ['a.txt', 'b.txt', 'c.txt', 'docs/readme.md', 'docs/2026/plan.txt', 'fotos/ç ã.jpg'])
      await put(owner, bucket.id, key, text(`conteúdo de ${key}`));

    const root = await list(owner, bucket.id);
    expect(root.folders.map((f) => f.prefix)).toEqual(['docs/', 'fotos/']);
    expect(root.objects.map((o) => o.key)).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(root.objects[0].size).toBe(text('conteúdo de a.txt').byteLength);
    expect(root.objects[0].etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(root.objects[0].lastModified).not.toBeNull();

    const docs = await list(owner, bucket.id, '?prefix=docs/');
    expect(docs.folders.map((f) => f.prefix)).toEqual(['docs/2026/']);
    expect(docs.objects.map((o) => o.key)).toEqual(['docs/readme.md']);

    // Pagination: 5 entries at the root (2 folders + 3 files), 2 per page.
    const seen: string[] = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const query: string = `?pageSize=2${token ? `&continuationToken=${encodeURIComponent(token)}` : ''}`;
      const page = await list(owner, bucket.id, query);
      seen.push(...page.folders.map((f) => f.prefix), ...page.objects.map((o) => o.key));
      token = page.nextContinuationToken;
      pages += 1;
    } while (token);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual(['a.txt', 'b.txt', 'c.txt', 'docs/', 'fotos/']);

    // Download: presigned on the public endpoint, path-style, an attachment named after the key.
    const got = await download(owner, bucket.id, 'fotos/ç ã.jpg');
    expect(new TextDecoder().decode(got.bytes)).toBe('conteúdo de fotos/ç ã.jpg');
    expect(got.url.startsWith(`${api.config.s3PublicEndpoint}/${bucket.name}/`)).toBe(true);
    expect(got.url).toContain('X-Amz-Expires=300');
    expect(got.res.headers.get('content-disposition')).toBe(
      `attachment; filename="_ _.jpg"; filename*=UTF-8''%C3%A7%20%C3%A3.jpg`,
    );
    const missing = await owner.post(`/api/v1/buckets/${bucket.id}/objects/download-url`, {
      key: 'nada.txt',
    });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('object_not_found');

    // The PUT URL is bound to the announced size: a bigger body is refused by MinIO.
    const signed = await owner.post<Presigned>(`/api/v1/buckets/${bucket.id}/objects/upload-url`, {
      key: 'limite.bin',
      size: 4,
      contentType: 'application/octet-stream',
    });
    const tooBig = await fetch(signed.body.url, {
      method: 'PUT',
      headers: signed.body.headers,
      body: randomBytes(64),
    });
    expect(tooBig.status).toBe(403);
    expect((await list(owner, bucket.id)).objects.map((o) => o.key)).not.toContain('limite.bin');

    // Delete through a presigned DELETE URL.
    const del = await owner.post<Presigned>(`/api/v1/buckets/${bucket.id}/objects/delete-url`, {
      key: 'b.txt',
    });
    expect(del.status).toBe(200);
    expect(del.body.method).toBe('DELETE');
    expect((await fetch(del.body.url, { method: 'DELETE' })).status).toBe(204);
    expect((await list(owner, bucket.id)).objects.map((o) => o.key)).toEqual(['a.txt', 'c.txt']);

    const actions = await api.db
      .select({ action: auditEntries.action, details: auditEntries.details })
      .from(auditEntries)
      .where(and(eq(auditEntries.accountId, accountId), eq(auditEntries.resourceId, bucket.id)));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['object.upload_authorized', 'object.delete_authorized']),
    );
  });

  it('creates folders as "prefix/" markers, shown as folders, refusing duplicates', async () => {
    const { owner } = await approvedAccount(api, 'objects');
    const bucket = await createBucket(owner);
    const created = await owner.post(`/api/v1/buckets/${bucket.id}/objects/folders`, {
      prefix: 'relatórios',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ prefix: 'relatórios/' });
    const nested = await owner.post(`/api/v1/buckets/${bucket.id}/objects/folders`, {
      prefix: 'relatórios/2026/',
    });
    expect(nested.status).toBe(201);
    const again = await owner.post(`/api/v1/buckets/${bucket.id}/objects/folders`, { prefix: 'relatórios/' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('object_folder_exists');

    expect((await list(owner, bucket.id)).folders).toEqual([{ prefix: 'relatórios/' }]);
    const inside = await list(owner, bucket.id, `?prefix=${encodeURIComponent('relatórios/')}`);
    // The folder's own marker is not listed as a file inside it.
    expect(inside.objects).toEqual([]);
    expect(inside.folders).toEqual([{ prefix: 'relatórios/2026/' }]);
  });
});

describe('multipart uploads from the browser', () => {
  it('create -> presigned parts -> complete makes exactly the uploaded bytes; abort drops an upload', async () => {
    const { owner } = await approvedAccount(api, 'objects');
    const bucket = await createBucket(owner);
    const file = randomBytes(12 * MIB + 12345);

    const started = await owner.post<{ uploadId: string; partSize: number; partCount: number; key: string }>(
      `/api/v1/buckets/${bucket.id}/objects/multipart`,
      { key: 'backups/grande.bin', size: file.byteLength, partSize: 5 * MIB },
    );
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ key: 'backups/grande.bin', partSize: 5 * MIB, partCount: 3 });
    const { uploadId, partSize, partCount } = started.body;

    const urls = await owner.post<{ parts: Array<{ partNumber: number; url: string }> }>(
      `/api/v1/buckets/${bucket.id}/objects/multipart/part-urls`,
      { key: 'backups/grande.bin', uploadId, partNumbers: [1, 2, 3] },
    );
    expect(urls.status).toBe(200);
    const parts = await Promise.all(
      urls.body.parts.map(async ({ partNumber, url }) => {
        const chunk = file.subarray(
          (partNumber - 1) * partSize,
          Math.min(file.byteLength, partNumber * partSize),
        );
        const res = await fetch(url, { method: 'PUT', body: chunk });
        expect(res.status).toBe(200);
        return { partNumber, etag: res.headers.get('etag')! };
      }),
    );
    expect(parts).toHaveLength(partCount);

    // A part list that does not match what was uploaded is refused, and the upload survives it.
    const wrong = await owner.post(`/api/v1/buckets/${bucket.id}/objects/multipart/complete`, {
      key: 'backups/grande.bin',
      uploadId,
      parts: [{ partNumber: 1, etag: '0'.repeat(32) }, ...parts.slice(1)],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('object_parts_mismatch');

    const done = await owner.post<{ key: string; etag: string }>(
      `/api/v1/buckets/${bucket.id}/objects/multipart/complete`,
      { key: 'backups/grande.bin', uploadId, parts },
    );
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.etag).toMatch(/-3"?$/);
    const got = await download(owner, bucket.id, 'backups/grande.bin');
    expect(createHash('sha256').update(got.bytes).digest('hex')).toBe(
      createHash('sha256').update(file).digest('hex'),
    );

    // Abort: the upload disappears; presigning parts for it afterwards is refused; abort is idempotent.
    const other = await owner.post<{ uploadId: string }>(`/api/v1/buckets/${bucket.id}/objects/multipart`, {
      key: 'cancelado.bin',
      size: 20 * MIB,
    });
    expect(other.status).toBe(201);
    const abort = () =>
      owner.post(`/api/v1/buckets/${bucket.id}/objects/multipart/abort`, {
        key: 'cancelado.bin',
        uploadId: other.body.uploadId,
      });
    expect((await abort()).status).toBe(204);
    expect((await abort()).status).toBe(204);
    const afterAbort = await owner.post(`/api/v1/buckets/${bucket.id}/objects/multipart/part-urls`, {
      key: 'cancelado.bin',
      uploadId: other.body.uploadId,
      partNumbers: [1],
    });
    expect(afterAbort.status).toBe(404);
    expect(afterAbort.body.code).toBe('object_upload_invalid');
    expect((await list(owner, bucket.id)).objects).toEqual([]);
  });

  it('picks a part size that keeps within 10,000 parts, and refuses impossible ones', async () => {
    const { owner } = await approvedAccount(api, 'objects');
    const bucket = await createBucket(owner);
    const huge = await owner.post<{ partSize: number; partCount: number; uploadId: string }>(
      `/api/v1/buckets/${bucket.id}/objects/multipart`,
      { key: 'enorme.bin', size: 200 * 1024 * MIB },
    );
    expect(huge.status).toBe(201);
    expect(huge.body.partCount).toBeLessThanOrEqual(10_000);
    expect(huge.body.partSize * huge.body.partCount).toBeGreaterThanOrEqual(200 * 1024 * MIB);
    await owner.post(`/api/v1/buckets/${bucket.id}/objects/multipart/abort`, {
      key: 'enorme.bin',
      uploadId: huge.body.uploadId,
    });

    const tooMany = await owner.post(`/api/v1/buckets/${bucket.id}/objects/multipart`, {
      key: 'x.bin',
      size: 100 * 1024 * MIB,
      partSize: 5 * MIB,
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.fields).toMatchObject({ partSize: expect.stringContaining('10.000') });
  });
});

describe('versions', () => {
  it('lists every version and delete marker of a key; old versions download and delete by id', async () => {
    const { owner } = await approvedAccount(api, 'objects');
    const bucket = await createBucket(owner, true);
    await put(owner, bucket.id, 'notas.txt', text('v1'));
    await put(owner, bucket.id, 'notas.txt', text('versão 2'));
    await put(owner, bucket.id, 'notas.txt.bak', text('outro'));
    const del = await owner.post<Presigned>(`/api/v1/buckets/${bucket.id}/objects/delete-url`, {
      key: 'notas.txt',
    });
    expect((await fetch(del.body.url, { method: 'DELETE' })).status).toBe(204);

    const res = await owner.get<{ items: Version[] }>(
      `/api/v1/buckets/${bucket.id}/objects/versions?key=notas.txt`,
    );
    expect(res.status).toBe(200);
    const items = res.body.items;
    expect(items.every((v) => v.key === 'notas.txt')).toBe(true);
    expect(items.map((v) => [v.isDeleteMarker, v.isLatest, v.size])).toEqual([
      [true, true, null],
      [false, false, text('versão 2').byteLength],
      [false, false, 2],
    ]);
    // The current object is gone from the listing, its versions remain downloadable.
    expect((await list(owner, bucket.id)).objects.map((o) => o.key)).toEqual(['notas.txt.bak']);
    const first = items[2];
    expect(
      new TextDecoder().decode((await download(owner, bucket.id, 'notas.txt', first.versionId)).bytes),
    ).toBe('v1');

    // Deleting one version removes it for good.
    const delVersion = await owner.post<Presigned>(`/api/v1/buckets/${bucket.id}/objects/delete-url`, {
      key: 'notas.txt',
      versionId: first.versionId,
    });
    expect((await fetch(delVersion.body.url, { method: 'DELETE' })).status).toBe(204);
    const after = await owner.get<{ items: Version[] }>(
      `/api/v1/buckets/${bucket.id}/objects/versions?prefix=notas`,
    );
    expect(after.body.items.map((v) => v.key)).toEqual(['notas.txt', 'notas.txt', 'notas.txt.bak']);
    expect(after.body.items.some((v) => v.versionId === first.versionId)).toBe(false);
  });
});

describe('who may do what', () => {
  it('external clients: only shared buckets, read shares cannot write, full shares can', async () => {
    const { owner } = await approvedAccount(api, 'objects');
    const readBucket = await createBucket(owner);
    const fullBucket = await createBucket(owner);
    const hidden = await createBucket(owner);
    await put(owner, readBucket.id, 'leia.txt', text('somente leitura'));
    await put(owner, hidden.id, 'segredo.txt', text('segredo'));
    const client = await inviteMember(api, owner, 'external_client', [
      { bucketId: readBucket.id, access: 'read' },
      { bucketId: fullBucket.id, access: 'full' },
    ]);
    const s = client.session;

    const readList = await list(s, readBucket.id);
    expect(readList.bucket.access).toBe('read');
    expect(readList.objects.map((o) => o.key)).toEqual(['leia.txt']);
    expect(new TextDecoder().decode((await download(s, readBucket.id, 'leia.txt')).bytes)).toBe(
      'somente leitura',
    );
    for (const [path, body] of [
      ['upload-url', { key: 'x.txt', size: 1 }],
      ['delete-url', { key: 'leia.txt' }],
      ['folders', { prefix: 'pasta' }],
      ['multipart', { key: 'x.bin', size: 10 * MIB }],
    ] as const) {
      const res = await s.post(`/api/v1/buckets/${readBucket.id}/objects/${path}`, body);
      expect(res.status, path).toBe(403);
      expect(res.body.code).toBe('object_write_not_allowed');
    }

    expect((await list(s, fullBucket.id)).bucket.access).toBe('full');
    await put(s, fullBucket.id, 'do-cliente.txt', text('enviado pelo cliente'));
    expect(
      (await s.post(`/api/v1/buckets/${fullBucket.id}/objects/folders`, { prefix: 'entregas' })).status,
    ).toBe(201);
    const del = await s.post<Presigned>(`/api/v1/buckets/${fullBucket.id}/objects/delete-url`, {
      key: 'do-cliente.txt',
    });
    expect((await fetch(del.body.url, { method: 'DELETE' })).status).toBe(204);

    // A bucket of the account that is not shared with the client does not exist for them.
    expect((await s.get(`/api/v1/buckets/${hidden.id}/objects`)).status).toBe(404);
    expect(
      (await s.post(`/api/v1/buckets/${hidden.id}/objects/download-url`, { key: 'segredo.txt' })).status,
    ).toBe(404);
  });

  it("developers read but do not write; another account's bucket is 404", async () => {
    const { owner } = await approvedAccount(api, 'objects');
    const bucket = await createBucket(owner);
    await put(owner, bucket.id, 'a.txt', text('a'));
    const dev = await inviteMember(api, owner, 'developer');
    expect((await list(dev.session, bucket.id)).bucket.access).toBe('read');
    const refused = await dev.session.post(`/api/v1/buckets/${bucket.id}/objects/upload-url`, {
      key: 'b.txt',
      size: 1,
    });
    expect(refused.status).toBe(403);

    const other = await approvedAccount(api, 'objects-other');
    for (const [method, path, body] of [
      ['GET', '', undefined],
      ['GET', '/versions', undefined],
      ['POST', '/download-url', { key: 'a.txt' }],
      ['POST', '/upload-url', { key: 'a.txt', size: 1 }],
      ['POST', '/delete-url', { key: 'a.txt' }],
      ['POST', '/folders', { prefix: 'p' }],
      ['POST', '/multipart', { key: 'a.bin', size: 10 * MIB }],
    ] as const) {
      const res = await other.owner.request(method, `/api/v1/buckets/${bucket.id}/objects${path}`, body);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect((await list(owner, bucket.id)).objects.map((o) => o.key)).toEqual(['a.txt']);
  });

  it('an account whose writes are blocked can list, download and delete, but not upload', async () => {
    const { owner, accountId } = await approvedAccount(api, 'objects');
    const bucket = await createBucket(owner);
    await put(owner, bucket.id, 'a.txt', text('a'));
    // A zero quota keeps the block in place if the in-process quota check runs meanwhile.
    await api.db
      .update(accounts)
      .set({ writesBlockedAt: new Date(), quotaBytes: 0n })
      .where(eq(accounts.id, accountId));

    expect((await list(owner, bucket.id)).bucket.writesBlocked).toBe(true);
    for (const [path, body] of [
      ['upload-url', { key: 'b.txt', size: 1 }],
      ['folders', { prefix: 'pasta' }],
      ['multipart', { key: 'b.bin', size: 10 * MIB }],
    ] as const) {
      const res = await owner.post(`/api/v1/buckets/${bucket.id}/objects/${path}`, body);
      expect(res.status, path).toBe(409);
      expect(res.body.code).toBe('object_writes_blocked');
      expect(res.body.message).toContain('bloqueados');
    }
    expect(new TextDecoder().decode((await download(owner, bucket.id, 'a.txt')).bytes)).toBe('a');
    // Deleting is how an account gets back under its quota.
    const del = await owner.post<Presigned>(`/api/v1/buckets/${bucket.id}/objects/delete-url`, {
      key: 'a.txt',
    });
    expect(del.status).toBe(200);

    await api.db
      .update(accounts)
      .set({ writesBlockedAt: null, status: 'read_only' })
      .where(eq(accounts.id, accountId));
    const readOnly = await owner.post(`/api/v1/buckets/${bucket.id}/objects/delete-url`, { key: 'a.txt' });
    expect(readOnly.status).toBe(409);
    expect(readOnly.body.code).toBe('object_writes_blocked');
  });
});

describe('validation', () => {
  it('refuses bad keys, prefixes, page sizes, part numbers and ETags with 400, changing nothing', async () => {
    const { owner } = await approvedAccount(api, 'objects');
    const bucket = await createBucket(owner);
    const base = `/api/v1/buckets/${bucket.id}/objects`;
    const cases: Array<[string, string, unknown, string]> = [
      ['GET', '?prefix=%2Fabs', undefined, 'prefix'],
      ['GET', `?prefix=${'a'.repeat(1025)}`, undefined, 'prefix'],
      ['GET', '?pageSize=0', undefined, 'pageSize'],
      ['GET', '?pageSize=1001', undefined, 'pageSize'],
      ['GET', '?pageSize=abc', undefined, 'pageSize'],
      ['POST', '/upload-url', { key: 'a\u0007b', size: 1 }, 'key'],
      ['POST', '/upload-url', { key: '/lead', size: 1 }, 'key'],
      ['POST', '/upload-url', { key: 'x/../y', size: 1 }, 'key'],
      ['POST', '/upload-url', { key: 'ç'.repeat(513), size: 1 }, 'key'],
      ['POST', '/upload-url', { key: 'ok.txt', size: -1 }, 'size'],
      ['POST', '/upload-url', { key: 'ok.txt', size: 6 * 1024 ** 3 }, 'size'],
      ['POST', '/folders', { prefix: '' }, 'prefix'],
      ['POST', '/multipart', { key: 'a.bin', size: 10, partSize: 1024 }, 'partSize'],
      ['POST', '/multipart/part-urls', { key: 'a.bin', uploadId: 'u', partNumbers: [0] }, 'partNumbers.0'],
      [
        'POST',
        '/multipart/part-urls',
        { key: 'a.bin', uploadId: 'u', partNumbers: [10_001] },
        'partNumbers.0',
      ],
      ['POST', '/multipart/part-urls', { key: 'a.bin', uploadId: 'u', partNumbers: [1, 1] }, 'partNumbers'],
      [
        'POST',
        '/multipart/complete',
        { key: 'a.bin', uploadId: 'u', parts: [{ partNumber: 1, etag: 'nope' }] },
        'parts.0.etag',
      ],
      [
        'POST',
        '/multipart/complete',
        {
          key: 'a.bin',
          uploadId: 'u',
          parts: [
            { partNumber: 2, etag: 'a'.repeat(32) },
            { partNumber: 1, etag: 'b'.repeat(32) },
          ],
        },
        'parts',
      ],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await owner.request<{ fields?: Record<string, string> }>(method, base + path, body);
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(Object.keys(res.body.fields ?? {}), `${method} ${path}`).toContain(field);
    }
    const bad = await owner.request<{ fields: Record<string, string> }>('POST', `${base}/upload-url`, {
      key: '/x',
      size: 1,
    });
    expect(bad.body.fields.key).toContain('1024 bytes');
    const badToken = await owner.get(`${base}?continuationToken=${encodeURIComponent('not-a-token')}`);
    expect(badToken.status).toBe(400);
    expect((await list(owner, bucket.id)).objects).toEqual([]);
  });

  it('lets a browser on the web origin upload: MinIO answers the CORS preflight and exposes ETag', async () => {
    const { owner } = await approvedAccount(api, 'objects');
    const bucket = await createBucket(owner);
    const started = await owner.post<{ uploadId: string }>(`/api/v1/buckets/${bucket.id}/objects/multipart`, {
      key: 'cors.bin',
      size: 6 * MIB,
    });
    const urls = await owner.post<{ parts: Array<{ url: string }> }>(
      `/api/v1/buckets/${bucket.id}/objects/multipart/part-urls`,
      { key: 'cors.bin', uploadId: started.body.uploadId, partNumbers: [1] },
    );
    const origin = api.config.APP_URL;
    const preflight = await fetch(urls.body.parts[0].url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toMatch(new RegExp(`^(\\*|${origin})$`));
    expect(preflight.headers.get('access-control-allow-methods') ?? '').toMatch(/PUT/);
    const res = await fetch(urls.body.parts[0].url, {
      method: 'PUT',
      headers: { origin },
      body: randomBytes(6 * MIB),
    });
    expect(res.status).toBe(200);
    expect((res.headers.get('access-control-expose-headers') ?? '').toLowerCase()).toContain('etag');
    await owner.post(`/api/v1/buckets/${bucket.id}/objects/multipart/abort`, {
      key: 'cors.bin',
      uploadId: started.body.uploadId,
    });
  });
});
