import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import {
  accessKeys,
  apiTokens,
  grants,
  quotaChangeRequests,
  sessions,
  staffMembers,
  webauthnCredentials,
} from '@csp/db';
import { randomToken, sha256Hex } from '../../src/common/crypto';
import { FEATURE_MODULES } from '../../src/modules/modules';
import { roleAllows } from '../../src/access/permissions';
import { listEndpointAccess } from '../../src/openapi/endpoint-access';
import { approvedAccount, startTestApi, type TestApi } from '../support/harness';
import { inviteMember, newMemberEmail } from '../support/team';
import { accountDigest, fillPath, resourceKind, sampleBody } from '../support/walk';

/**
 * Broken object level authorization, walked generically: every customer endpoint that takes an
 * id is called by account B's owner (who holds every customer permission) with a real id of
 * account A's resource of the matching kind. The answer must be 404, as for an id that does not
 * exist, and nothing of account A may change. A new `:id` route whose resource kind has no
 * factory below fails the walk until one is added.
 */
let api: TestApi;
let accountA: string;
const idsOfA = new Map<string, string>();

beforeAll(async () => {
  api = await startTestApi();
  const a = await approvedAccount(api, 'bola-a');
  accountA = a.accountId;
  const bucket = await a.owner.post<{ id: string }>('/api/v1/buckets', {
    name: `bola-${Date.now().toString(36)}`,
  });
  const member = await inviteMember(api, a.owner, 'developer');
  const pending = await a.owner.post<{ id: string }>('/api/v1/team/invitations', {
    email: newMemberEmail('bola'),
    role: 'admin',
  });
  // The initial key: its secret is still revealable, the juiciest target.
  const [key] = await api.db
    .select()
    .from(accessKeys)
    .where(and(eq(accessKeys.accountId, accountA), eq(accessKeys.isInitial, true)));
  const me = await a.owner.get<{ user: { id: string } }>('/api/v1/me');
  const [session] = await api.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, me.body.user.id), isNull(sessions.revokedAt)));
  const [token] = await api.db
    .insert(apiTokens)
    .values({
      accountId: accountA,
      userId: me.body.user.id,
      name: 'bola',
      prefix: 'csp_bola',
      tokenHash: sha256Hex(randomToken()),
      permissions: ['bucket.read'],
    })
    .returning();
  const [staff] = await api.db.select().from(staffMembers).limit(1);
  const [grant] = await api.db
    .insert(grants)
    .values({
      accountId: accountA,
      staffId: staff.id,
      kind: 'support',
      scope: 'read',
      reason: 'cross-account walk',
      startsAt: new Date(),
      endsAt: new Date(Date.now() + 3600_000),
      createdByUserId: me.body.user.id,
    })
    .returning();

  idsOfA.set('buckets', bucket.body.id);
  idsOfA.set('access-keys', key.id);
  idsOfA.set('members', member.userId);
  idsOfA.set('invitations', pending.body.id);
  idsOfA.set('sessions', session.id);
  idsOfA.set('api-tokens', token.id);
  idsOfA.set('grants', grant.id);
  const [passkey] = await api.db
    .insert(webauthnCredentials)
    .values({
      userId: me.body.user.id,
      credentialId: randomToken(16),
      publicKey: randomToken(32),
      name: 'bola',
    })
    .returning();
  idsOfA.set('passkeys', passkey.id);
  const [quotaRequest] = await api.db
    .insert(quotaChangeRequests)
    .values({
      accountId: accountA,
      requestedByUserId: me.body.user.id,
      currentBytes: 10_000_000_000n,
      requestedBytes: 50_000_000_000n,
      reason: 'cross-account walk',
    })
    .returning();
  idsOfA.set('requests', quotaRequest.id);
});
afterAll(async () => {
  await api?.close();
});

describe('cross-account walk: every :id endpoint with another account’s real ids', () => {
  it('answers 404 and changes nothing in the other account', async () => {
    const b = await approvedAccount(api, 'bola-b');
    const routes = listEndpointAccess(FEATURE_MODULES).filter(
      (e) =>
        e.access?.kind === 'user' &&
        e.path.includes('/:') &&
        (!e.access.permission || roleAllows('owner', e.access.permission)),
    );
    expect(routes.length).toBeGreaterThanOrEqual(10);
    const unmapped = routes.filter((r) => !idsOfA.has(resourceKind(r.path)));
    expect(
      unmapped.map((r) => `${r.method} ${r.path} (kind "${resourceKind(r.path)}": add a factory)`),
    ).toEqual([]);

    const before = await accountDigest(api, accountA);
    const problems: string[] = [];
    let session = b.owner;
    for (const route of routes) {
      const id = idsOfA.get(resourceKind(route.path))!;
      // A DELETE that declares a body (passkey removal: password + second factor) gets one too.
      const body =
        ['POST', 'PUT', 'PATCH'].includes(route.method) || route.body
          ? (sampleBody(route.body) ?? {})
          : undefined;
      const res = await session.request(route.method, fillPath(route.path, id), body);
      if (res.status !== 404)
        problems.push(
          `${route.method} ${route.path} with A's ${resourceKind(route.path)} answered ${res.status}`,
        );
      else expect(JSON.stringify(res.body)).not.toContain(id);
      if ((await session.get('/api/v1/me')).status !== 200)
        session = (await approvedAccount(api, 'bola-b')).owner;
    }
    expect(problems).toEqual([]);
    expect(await accountDigest(api, accountA), 'account A changed').toBe(before);
    const passkeysOfA = await api.db
      .select()
      .from(webauthnCredentials)
      .where(eq(webauthnCredentials.id, idsOfA.get('passkeys')!));
    expect(passkeysOfA, "A's passkey survived").toHaveLength(1);
  });

  it('lists never leak the other account: B sees only its own members, invitations and buckets', async () => {
    const b = await approvedAccount(api, 'bola-b');
    const members = await b.owner.get<{ items: Array<{ id: string }> }>('/api/v1/team/members');
    expect(members.body.items.map((m) => m.id)).not.toContain(idsOfA.get('members'));
    expect(members.body.items).toHaveLength(1);
    const invitations = await b.owner.get<{ items: unknown[] }>('/api/v1/team/invitations');
    expect(invitations.body.items).toEqual([]);
    const buckets = await b.owner.get<{ items: Array<{ id: string }> }>('/api/v1/buckets');
    expect(buckets.body.items.map((x) => x.id)).not.toContain(idsOfA.get('buckets'));
    // An invitation of A cannot share A's bucket with B's invitee, nor B's with A.
    const foreign = await b.owner.post('/api/v1/team/invitations', {
      email: newMemberEmail('bola-x'),
      role: 'external_client',
      buckets: [{ bucketId: idsOfA.get('buckets'), access: 'full' }],
    });
    expect(foreign.status).toBe(400);
  });
});
