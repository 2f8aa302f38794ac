import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMail } from '@csp/local-services';
import { approvedAccount, startTestApi, type TestApi } from '../support/harness';
import { createMember, openSession } from '../support/grants';
import { SoftAuthenticator } from '../support/webauthn';
import { HttpSession } from '../support/http';
import { enableTotp, totpCode } from '../support/security';

/** What a credential change must take away: API tokens minted before it, old session tokens. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

async function mintToken(session: HttpSession) {
  const res = await session.post<{ token: string }>('/api/v1/api-tokens', {
    name: 'script-antigo',
    permissions: ['bucket.read'],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const token = res.body.token;
  expect((await useToken(token)).status).toBe(200);
  return token;
}

function useToken(token: string) {
  return api.session().request('GET', '/api/v1/buckets', undefined, { authorization: `Bearer ${token}` });
}

async function expectDead(token: string) {
  const res = await useToken(token);
  expect(res.status).toBe(401);
  expect(res.body.code).toBe('api_token_invalid');
}

describe('API tokens end with the credentials that made them (L3)', () => {
  it('a password change revokes the user API tokens', async () => {
    const { input, owner } = await approvedAccount(api, 'l3pw');
    const token = await mintToken(owner);
    const changed = await owner.post('/api/v1/me/password', {
      currentPassword: input.password,
      newPassword: 'Outra-Senha-Forte-2027',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(204);
    await expectDead(token);
    // The session that made the change goes on and can mint a new token.
    await mintToken(owner);
  });

  it('a password reset revokes the user API tokens', async () => {
    const { input, owner } = await approvedAccount(api, 'l3reset');
    const token = await mintToken(owner);
    const since = new Date(Date.now() - 500);
    expect((await api.session().post('/api/v1/auth/forgot-password', { email: input.email })).status).toBe(
      202,
    );
    const mail = await readMail(api.mailUrl, { to: input.email, since, subjectIncludes: 'Redefinição' });
    const reset = decodeURIComponent(/redefinir-senha\?token=(\S+)/.exec(mail.text)![1]);
    const done = await api
      .session()
      .post('/api/v1/auth/reset-password', { token: reset, password: 'Senha-Nova-Reset-2027' });
    expect(done.status, JSON.stringify(done.body)).toBe(204);
    await expectDead(token);
  });

  it('turning TOTP on, and off again, revokes the user API tokens each time', async () => {
    const { input, owner } = await approvedAccount(api, 'l3totp');
    const before = await mintToken(owner);
    const { secret } = await enableTotp(owner);
    await expectDead(before);

    const between = await mintToken(owner);
    const off = await owner.post('/api/v1/me/two-factor/disable', {
      password: input.password,
      code: await totpCode(secret, 1),
    });
    expect(off.status, JSON.stringify(off.body)).toBe(204);
    await expectDead(between);
  });
});

function replay(cookie: string) {
  const s = new HttpSession(api.baseUrl);
  s.setCookie('csp_session', cookie);
  return s.get('/api/v1/me');
}

describe('a privilege change gives a new session token (L8)', () => {
  it('TOTP enrolment rotates the current session: a new token, the old one dead', async () => {
    const { owner } = await approvedAccount(api, 'l8totp');
    const old = owner.cookie('csp_session')!;
    await enableTotp(owner);
    const fresh = owner.cookie('csp_session')!;
    expect(fresh).toBeTruthy();
    expect(fresh).not.toBe(old);
    expect((await owner.get('/api/v1/me')).status).toBe(200);
    expect((await replay(old)).status).toBe(401);
  });

  it("a role change ends the changed member's sessions", async () => {
    const { accountId, owner } = await approvedAccount(api, 'l8role');
    const member = await createMember(api, accountId, 'admin');
    const before = await member.session.get<{ permissions: string[] }>('/api/v1/me');
    expect(before.status).toBe(200);
    // GET /me says what the role may do (the portal shows and hides by it).
    expect(before.body.permissions).toEqual(expect.arrayContaining(['bucket.create', 'access_key.create']));
    expect(before.body.permissions).not.toContain('team.manage');
    const changed = await owner.post(`/api/v1/team/members/${member.id}/role`, { role: 'developer' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await member.session.get('/api/v1/me')).status).toBe(401);
    // The Owner who made the change goes on.
    expect((await owner.get('/api/v1/me')).status).toBe(200);
  });
});

async function registerPasskey(session: HttpSession, authenticator: SoftAuthenticator) {
  const options = await session.post<{ challenge: string }>('/api/v1/me/two-factor/passkeys/options');
  expect(options.status).toBe(200);
  const created = await session.post<{ id: string }>('/api/v1/me/two-factor/passkeys', {
    name: 'Chave USB',
    response: authenticator.create(options.body),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

async function userId(session: HttpSession) {
  return (await session.get<{ user: { id: string } }>('/api/v1/me')).body.user.id;
}

describe('passkeys are a second factor: changing them is a credential change (L4)', () => {
  it('registering a passkey ends the other sessions', async () => {
    const { owner } = await approvedAccount(api, 'l4add');
    const other = await openSession(api, { userId: await userId(owner) });
    expect((await other.get('/api/v1/me')).status).toBe(200);
    await registerPasskey(owner, new SoftAuthenticator(api.config.APP_URL));
    expect((await other.get('/api/v1/me')).status).toBe(401);
    expect((await owner.get('/api/v1/me')).status).toBe(200);
  });

  it('removal needs the password and a second factor (the passkey itself), then ends other sessions and tokens', async () => {
    const { input, owner } = await approvedAccount(api, 'l4rm');
    const authenticator = new SoftAuthenticator(api.config.APP_URL);
    const passkey = await registerPasskey(owner, authenticator);
    const other = await openSession(api, { userId: await userId(owner) });
    const token = await mintToken(owner);
    const path = `/api/v1/me/two-factor/passkeys/${passkey.id}`;
    const count = async () =>
      (await owner.get<{ passkeys: unknown[] }>('/api/v1/me/two-factor/passkeys')).body.passkeys.length;

    // A hijacked session alone cannot remove it: no proof, a wrong password, a password alone.
    expect((await owner.request('DELETE', path)).status).toBe(400);
    const options = await owner.post<{ challenge: string }>('/api/v1/me/two-factor/passkeys/reauth-options');
    expect(options.status).toBe(200);
    const wrong = await owner.request('DELETE', path, {
      password: 'nao-e-a-senha',
      passkey: authenticator.get(options.body),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('current_password_invalid');
    expect((await owner.request('DELETE', path, { password: input.password })).status).toBe(400);
    expect(await count()).toBe(1);
    expect((await other.get('/api/v1/me')).status).toBe(200);

    const fresh = await owner.post<{ challenge: string }>('/api/v1/me/two-factor/passkeys/reauth-options');
    const removed = await owner.request('DELETE', path, {
      password: input.password,
      passkey: authenticator.get(fresh.body),
    });
    expect(removed.status, JSON.stringify(removed.body)).toBe(204);
    expect(await count()).toBe(0);
    expect((await other.get('/api/v1/me')).status).toBe(401);
    expect((await owner.get('/api/v1/me')).status).toBe(200);
    await expectDead(token);
  });

  it('with TOTP on, the password and a TOTP code remove a passkey', async () => {
    const { input, owner } = await approvedAccount(api, 'l4totp');
    const { secret } = await enableTotp(owner);
    const passkey = await registerPasskey(owner, new SoftAuthenticator(api.config.APP_URL));
    const path = `/api/v1/me/two-factor/passkeys/${passkey.id}`;
    const bad = await owner.request('DELETE', path, { password: input.password, code: '000000' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('second_factor_invalid');
    const ok = await owner.request('DELETE', path, {
      password: input.password,
      code: await totpCode(secret, 1),
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(204);
  });
});
