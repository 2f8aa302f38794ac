import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMail } from '@csp/local-services';
import { approvedAccount, startTestApi, type TestApi } from '../support/harness';
import { createMember } from '../support/grants';
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
    expect((await member.session.get('/api/v1/me')).status).toBe(200);
    const changed = await owner.post(`/api/v1/team/members/${member.id}/role`, { role: 'developer' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await member.session.get('/api/v1/me')).status).toBe(401);
    // The Owner who made the change goes on.
    expect((await owner.get('/api/v1/me')).status).toBe(200);
  });
});
