import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditEntries, invitations, sessions, users } from '@csp/db';
import { readMail } from '@csp/local-services';
import { approvedAccount, startTestApi, type TestApi } from '../support/harness';
import type { HttpSession } from '../support/http';
import {
  invitationTokenFromMail,
  inviteMember,
  MEMBER_PASSWORD,
  newMemberEmail,
  signIn,
} from '../support/team';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

type Member = {
  id: string;
  email: string;
  role: string;
  status: string;
  lastAccessAt: string | null;
  isYou: boolean;
  buckets: Array<{ bucketId: string; name: string; access: string }>;
};
type Invitation = { id: string; email: string; role: string; status: string; sendCount: number };

async function createBucket(owner: HttpSession, prefix: string) {
  const name = `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
  const res = await owner.post<{ id: string; name: string }>('/api/v1/buckets', { name });
  expect(res.status).toBe(201);
  return res.body;
}

async function members(owner: HttpSession, query = '') {
  const res = await owner.get<{ items: Member[] }>(`/api/v1/team/members${query}`);
  expect(res.status).toBe(200);
  return res.body.items;
}

async function auditActions(accountId: string) {
  const rows = await api.db
    .select({ action: auditEntries.action })
    .from(auditEntries)
    .where(eq(auditEntries.accountId, accountId));
  return rows.map((r) => r.action);
}

describe('invitations (PRD 4.3)', () => {
  it('invites by e-mail with the PRD e-mail; the hashed, 256-bit link works once and makes a member', async () => {
    const { owner, accountId, input } = await approvedAccount(api, 'team');
    const email = newMemberEmail('dev');
    const since = new Date(Date.now() - 1000);
    const created = await owner.post<Invitation>('/api/v1/team/invitations', { email, role: 'developer' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email, role: 'developer', status: 'pending', sendCount: 1 });

    const { token, mail } = await invitationTokenFromMail(api, email, since);
    expect(mail.subject).toMatch(/^Convite para Empresa team .+ no CloudStorage Pro$/);
    expect(mail.text).toContain(`Maria Teste Silva (${input.email}) convidou você para se juntar`);
    expect(mail.text).toContain('Papel: Developer (visualização apenas)');
    expect(mail.text).toContain('Este link expira em 7 dias.');
    expect(token.length).toBeGreaterThanOrEqual(43); // 32 random bytes, base64url
    const [stored] = await api.db.select().from(invitations).where(eq(invitations.id, created.body.id));
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const days = (stored.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    const anon = api.session();
    const preview = await anon.post('/api/v1/invitations/lookup', { token });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ email, role: 'developer', invitedByName: 'Maria Teste Silva' });

    const weak = await anon.post('/api/v1/invitations/accept', {
      token,
      fullName: 'Ana Souza',
      password: 'fraca',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.fields).toMatchObject({ password: 'A senha precisa ter pelo menos 8 caracteres.' });

    const accepted = await anon.post('/api/v1/invitations/accept', {
      token,
      fullName: 'Ana Souza',
      password: MEMBER_PASSWORD,
    });
    expect(accepted.status).toBe(201);
    const again = await anon.post('/api/v1/invitations/accept', {
      token,
      fullName: 'Outra Pessoa',
      password: MEMBER_PASSWORD,
    });
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('team_invitation_invalid');
    expect((await anon.post('/api/v1/invitations/lookup', { token })).status).toBe(404);

    const dev = await signIn(api, email);
    const me = await dev.get<{ user: { role: string }; account: { id: string } }>('/api/v1/me');
    expect(me.body.user.role).toBe('developer');
    expect(me.body.account.id).toBe(accountId);
    const list = await members(owner);
    expect(list.map((m) => m.email)).toEqual([input.email, email]);
    expect(list.find((m) => m.email === email)!.lastAccessAt).not.toBeNull();
    expect(list[0].isYou).toBe(true);
    const pending = await owner.get<{ items: Invitation[] }>('/api/v1/team/invitations');
    expect(pending.body.items).toEqual([]);
    expect(await auditActions(accountId)).toEqual(
      expect.arrayContaining(['team.invitation_created', 'team.invitation_accepted']),
    );
  });

  it('refuses what cannot be: own member (409), duplicate, owner role, buckets for non-clients, foreign buckets', async () => {
    const { input, owner } = await approvedAccount(api, 'team');
    const other = await approvedAccount(api, 'team-other');
    const foreignBucket = await createBucket(other.owner, 'alheio');

    const member = await owner.post('/api/v1/team/invitations', { email: input.email, role: 'admin' });
    expect(member.status).toBe(409);
    expect(member.body.code).toBe('team_email_is_member');

    const email = newMemberEmail('dup');
    expect((await owner.post('/api/v1/team/invitations', { email, role: 'admin' })).status).toBe(201);
    const dup = await owner.post('/api/v1/team/invitations', { email, role: 'developer' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('team_invitation_open');

    const asOwner = await owner.post('/api/v1/team/invitations', {
      email: newMemberEmail('x'),
      role: 'owner',
    });
    expect(asOwner.status).toBe(400);
    expect(asOwner.body.fields).toHaveProperty('role');

    const noBuckets = await owner.post('/api/v1/team/invitations', {
      email: newMemberEmail('x'),
      role: 'external_client',
    });
    expect(noBuckets.status).toBe(400);
    expect(noBuckets.body.code).toBe('validation_failed');

    const foreign = await owner.post('/api/v1/team/invitations', {
      email: newMemberEmail('x'),
      role: 'external_client',
      buckets: [{ bucketId: foreignBucket.id, access: 'read' }],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.fields).toMatchObject({
      buckets: 'Um dos buckets escolhidos não existe nesta conta.',
    });

    const devWithBuckets = await owner.post('/api/v1/team/invitations', {
      email: newMemberEmail('x'),
      role: 'developer',
      buckets: [{ bucketId: foreignBucket.id, access: 'read' }],
    });
    expect(devWithBuckets.status).toBe(400);
  });

  it('sends the e-mail in English when the owner works in English, listing the shared buckets', async () => {
    const { owner, input } = await approvedAccount(api, 'team');
    const bucket = await createBucket(owner, 'en-share');
    const ownerEn = api.session('en');
    const login = await ownerEn.post('/api/v1/auth/login', { email: input.email, password: input.password });
    expect(login.status).toBe(200);
    const email = newMemberEmail('en');
    const since = new Date(Date.now() - 1000);
    const res = await ownerEn.post('/api/v1/team/invitations', {
      email,
      role: 'external_client',
      buckets: [{ bucketId: bucket.id, access: 'full' }],
    });
    expect(res.status).toBe(201);
    const mail = await readMail(api.mailUrl, { to: email, since, subjectIncludes: 'Invitation to' });
    expect(mail.text).toContain('Role: External Client (shared buckets only)');
    expect(mail.text).toContain(`- ${bucket.name} (full)`);
    expect(mail.text).toContain('This link expires in 7 days.');
    const dup = await ownerEn.post('/api/v1/team/invitations', { email, role: 'admin' });
    expect(dup.body.message).toBe(
      'There is already a pending invitation for this e-mail. Resend it instead of creating another.',
    );
  });

  it('expires after 7 days; resend (rate-limited) sends a new link and the old one stops working', async () => {
    const { owner, accountId } = await approvedAccount(api, 'team');
    const email = newMemberEmail('exp');
    const since = new Date(Date.now() - 1000);
    const created = await owner.post<Invitation>('/api/v1/team/invitations', { email, role: 'admin' });
    const { token: first } = await invitationTokenFromMail(api, email, since);

    await api.db
      .update(invitations)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(invitations.id, created.body.id));
    const anon = api.session();
    const expired = await anon.post('/api/v1/invitations/lookup', { token: first });
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe('team_invitation_expired');
    const acceptExpired = await anon.post('/api/v1/invitations/accept', {
      token: first,
      fullName: 'Ana Souza',
      password: MEMBER_PASSWORD,
    });
    expect(acceptExpired.status).toBe(410);
    const listed = await owner.get<{ items: Invitation[] }>('/api/v1/team/invitations');
    expect(listed.body.items[0]).toMatchObject({ id: created.body.id, status: 'expired' });

    // Sent less than a minute ago: wait.
    const tooSoon = await owner.post(`/api/v1/team/invitations/${created.body.id}/resend`);
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.headers.get('retry-after')).toMatch(/^\d+$/);

    await api.db
      .update(invitations)
      .set({ lastSentAt: sql`now() - interval '2 minutes'` })
      .where(eq(invitations.id, created.body.id));
    const since2 = new Date();
    const resent = await owner.post<Invitation>(`/api/v1/team/invitations/${created.body.id}/resend`);
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ status: 'pending', sendCount: 2 });
    const { token: second } = await invitationTokenFromMail(api, email, since2);
    expect(second).not.toBe(first);
    expect((await anon.post('/api/v1/invitations/lookup', { token: first })).status).toBe(404);
    expect((await anon.post('/api/v1/invitations/lookup', { token: second })).status).toBe(200);

    // At most 5 sends in all.
    await api.db
      .update(invitations)
      .set({ sendCount: 5, lastSentAt: sql`now() - interval '2 minutes'` })
      .where(eq(invitations.id, created.body.id));
    const limit = await owner.post(`/api/v1/team/invitations/${created.body.id}/resend`);
    expect(limit.status).toBe(409);
    expect(limit.body.code).toBe('team_invitation_send_limit');
    expect(await auditActions(accountId)).toContain('team.invitation_resent');
  });

  it('cancels a pending invitation: the link stops working, a second cancel is 404', async () => {
    const { owner, accountId } = await approvedAccount(api, 'team');
    const email = newMemberEmail('cancel');
    const since = new Date(Date.now() - 1000);
    const created = await owner.post<Invitation>('/api/v1/team/invitations', { email, role: 'developer' });
    const { token } = await invitationTokenFromMail(api, email, since);
    expect((await owner.delete(`/api/v1/team/invitations/${created.body.id}`)).status).toBe(204);
    expect((await owner.delete(`/api/v1/team/invitations/${created.body.id}`)).status).toBe(404);
    const anon = api.session();
    expect((await anon.post('/api/v1/invitations/lookup', { token })).status).toBe(404);
    const accept = await anon.post('/api/v1/invitations/accept', {
      token,
      fullName: 'Ana Souza',
      password: MEMBER_PASSWORD,
    });
    expect(accept.status).toBe(404);
    expect((await owner.get<{ items: unknown[] }>('/api/v1/team/invitations')).body.items).toEqual([]);
    // The address may be invited again.
    expect((await owner.post('/api/v1/team/invitations', { email, role: 'admin' })).status).toBe(201);
    expect(await auditActions(accountId)).toContain('team.invitation_canceled');
  });

  it('ignores role and account id sent by the invitee (mass assignment)', async () => {
    const { owner, accountId } = await approvedAccount(api, 'team');
    const other = await approvedAccount(api, 'team-other');
    const email = newMemberEmail('mass');
    const since = new Date(Date.now() - 1000);
    const created = await owner.post('/api/v1/team/invitations', {
      email,
      role: 'developer',
      accountId: other.accountId,
      status: 'accepted',
    });
    expect(created.status).toBe(201);
    const { token } = await invitationTokenFromMail(api, email, since);
    const accepted = await api.session().post('/api/v1/invitations/accept', {
      token,
      fullName: 'Ana Souza',
      password: MEMBER_PASSWORD,
      role: 'owner',
      accountId: other.accountId,
      status: 'active',
      email: 'someone-else@membro.test',
    });
    expect(accepted.status).toBe(201);
    const [user] = await api.db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ role: 'developer', accountId, status: 'active' });
    expect(await api.db.select().from(users).where(eq(users.email, 'someone-else@membro.test'))).toEqual([]);
  });
});

describe('members', () => {
  it('lists with filters (role, status, search)', async () => {
    const { owner } = await approvedAccount(api, 'team');
    const dev = await inviteMember(api, owner, 'developer');
    const admin = await inviteMember(api, owner, 'admin');
    expect((await members(owner)).length).toBe(3);
    expect((await members(owner, '?role=admin')).map((m) => m.id)).toEqual([admin.userId]);
    expect(
      (await members(owner, `?q=${encodeURIComponent(dev.email.slice(0, 12))}`)).map((m) => m.id),
    ).toEqual([dev.userId]);
    expect((await members(owner, '?q=membro%20developer')).map((m) => m.id)).toEqual([dev.userId]);
    expect((await members(owner, '?q=%25')).length).toBe(0);
    await owner.post(`/api/v1/team/members/${dev.userId}/deactivate`);
    expect((await members(owner, '?status=disabled')).map((m) => m.id)).toEqual([dev.userId]);
    expect((await owner.get('/api/v1/team/members?role=chefe')).status).toBe(400);
  });

  it('changes roles (never to or from owner): the member signs in again and the new role applies', async () => {
    const { owner, accountId } = await approvedAccount(api, 'team');
    const dev = await inviteMember(api, owner, 'developer');
    expect((await dev.session.post('/api/v1/buckets', { name: 'dev-nao-pode' })).status).toBe(403);

    const promoted = await owner.post<Member>(`/api/v1/team/members/${dev.userId}/role`, {
      role: 'admin',
      accountId: 'ignored',
      status: 'disabled',
    });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ role: 'admin', status: 'active' });
    // A privilege change ends the member's sessions: the next sign-in gets a new token.
    expect((await dev.session.get('/api/v1/me')).status).toBe(401);
    const devAgain = await signIn(api, dev.email);
    expect((await devAgain.post('/api/v1/buckets', { name: 'x' })).status).toBe(400); // allowed now: validation

    const toOwner = await owner.post(`/api/v1/team/members/${dev.userId}/role`, { role: 'owner' });
    expect(toOwner.status).toBe(400);
    const ownerId = (await members(owner)).find((m) => m.isYou)!.id;
    expect((await owner.post(`/api/v1/team/members/${ownerId}/role`, { role: 'admin' })).status).toBe(400);
    // An admin (not the owner) cannot manage the team at all.
    expect((await devAgain.post(`/api/v1/team/members/${ownerId}/role`, { role: 'developer' })).status).toBe(
      403,
    );
    const [ownerRow] = await api.db.select().from(users).where(eq(users.id, ownerId));
    expect(ownerRow.role).toBe('owner');
    expect(await auditActions(accountId)).toContain('team.member_role_changed');
  });

  it('deactivation ends the sessions at once; reactivation lets the member sign in again', async () => {
    const { owner, accountId } = await approvedAccount(api, 'team');
    const dev = await inviteMember(api, owner, 'developer');
    const second = await signIn(api, dev.email);
    expect((await dev.session.get('/api/v1/buckets')).status).toBe(200);

    const res = await owner.post<Member>(`/api/v1/team/members/${dev.userId}/deactivate`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('disabled');
    expect((await dev.session.get('/api/v1/buckets')).status).toBe(401);
    expect((await second.get('/api/v1/me')).status).toBe(401);
    const live = await api.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, dev.userId), sql`${sessions.revokedAt} is null`));
    expect(live).toEqual([]);
    const login = await api
      .session()
      .post('/api/v1/auth/login', { email: dev.email, password: MEMBER_PASSWORD });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('user_disabled');

    expect((await owner.post(`/api/v1/team/members/${dev.userId}/reactivate`)).status).toBe(200);
    const back = await signIn(api, dev.email);
    expect((await back.get('/api/v1/buckets')).status).toBe(200);
    expect(await auditActions(accountId)).toEqual(
      expect.arrayContaining(['team.member_deactivated', 'team.member_reactivated']),
    );
  });

  it('force logout ends every session of the member, who may sign in again', async () => {
    const { owner } = await approvedAccount(api, 'team');
    const admin = await inviteMember(api, owner, 'admin');
    const res = await owner.post<{ sessionsEnded: number }>(`/api/v1/team/members/${admin.userId}/logout`);
    expect(res.status).toBe(200);
    expect(res.body.sessionsEnded).toBe(1);
    expect((await admin.session.get('/api/v1/me')).status).toBe(401);
    expect((await (await signIn(api, admin.email)).get('/api/v1/me')).status).toBe(200);
  });

  it('removal ends sessions, hides the member, keeps the row for history and frees the e-mail', async () => {
    const { owner, accountId } = await approvedAccount(api, 'team');
    const bucket = await createBucket(owner, 'rem');
    const client = await inviteMember(api, owner, 'external_client', [
      { bucketId: bucket.id, access: 'full' },
    ]);
    expect((await owner.delete(`/api/v1/team/members/${client.userId}`)).status).toBe(204);
    expect((await client.session.get('/api/v1/buckets')).status).toBe(401);
    expect((await members(owner)).map((m) => m.id)).not.toContain(client.userId);
    expect((await owner.delete(`/api/v1/team/members/${client.userId}`)).status).toBe(404);
    const [row] = await api.db.select().from(users).where(eq(users.id, client.userId));
    expect(row).toMatchObject({ status: 'disabled', accountId, fullName: 'Membro external_client Teste' });
    expect(row.email).not.toBe(client.email);
    const login = await api
      .session()
      .post('/api/v1/auth/login', { email: client.email, password: MEMBER_PASSWORD });
    expect(login.status).toBe(401);
    // The address can be invited again.
    expect(
      (await owner.post('/api/v1/team/invitations', { email: client.email, role: 'developer' })).status,
    ).toBe(201);
    const [entry] = await api.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.accountId, accountId), eq(auditEntries.action, 'team.member_removed')));
    expect(entry.details).toMatchObject({ email: client.email, role: 'external_client' });
  });

  it('transfers ownership to an active admin in one step, with password confirmation', async () => {
    const { owner, accountId, input } = await approvedAccount(api, 'team');
    const dev = await inviteMember(api, owner, 'developer');
    const admin = await inviteMember(api, owner, 'admin');

    const toDev = await owner.post(`/api/v1/team/members/${dev.userId}/transfer-ownership`, {
      password: input.password,
    });
    expect(toDev.status).toBe(409);
    expect(toDev.body.code).toBe('team_transfer_target_invalid');
    const wrong = await owner.post(`/api/v1/team/members/${admin.userId}/transfer-ownership`, {
      password: 'Errada-Senha-1',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('team_password_confirm_invalid');

    const ok = await owner.post<Member>(`/api/v1/team/members/${admin.userId}/transfer-ownership`, {
      password: input.password,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.role).toBe('owner');
    const roles = await api.db
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(eq(users.accountId, accountId));
    expect(roles.filter((r) => r.role === 'owner').map((r) => r.id)).toEqual([admin.userId]);
    // The old owner is an admin now: no team page; the new owner has it.
    expect((await owner.get('/api/v1/team/members')).status).toBe(403);
    expect((await owner.get('/api/v1/buckets')).status).toBe(200);
    // The new owner's privileges grew: their sessions ended, the next sign-in has the team page.
    expect((await admin.session.get('/api/v1/team/members')).status).toBe(401);
    expect((await (await signIn(api, admin.email)).get('/api/v1/team/members')).status).toBe(200);
    expect(await auditActions(accountId)).toContain('team.ownership_transferred');
  });
});

describe('external clients see only the buckets shared with them', () => {
  it('lists only shared buckets (with access), nothing account-wide; the owner edits the share', async () => {
    const { owner } = await approvedAccount(api, 'team');
    const shared = await createBucket(owner, 'cliente-a');
    const hidden = await createBucket(owner, 'interno');
    const client = await inviteMember(api, owner, 'external_client', [
      { bucketId: shared.id, access: 'read' },
    ]);

    const list = await client.session.get<{ items: Array<{ id: string; name: string; access?: string }> }>(
      '/api/v1/buckets',
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((b) => [b.name, b.access])).toEqual([[shared.name, 'read']]);
    for (const path of [
      '/api/v1/dashboard',
      '/api/v1/access-keys',
      '/api/v1/team/members',
      '/api/v1/team/invitations',
    ])
      expect((await client.session.get(path)).status, path).toBe(403);
    expect((await client.session.post('/api/v1/buckets', { name: 'cliente-cria' })).status).toBe(403);
    expect((await client.session.delete(`/api/v1/buckets/${shared.id}`)).status).toBe(403);

    // Account roles still see everything, without an access field.
    const ownerList = await owner.get<{ items: Array<{ name: string; access?: string }> }>('/api/v1/buckets');
    expect(ownerList.body.items.map((b) => b.name).sort()).toEqual([shared.name, hidden.name].sort());
    expect(ownerList.body.items.every((b) => b.access === undefined)).toBe(true);

    const edited = await owner.post<Member>(`/api/v1/team/members/${client.userId}/buckets`, {
      buckets: [
        { bucketId: shared.id, access: 'full' },
        { bucketId: hidden.id, access: 'read' },
      ],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.buckets.map((b) => [b.name, b.access]).sort()).toEqual(
      [
        [shared.name, 'full'],
        [hidden.name, 'read'],
      ].sort(),
    );
    const after = await client.session.get<{ items: Array<{ name: string; access?: string }> }>(
      '/api/v1/buckets',
    );
    expect(after.body.items.map((b) => [b.name, b.access]).sort()).toEqual(
      [
        [shared.name, 'full'],
        [hidden.name, 'read'],
      ].sort(),
    );

    // A developer cannot be given shared buckets; the client loses them when promoted.
    const dev = await inviteMember(api, owner, 'developer');
    const devBuckets = await owner.post(`/api/v1/team/members/${dev.userId}/buckets`, {
      buckets: [{ bucketId: shared.id, access: 'read' }],
    });
    expect(devBuckets.status).toBe(400);
    await owner.post(`/api/v1/team/members/${client.userId}/role`, { role: 'developer' });
    // Each role change ends the member's sessions; they sign in again.
    expect((await client.session.get('/api/v1/buckets')).status).toBe(401);
    const asDev = await (await signIn(api, client.email)).get<{ items: unknown[] }>('/api/v1/buckets');
    expect(asDev.body.items.length).toBe(2);
    const back = await owner.post<Member>(`/api/v1/team/members/${client.userId}/role`, {
      role: 'external_client',
    });
    expect(back.body.buckets).toEqual([]);
    const asClient = await (await signIn(api, client.email)).get<{ items: unknown[] }>('/api/v1/buckets');
    expect(asClient.body.items).toEqual([]);
  });

  it('an invitation does not reveal whether the e-mail has a user in another account (decided at acceptance)', async () => {
    const { owner } = await approvedAccount(api, 'l7');
    const other = await approvedAccount(api, 'l7-other');
    const since = new Date(Date.now() - 1000);
    const fresh = await owner.post<Invitation>('/api/v1/team/invitations', {
      email: newMemberEmail('l7'),
      role: 'developer',
    });
    const taken = await owner.post<Invitation>('/api/v1/team/invitations', {
      email: other.input.email,
      role: 'developer',
    });
    // The same answer for an address used elsewhere as for a new one.
    expect(taken.status).toBe(fresh.status);
    expect(Object.keys(taken.body).sort()).toEqual(Object.keys(fresh.body).sort());
    expect(taken.body.status).toBe(fresh.body.status);
    // Only the mailbox's owner, following the link, learns that the address is taken.
    const { token } = await invitationTokenFromMail(api, other.input.email, since);
    const accepted = await api.session().post('/api/v1/invitations/accept', {
      token,
      fullName: 'Outra Pessoa Teste',
      password: MEMBER_PASSWORD,
    });
    expect(accepted.status).toBe(409);
    expect(accepted.body.code).toBe('team_email_has_user');
    const [user] = await api.db.select().from(users).where(eq(users.email, other.input.email));
    expect(user.accountId).toBe(other.accountId);
  });
});
