import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { apiTokens, users } from '@csp/db';
import { approvedAccount, startTestApi, type TestApi } from '../support/harness';
import { createMember } from '../support/grants';
import type { HttpSession } from '../support/http';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

interface Token {
  id: string;
  name: string;
  prefix: string;
  permissions: string[];
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  status: string;
}

async function createToken(session: HttpSession, permissions: string[], extra: Record<string, unknown> = {}) {
  const res = await session.post<{ apiToken: Token; token: string }>('/api/v1/api-tokens', {
    name: 'backup-script',
    permissions,
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** A raw HTTP call with only the bearer token: no cookies. */
function bearer(
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const s = api.session();
  return s.request(method, path, body, { authorization: `Bearer ${token}`, ...headers });
}

describe('API tokens', () => {
  it('work exactly for their permissions, are shown once and stored hashed, and record their use', async () => {
    const { owner, accountId } = await approvedAccount(api, 'tok');
    const { token, apiToken } = await createToken(owner, ['bucket.read', 'bucket.create']);
    expect(token).toMatch(/^csp_[A-Za-z0-9_-]{43}$/);
    expect(apiToken.prefix).toBe(token.slice(0, 12));
    const [row] = await api.db.select().from(apiTokens).where(eq(apiTokens.id, apiToken.id));
    expect(row.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(row.accountId).toBe(accountId);

    const list = await owner.get<{ items: Token[]; grantablePermissions: string[] }>('/api/v1/api-tokens');
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect(list.body.items[0]).toMatchObject({ id: apiToken.id, lastUsedAt: null, status: 'active' });
    expect(list.body.grantablePermissions).not.toContain('api_token.manage');
    expect(list.body.grantablePermissions).not.toContain('grant.manage');

    // Allowed: listed; a write with a foreign Origin works too (no cookie, no CSRF).
    expect((await bearer(token, 'GET', '/api/v1/buckets')).status).toBe(200);
    const name = `tok-${Date.now().toString(36)}`;
    const made = await bearer(token, 'POST', '/api/v1/buckets', { name }, { origin: 'https://evil.example' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    // Outside its permissions
    expect((await bearer(token, 'GET', '/api/v1/access-keys')).status).toBe(403);
    expect((await bearer(token, 'GET', '/api/v1/dashboard')).status).toBe(403);
    // Personal endpoints need an interactive session; staff endpoints never take tokens.
    const me = await bearer(token, 'GET', '/api/v1/me');
    expect(me.status).toBe(403);
    expect(me.body.code).toBe('api_token_not_allowed');
    expect((await bearer(token, 'POST', '/api/v1/auth/logout')).status).toBe(403);
    expect((await bearer(token, 'GET', '/api/v1/staff/accounts')).status).toBe(403);
    expect((await bearer(token, 'GET', '/api/v1/api-tokens')).status).toBe(403);
    // Garbage
    expect((await bearer('csp_nope', 'GET', '/api/v1/buckets')).status).toBe(401);
    expect(
      (await bearer(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'), 'GET', '/api/v1/buckets')).status,
    ).toBe(401);

    const used = await owner.get<{ items: Token[] }>('/api/v1/api-tokens');
    expect(used.body.items[0].lastUsedAt).not.toBeNull();
    expect(used.body.items[0].lastUsedIp).toMatch(/^10\./);

    // The bucket made with the token is audited as the Owner, with the token's id.
    const log = await owner.get<{ items: Array<{ action: string; details: Record<string, unknown> }> }>(
      '/api/v1/audit?action=bucket.created',
    );
    expect(log.body.items[0].details).toMatchObject({ name, apiTokenId: apiToken.id });
  });

  it('reach every bucket their creator reaches, but do there only what they carry', async () => {
    // ResourceAccessService: which buckets is the member's (role and shares), what on them is the token's.
    const { owner } = await approvedAccount(api, 'tokreach');
    const name = `reach-${Date.now().toString(36)}`;
    // The generated client: the request and its answer are typed from openapi.json.
    const made = await owner.api.POST('/api/v1/buckets', { body: { name } });
    expect(made.response.status).toBe(201);
    const bucketId = made.data!.id;
    const listOnly = await createToken(owner, ['bucket.shared.read']);
    const list = await bearer(listOnly.token, 'GET', '/api/v1/buckets');
    expect(list.status).toBe(200);
    const items = (list.body as { items: Array<{ id: string; access?: string }> }).items;
    expect(items.map((b) => b.id)).toEqual([bucketId]);
    expect(items[0].access).toBeUndefined();
    // Listing is not browsing: without object.read the bucket's objects are refused (it exists: 403).
    expect((await bearer(listOnly.token, 'GET', `/api/v1/buckets/${bucketId}/objects`)).status).toBe(403);

    const reader = await createToken(owner, ['bucket.read', 'object.read']);
    expect((await bearer(reader.token, 'GET', `/api/v1/buckets/${bucketId}/objects`)).status).toBe(200);
    const upload = await bearer(reader.token, 'POST', `/api/v1/buckets/${bucketId}/objects/upload-url`, {
      key: 'a.txt',
      size: 1,
    });
    expect(upload.status).toBe(403);
    // A bucket of nobody (or of another account) is 404 whatever the token carries.
    const unknown = await bearer(reader.token, 'GET', `/api/v1/buckets/${crypto.randomUUID()}/objects`);
    expect(unknown.status).toBe(404);
  });

  it('cannot carry more than the creator has', async () => {
    const { owner, accountId } = await approvedAccount(api, 'tokdev');
    const developer = await createMember(api, accountId, 'developer');
    const refused = await developer.session.post('/api/v1/api-tokens', {
      name: 'x',
      permissions: ['bucket.read', 'bucket.create'],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toHaveProperty('permissions');
    expect(
      (await owner.post('/api/v1/api-tokens', { name: 'x', permissions: ['api_token.manage'] })).status,
    ).toBe(400);
    expect((await owner.post('/api/v1/api-tokens', { name: 'x', permissions: [] })).status).toBe(400);
    expect((await owner.post('/api/v1/api-tokens', { name: 'x', permissions: ['root'] })).status).toBe(400);
    expect(
      (
        await owner.post('/api/v1/api-tokens', {
          name: 'x',
          permissions: ['bucket.read'],
          expiresAt: new Date(Date.now() - 1000).toISOString(),
        })
      ).status,
    ).toBe(400);
    const ok = await createToken(developer.session, ['bucket.read']);
    expect((await bearer(ok.token, 'GET', '/api/v1/buckets')).status).toBe(200);
    // Developers see their own tokens only; the Owner sees every token of the account.
    const ownerList = await owner.get<{ items: Token[] }>('/api/v1/api-tokens');
    expect(ownerList.body.items.map((t) => t.id)).toContain(ok.apiToken.id);
    expect((await developer.session.get<{ items: Token[] }>('/api/v1/api-tokens')).body.items).toHaveLength(
      1,
    );

    // A role change narrows existing tokens at once: the token acts with the current role.
    const admin = await createMember(api, accountId, 'admin');
    const adminToken = await createToken(admin.session, ['bucket.create', 'bucket.read']);
    await api.db.update(users).set({ role: 'developer' }).where(eq(users.id, admin.id));
    expect(
      (await bearer(adminToken.token, 'POST', '/api/v1/buckets', { name: `rc-${Date.now().toString(36)}` }))
        .status,
    ).toBe(403);
    expect((await bearer(adminToken.token, 'GET', '/api/v1/buckets')).status).toBe(200);
  });

  it('revoked, expired, or of a disabled user: refused', async () => {
    const { owner, accountId } = await approvedAccount(api, 'tokrev');
    const a = await createToken(owner, ['bucket.read']);
    expect((await owner.delete(`/api/v1/api-tokens/${a.apiToken.id}`)).status).toBe(204);
    const revoked = await bearer(a.token, 'GET', '/api/v1/buckets');
    expect(revoked.status).toBe(401);
    expect(revoked.body.code).toBe('api_token_invalid');

    const b = await createToken(owner, ['bucket.read'], {
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect((await bearer(b.token, 'GET', '/api/v1/buckets')).status).toBe(200);
    await api.db
      .update(apiTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(apiTokens.id, b.apiToken.id));
    expect((await bearer(b.token, 'GET', '/api/v1/buckets')).status).toBe(401);
    expect(
      (await owner.get<{ items: Token[] }>('/api/v1/api-tokens')).body.items.find(
        (t) => t.id === b.apiToken.id,
      )?.status,
    ).toBe('expired');

    const admin = await createMember(api, accountId, 'admin');
    const c = await createToken(admin.session, ['bucket.read']);
    await api.db.update(users).set({ status: 'disabled' }).where(eq(users.id, admin.id));
    expect((await bearer(c.token, 'GET', '/api/v1/buckets')).status).toBe(403);

    // Another account's token id: 404
    const other = await approvedAccount(api, 'tokother');
    const d = await createToken(other.owner, ['bucket.read']);
    expect((await owner.delete(`/api/v1/api-tokens/${d.apiToken.id}`)).status).toBe(404);
    expect((await bearer(d.token, 'GET', '/api/v1/buckets')).status).toBe(200);
    const log = await owner.get<{ items: Array<{ action: string }> }>('/api/v1/audit?resourceType=api_token');
    expect(log.body.items.map((e) => e.action).sort()).toEqual(
      ['api_token.created', 'api_token.created', 'api_token.created', 'api_token.revoked'].sort(),
    );
  });
});
