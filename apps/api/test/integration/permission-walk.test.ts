import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEATURE_MODULES } from '../../src/modules/modules';
import { listEndpointAccess, type EndpointAccess } from '../../src/openapi/endpoint-access';
import { roleAllows, staffRoleAllows, type StaffRole, type UserRole } from '../../src/access/permissions';
import { approvedAccount, startTestApi, type TestApi } from '../support/harness';
import type { HttpSession } from '../support/http';
import { inviteMember } from '../support/team';
import { accountDigest, fillPath, sampleBody, sessionFor, staffSessionAs } from '../support/walk';

/**
 * Walks EVERY endpoint of the live route table (new endpoints are covered automatically) with
 * every customer role and every staff role, and checks the answer against the permission tables:
 * denied = 403 before any effect, allowed = anything but 401/403. Ids in paths are random (no
 * resource is touched); bodies are valid samples of each route's own schema.
 */
let api: TestApi;
const endpoints = listEndpointAccess(FEATURE_MODULES);
const userEndpoints = endpoints.filter((e) => e.access?.kind === 'user');
const staffEndpoints = endpoints.filter((e) => e.access?.kind === 'staff');
const publicEndpoints = endpoints.filter((e) => e.access?.kind === 'public');

let accountId: string;
const customers = new Map<UserRole, { userId: string; session: HttpSession }>();

beforeAll(async () => {
  api = await startTestApi();
  const account = await approvedAccount(api, 'walk');
  accountId = account.accountId;
  const me = await account.owner.get<{ user: { id: string } }>('/api/v1/me');
  customers.set('owner', { userId: me.body.user.id, session: account.owner });
  const bucket = await account.owner.post<{ id: string }>('/api/v1/buckets', {
    name: `walk-${Date.now().toString(36)}`,
  });
  for (const role of ['admin', 'developer', 'external_client'] as const) {
    const member = await inviteMember(
      api,
      account.owner,
      role,
      role === 'external_client' ? [{ bucketId: bucket.body.id, access: 'read' }] : [],
    );
    customers.set(role, { userId: member.userId, session: member.session });
  }
});
afterAll(async () => {
  await api?.close();
});

const label = (e: EndpointAccess) => `${e.method} ${e.path}`;

async function call(session: HttpSession, endpoint: EndpointAccess) {
  const path = fillPath(endpoint.path, crypto.randomUUID());
  const body = ['POST', 'PUT', 'PATCH'].includes(endpoint.method)
    ? (sampleBody(endpoint.body) ?? {})
    : undefined;
  return session.request(endpoint.method, path, body);
}

describe('permission walk: every endpoint x every role', () => {
  it('covers the whole route table', () => {
    expect(userEndpoints.length).toBeGreaterThan(15);
    expect(staffEndpoints.length).toBeGreaterThan(3);
    expect(endpoints.filter((e) => !e.access)).toEqual([]);
  });

  it.each(['owner', 'admin', 'developer', 'external_client'] as const)(
    'customer role %s: denied = 403 with nothing changed, allowed = reached',
    async (role) => {
      const customer = customers.get(role)!;
      const denied = userEndpoints.filter(
        (e) => e.access?.kind === 'user' && e.access.permission && !roleAllows(role, e.access.permission),
      );
      const allowed = userEndpoints.filter((e) => !denied.includes(e));
      // Not a vacuous walk: every role below the owner is refused something, the client almost all.
      if (role !== 'owner') expect(denied.length).toBeGreaterThan(0);
      if (role === 'external_client') expect(denied.map(label)).toContain('GET /api/v1/team/members');

      const before = await accountDigest(api, accountId);
      const deniedProblems: string[] = [];
      for (const endpoint of denied) {
        const res = await call(customer.session, endpoint);
        if (res.status !== 403)
          deniedProblems.push(`${label(endpoint)} answered ${res.status}, expected 403`);
      }
      expect(deniedProblems).toEqual([]);
      expect(await accountDigest(api, accountId), 'a denied call changed the account').toBe(before);

      const allowedProblems: string[] = [];
      let session = customer.session;
      for (const endpoint of allowed) {
        const res = await call(session, endpoint);
        if (res.status === 401 || res.status === 403)
          allowedProblems.push(`${label(endpoint)} answered ${res.status} (${String(res.body?.code)})`);
        // Logout and session management may end the walking session: start another one.
        if ((await session.get('/api/v1/me')).status !== 200)
          session = await sessionFor(api, { userId: customer.userId });
      }
      expect(allowedProblems).toEqual([]);

      // Customers never reach staff endpoints (a different cookie).
      for (const endpoint of staffEndpoints)
        expect((await call(session, endpoint)).status, label(endpoint)).toBe(401);
    },
  );

  it.each(['super_admin', 'support', 'partner'] as const)(
    'staff role %s: denied = 403, allowed = reached; never a customer endpoint',
    async (role: StaffRole) => {
      const made = await staffSessionAs(api, role);
      let session = made.session;
      const problems: string[] = [];
      for (const endpoint of staffEndpoints) {
        const permission = endpoint.access?.kind === 'staff' ? endpoint.access.permission : null;
        const allowed = !permission || staffRoleAllows(role, permission);
        const res = await call(session, endpoint);
        if (allowed && (res.status === 401 || res.status === 403))
          problems.push(`${label(endpoint)} answered ${res.status}, expected to be reached`);
        if (!allowed && res.status !== 403)
          problems.push(`${label(endpoint)} answered ${res.status}, expected 403`);
        if ((await session.get('/api/v1/staff/me')).status !== 200) session = await made.signIn();
      }
      expect(problems).toEqual([]);
      for (const endpoint of userEndpoints)
        expect((await call(session, endpoint)).status, label(endpoint)).toBe(401);
    },
  );

  it('anonymous callers: 401 on every protected endpoint, public ones reached', async () => {
    const anon = api.session();
    const problems: string[] = [];
    for (const endpoint of [...userEndpoints, ...staffEndpoints]) {
      const res = await call(anon, endpoint);
      if (res.status !== 401) problems.push(`${label(endpoint)} answered ${res.status}`);
    }
    for (const endpoint of publicEndpoints) {
      const res = await call(api.session(), endpoint);
      if (res.status === 401 || res.status === 403) {
        // Public login endpoints answer 401 to wrong credentials by design.
        if (!/login|auth/.test(endpoint.path)) problems.push(`${label(endpoint)} answered ${res.status}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
