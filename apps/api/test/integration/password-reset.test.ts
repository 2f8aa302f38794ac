import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { passwordResetTokens, users } from '@csp/db';
import { readMail, listMail } from '@csp/local-services';
import { approvedAccount, startTestApi, type TestApi } from '../support/harness';
import { enableTotp, totpCode } from '../support/security';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

async function requestReset(email: string) {
  const since = new Date(Date.now() - 500);
  const r = await api.session().post('/api/v1/auth/forgot-password', { email });
  expect(r.status).toBe(202);
  const mail = await readMail(api.mailUrl, { to: email, since, subjectIncludes: 'Redefinição' });
  const link = /(http\S+redefinir-senha\?token=(\S+))/.exec(mail.text)!;
  return { link: link[1], token: decodeURIComponent(link[2]) };
}

describe('password recovery', () => {
  it('answers the same for unknown e-mails and sends nothing', async () => {
    const email = `nobody-${Date.now()}@empresa.test`;
    const r = await api.session().post('/api/v1/auth/forgot-password', { email });
    expect(r.status).toBe(202);
    await new Promise((res) => setTimeout(res, 1000));
    expect(await listMail(api.mailUrl, email)).toHaveLength(0);
  });

  it('a single-use token (256 bits, stored hashed) resets the password and ends every session', async () => {
    const { input, owner } = await approvedAccount(api, 'reset');
    const { link, token } = await requestReset(input.email);
    expect(link).toContain('/redefinir-senha?token=');
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const [user] = await api.db.select().from(users).where(eq(users.email, input.email));
    const rows = await api.db
      .select()
      .from(passwordResetTokens)
      .where(eq(passwordResetTokens.userId, user.id));
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);

    const weak = await api.session().post('/api/v1/auth/reset-password', { token, password: 'fraca' });
    expect(weak.status).toBe(400);
    const ok = await api
      .session()
      .post('/api/v1/auth/reset-password', { token, password: 'Nova-Senha-2027' });
    expect(ok.status).toBe(204);
    expect((await owner.get('/api/v1/me')).status).toBe(401);
    const again = await api
      .session()
      .post('/api/v1/auth/reset-password', { token, password: 'Outra-Senha-2028' });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('reset_token_invalid');
    const login = await api
      .session()
      .post('/api/v1/auth/login', { email: input.email, password: 'Nova-Senha-2027' });
    expect(login.status).toBe(200);
  });

  it('an expired token is refused', async () => {
    const { input } = await approvedAccount(api, 'expired');
    const { token } = await requestReset(input.email);
    const [user] = await api.db.select().from(users).where(eq(users.email, input.email));
    await api.db
      .update(passwordResetTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResetTokens.userId, user.id));
    const r = await api.session().post('/api/v1/auth/reset-password', { token, password: 'Nova-Senha-2027' });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('reset_token_invalid');
  });

  it('never bypasses 2FA: after a reset, login still asks for the second factor', async () => {
    const { input, owner } = await approvedAccount(api, 'reset2fa');
    const { secret } = await enableTotp(owner);
    const { token } = await requestReset(input.email);
    expect(
      (await api.session().post('/api/v1/auth/reset-password', { token, password: 'Nova-Senha-2027' }))
        .status,
    ).toBe(204);
    const s = api.session();
    const login = await s.post<{ secondFactorRequired: boolean; challengeToken: string }>(
      '/api/v1/auth/login',
      {
        email: input.email,
        password: 'Nova-Senha-2027',
      },
    );
    expect(login.body.secondFactorRequired).toBe(true);
    expect(s.cookie('csp_session')).toBeUndefined();
    const done = await s.post('/api/v1/auth/login/second-factor', {
      challengeToken: login.body.challengeToken,
      code: await totpCode(secret, 1),
    });
    expect(done.status).toBe(200);
  });

  it('is rate-limited per e-mail', async () => {
    const { input } = await approvedAccount(api, 'ratelim');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await api.session().post('/api/v1/auth/forgot-password', { email: input.email })).status,
      );
    expect(statuses).toEqual([202, 202, 202, 429]);
  });
});
