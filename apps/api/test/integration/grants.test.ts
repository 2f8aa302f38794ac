import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { eq, sql } from 'drizzle-orm';
import { grants, sessions, staffMembers } from '@csp/db';
import { approvedAccount, staffSession, startTestApi, type TestApi } from '../support/harness';
import { createMember, createStaff, inHours, openSession } from '../support/grants';
import type { HttpSession } from '../support/http';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

interface Grant {
  id: string;
  status: string;
  scope: string;
  kind: string;
  actionCount: number;
  staff: { id: string; fullName: string };
  account: { id: string; name: string };
}
interface AuditPage {
  items: Array<{
    action: string;
    actor: { type: string; id: string; name: string | null };
    grant: { id: string } | null;
    resourceType: string | null;
    details: Record<string, unknown> | null;
  }>;
}

async function grantTo(owner: HttpSession, staffId: string, scope: 'read' | 'full', hours = 2) {
  const res = await owner.post<Grant>('/api/v1/grants', {
    staffId,
    scope,
    reason: 'Chamado #123: ajuda com bucket de backup',
    endsAt: inHours(hours),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function enter(staff: HttpSession, grantId: string) {
  const res = await staff.post<{ account: { id: string } }>(`/api/v1/staff/grants/${grantId}/enter`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(staff.cookie('csp_session')).toBeTruthy();
  return res.body;
}

const bucketName = (label: string) => `grant-${label}-${Date.now().toString(36)}`;

describe('support access granted by the Owner ("serviço assistido")', () => {
  it('without a grant a support member reaches nothing; with a full grant creates a real bucket, attributed to them', async () => {
    const { accountId, owner } = await approvedAccount(api, 'grantfull');
    const support = await createStaff(api, 'support', 'Sofia Suporte');
    const staff = await openSession(api, { staffId: support.id });

    // No grant: no customer session, nothing listed, an unknown grant cannot be entered.
    expect((await staff.get('/api/v1/buckets')).status).toBe(401);
    expect((await staff.get<{ items: unknown[] }>('/api/v1/staff/grants/mine')).body.items).toEqual([]);
    expect((await staff.post(`/api/v1/staff/grants/${crypto.randomUUID()}/enter`)).status).toBe(404);
    expect((await staff.get('/api/v1/staff/accounts')).status).toBe(403);
    expect((await staff.get('/api/v1/staff/grants')).status).toBe(403);

    // The Owner picks them from the support list (names and e-mails only).
    const options = await owner.get<{ items: Array<{ id: string; email: string; role: string }> }>(
      '/api/v1/grants/support-staff',
    );
    expect(options.status).toBe(200);
    expect(options.body.items.map((s) => s.id)).toContain(support.id);
    expect(options.body.items.every((s) => s.role === 'support')).toBe(true);
    expect(Object.keys(options.body.items[0]).sort()).toEqual(['email', 'fullName', 'id', 'role']);

    const grant = await grantTo(owner, support.id, 'full');
    expect(grant).toMatchObject({ status: 'active', scope: 'full', kind: 'support' });

    const mine = await staff.get<{ items: Grant[] }>('/api/v1/staff/grants/mine');
    expect(mine.body.items.map((g) => g.id)).toEqual([grant.id]);
    expect(mine.body.items[0].account.id).toBe(accountId);

    await enter(staff, grant.id);
    const me = await staff.get<{
      user: { role: string; fullName: string };
      grant: { id: string; staff: { fullName: string } };
    }>('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ role: 'admin', fullName: 'Sofia Suporte' });
    expect(me.body.grant).toMatchObject({ id: grant.id, staff: { fullName: 'Sofia Suporte' } });
    // What the session may do, for the portal to show (Rec. 6): the admin role without owner powers
    // and without minting credentials that would outlive the grant.
    const { permissions } = me.body as unknown as { permissions: string[] };
    expect(permissions).toEqual(
      expect.arrayContaining(['bucket.create', 'object.write', 'access_key.revoke']),
    );
    for (const never of ['access_key.create', 'api_token.manage', 'grant.manage', 'team.manage'])
      expect(permissions).not.toContain(never);
    // The staff session is still there, next to the customer-side one.
    expect((await staff.get('/api/v1/staff/me')).status).toBe(200);

    const name = bucketName('full');
    const created = await staff.post<{ id: string }>('/api/v1/buckets', { name, versioning: false });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const s3 = new S3Client({
      endpoint: api.config.MINIO_ENDPOINT,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: {
        accessKeyId: api.config.MINIO_ROOT_USER,
        secretAccessKey: api.config.MINIO_ROOT_PASSWORD,
      },
    });
    await s3.send(new HeadBucketCommand({ Bucket: name }));

    // Never owner powers: no API tokens, no grants, no team.
    expect((await staff.post('/api/v1/api-tokens', { name: 'x', permissions: ['bucket.read'] })).status).toBe(
      403,
    );
    expect((await staff.get('/api/v1/grants')).status).toBe(403);

    // The Owner sees the grant and everything done under it, attributed to the staff member.
    const log = await owner.get<AuditPage>(`/api/v1/audit?grantId=${grant.id}`);
    expect(log.status).toBe(200);
    const actions = log.body.items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['bucket.created', 'grant.entered']));
    const createdEntry = log.body.items.find((e) => e.action === 'bucket.created')!;
    expect(createdEntry.actor).toMatchObject({ type: 'staff', id: support.id, name: 'Sofia Suporte' });
    expect(createdEntry.grant?.id).toBe(grant.id);
    const listed = await owner.get<{ items: Grant[] }>('/api/v1/grants');
    expect(listed.body.items.find((g) => g.id === grant.id)?.actionCount).toBeGreaterThanOrEqual(2);
  });

  it('revocation denies the very next request, and the grant cannot be entered again', async () => {
    const { owner } = await approvedAccount(api, 'grantrev');
    const support = await createStaff(api, 'support');
    const staff = await openSession(api, { staffId: support.id });
    const grant = await grantTo(owner, support.id, 'full');
    await enter(staff, grant.id);
    expect((await staff.get('/api/v1/buckets')).status).toBe(200);

    const revoked = await owner.post<Grant>(`/api/v1/grants/${grant.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    expect((await staff.get('/api/v1/buckets')).status).toBe(401);
    expect((await staff.post('/api/v1/buckets', { name: bucketName('rev') })).status).toBe(401);
    const again = await staff.post(`/api/v1/staff/grants/${grant.id}/enter`);
    expect(again.status).toBe(403);
    expect(again.body.code).toBe('grant_inactive');

    const log = await owner.get<AuditPage>('/api/v1/audit?action=grant.revoked');
    expect(log.body.items).toHaveLength(1);
  });

  it('a read grant lists but cannot create', async () => {
    const { owner } = await approvedAccount(api, 'grantread');
    const support = await createStaff(api, 'support');
    const staff = await openSession(api, { staffId: support.id });
    const grant = await grantTo(owner, support.id, 'read');
    await enter(staff, grant.id);
    expect((await staff.get('/api/v1/me')).body).toMatchObject({ user: { role: 'developer' } });
    expect((await staff.get('/api/v1/buckets')).status).toBe(200);
    expect((await staff.get('/api/v1/access-keys')).status).toBe(200);
    expect((await staff.post('/api/v1/buckets', { name: bucketName('read') })).status).toBe(403);
    expect((await staff.post('/api/v1/access-keys', { name: 'x' })).status).toBe(403);
  });

  it('an expired grant denies at once; a disabled staff member too', async () => {
    const { owner } = await approvedAccount(api, 'grantexp');
    const support = await createStaff(api, 'support');
    const staff = await openSession(api, { staffId: support.id });
    const grant = await grantTo(owner, support.id, 'full');
    await enter(staff, grant.id);
    expect((await staff.get('/api/v1/dashboard')).status).toBe(200);
    await api.db
      .update(grants)
      .set({ endsAt: sql`now() - interval '1 second'` })
      .where(eq(grants.id, grant.id));
    expect((await staff.get('/api/v1/dashboard')).status).toBe(401);
    expect((await staff.post(`/api/v1/staff/grants/${grant.id}/enter`)).status).toBe(403);
    const listed = await owner.get<{ items: Grant[] }>('/api/v1/grants?status=ended');
    expect(listed.body.items.map((g) => g.id)).toEqual([grant.id]);

    const other = await createStaff(api, 'support');
    const otherStaff = await openSession(api, { staffId: other.id });
    const second = await grantTo(owner, other.id, 'full');
    await enter(otherStaff, second.id);
    expect((await otherStaff.get('/api/v1/dashboard')).status).toBe(200);
    await api.db.update(staffMembers).set({ status: 'disabled' }).where(eq(staffMembers.id, other.id));
    expect((await otherStaff.get('/api/v1/dashboard')).status).toBe(401);
  });

  it('validates the grant: support staff only, a period of at most 30 days, a reason; Owner only', async () => {
    const { accountId, owner } = await approvedAccount(api, 'grantval');
    const support = await createStaff(api, 'support');
    const partner = await createStaff(api, 'partner');
    const body = { staffId: support.id, scope: 'full', reason: 'Ajuda', endsAt: inHours(2) };
    const tooLong = await owner.post('/api/v1/grants', { ...body, endsAt: inHours(24 * 31) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.fields).toHaveProperty('endsAt');
    expect((await owner.post('/api/v1/grants', { ...body, endsAt: inHours(-1) })).status).toBe(400);
    expect((await owner.post('/api/v1/grants', { ...body, staffId: partner.id })).status).toBe(400);
    expect((await owner.post('/api/v1/grants', { ...body, reason: '' })).status).toBe(400);
    expect((await owner.post('/api/v1/grants', { ...body, scope: 'owner' })).status).toBe(400);

    const admin = await createMember(api, accountId, 'admin');
    expect((await admin.session.post('/api/v1/grants', body)).status).toBe(403);
    expect((await admin.session.get('/api/v1/grants')).status).toBe(403);
  });

  it("another account's grant is not found (404) for the Owner and cannot be entered by someone else", async () => {
    const a = await approvedAccount(api, 'granta');
    const b = await approvedAccount(api, 'grantb');
    const support = await createStaff(api, 'support');
    const intruder = await createStaff(api, 'support');
    const grant = await grantTo(a.owner, support.id, 'full');
    expect((await b.owner.post(`/api/v1/grants/${grant.id}/revoke`)).status).toBe(404);
    expect((await b.owner.get<AuditPage>(`/api/v1/audit?grantId=${grant.id}`)).body.items).toEqual([]);
    const other = await openSession(api, { staffId: intruder.id });
    expect((await other.post(`/api/v1/staff/grants/${grant.id}/enter`)).status).toBe(404);
    expect((await a.owner.post('/api/v1/grants/not-a-uuid/revoke')).status).toBe(404);
  });
});

describe('partners assigned by a super admin', () => {
  it('a partner reaches exactly the chosen accounts for the window; super admins see and revoke every grant', async () => {
    const a = await approvedAccount(api, 'partnera');
    const b = await approvedAccount(api, 'partnerb');
    const partner = await createStaff(api, 'partner', 'Paulo Parceiro');
    const root = await staffSession(api);
    const partnerSession = await openSession(api, { staffId: partner.id });

    expect((await partnerSession.post('/api/v1/staff/grants', {})).status).toBe(403);
    const options = await root.get<{ items: Array<{ id: string }> }>('/api/v1/staff/grants/staff-options');
    expect(options.body.items.map((s) => s.id)).toContain(partner.id);

    const assigned = await root.post<{ items: Grant[] }>('/api/v1/staff/grants', {
      staffId: partner.id,
      accountIds: [a.accountId],
      scope: 'read',
      reason: 'Parceiro de implantação',
      endsAt: inHours(24 * 60),
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(201);
    expect(assigned.body.items).toHaveLength(1);
    const grant = assigned.body.items[0];
    expect(grant).toMatchObject({ kind: 'partner', scope: 'read', status: 'active' });

    const mine = await partnerSession.get<{ items: Grant[] }>('/api/v1/staff/grants/mine');
    expect(mine.body.items.map((g) => g.account.id)).toEqual([a.accountId]);
    const entered = await enter(partnerSession, grant.id);
    expect(entered.account.id).toBe(a.accountId);
    const me = await partnerSession.get<{ account: { id: string } }>('/api/v1/me');
    expect(me.body.account.id).toBe(a.accountId);
    expect(me.body.account.id).not.toBe(b.accountId);

    const all = await root.get<{ items: Grant[] }>(`/api/v1/staff/grants?accountId=${a.accountId}`);
    expect(all.body.items.map((g) => g.id)).toContain(grant.id);
    // The customer sees the partner's grant too.
    const ownerView = await a.owner.get<{ items: Grant[] }>('/api/v1/grants');
    expect(ownerView.body.items.map((g) => g.id)).toContain(grant.id);

    const revoked = await root.post<Grant>(`/api/v1/staff/grants/${grant.id}/revoke`);
    expect(revoked.body.status).toBe('revoked');
    expect((await partnerSession.get('/api/v1/buckets')).status).toBe(401);
    const [session] = await api.db.select().from(sessions).where(eq(sessions.grantId, grant.id));
    expect(session.revokedAt).not.toBeNull();

    // Windows longer than a year and inactive accounts are refused.
    const bad = await root.post('/api/v1/staff/grants', {
      staffId: partner.id,
      accountIds: [crypto.randomUUID()],
      scope: 'read',
      reason: 'x'.repeat(5),
      endsAt: inHours(2),
    });
    expect(bad.status).toBe(400);
  });
});
