import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { recoveryCodes, users } from '@csp/db';
import { approvedAccount, startTestApi, type TestApi } from '../support/harness';
import { enableTotp, totpCode } from '../support/security';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

type Challenge = { secondFactorRequired: true; challengeToken: string; methods: string[] };

async function passwordStep(email: string, password: string) {
  const s = api.session();
  const r = await s.post<Challenge>('/api/v1/auth/login', { email, password });
  expect(r.status).toBe(200);
  expect(r.body.secondFactorRequired).toBe(true);
  expect(s.cookie('csp_session')).toBeUndefined();
  return { s, challengeToken: r.body.challengeToken };
}

describe('TOTP second factor', () => {
  it('enrols with a QR code; the secret is sealed at rest; login then needs the code', async () => {
    const { input, owner } = await approvedAccount(api, 'totp');
    const { secret, recoveryCodes: codes, qrDataUrl } = await enableTotp(owner);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(codes).toHaveLength(10);
    const [row] = await api.db.select().from(users).where(eq(users.email, input.email));
    expect(row.totpEnabledAt).toBeTruthy();
    expect(row.totpSecret).not.toContain(secret);
    const stored = await api.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, row.id));
    expect(stored).toHaveLength(10);
    expect(stored.some((c) => codes.includes(c.codeHash))).toBe(false);

    // Password alone opens no session.
    const { s, challengeToken } = await passwordStep(input.email, input.password);
    expect((await s.get('/api/v1/me')).status).toBe(401);
    const wrong = await s.post('/api/v1/auth/login/second-factor', { challengeToken, code: '000000' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('second_factor_invalid');
    const code = await totpCode(secret, 1);
    const ok = await s.post('/api/v1/auth/login/second-factor', { challengeToken, code });
    expect(ok.status).toBe(200);
    expect((await s.get('/api/v1/me')).status).toBe(200);

    // The challenge is single use.
    const again = await api.session().post('/api/v1/auth/login/second-factor', { challengeToken, code });
    expect(again.status).toBe(401);
  });

  it('accepts a TOTP code once (replay refused)', async () => {
    const { input, owner } = await approvedAccount(api, 'replay');
    const { secret } = await enableTotp(owner);
    const code = await totpCode(secret, 0);
    const first = await passwordStep(input.email, input.password);
    expect(
      (await first.s.post('/api/v1/auth/login/second-factor', { challengeToken: first.challengeToken, code }))
        .status,
    ).toBe(200);
    const second = await passwordStep(input.email, input.password);
    const replay = await second.s.post('/api/v1/auth/login/second-factor', {
      challengeToken: second.challengeToken,
      code,
    });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('second_factor_invalid');
  });

  it('recovery codes work once each and can be regenerated', async () => {
    const { input, owner } = await approvedAccount(api, 'recovery');
    const { secret, recoveryCodes: codes } = await enableTotp(owner);
    const a = await passwordStep(input.email, input.password);
    const ok = await a.s.post('/api/v1/auth/login/second-factor', {
      challengeToken: a.challengeToken,
      recoveryCode: codes[0].toLowerCase(),
    });
    expect(ok.status).toBe(200);
    const b = await passwordStep(input.email, input.password);
    const reused = await b.s.post('/api/v1/auth/login/second-factor', {
      challengeToken: b.challengeToken,
      recoveryCode: codes[0],
    });
    expect(reused.status).toBe(401);

    const overview = await a.s.get<{ recoveryCodesRemaining: number }>('/api/v1/me/security');
    expect(overview.body.recoveryCodesRemaining).toBe(9);

    const regenerated = await a.s.post<{ recoveryCodes: string[] }>('/api/v1/me/two-factor/recovery-codes', {
      password: input.password,
      code: await totpCode(secret, 1),
    });
    expect(regenerated.status).toBe(200);
    const c = await passwordStep(input.email, input.password);
    const old = await c.s.post('/api/v1/auth/login/second-factor', {
      challengeToken: c.challengeToken,
      recoveryCode: codes[1],
    });
    expect(old.status).toBe(401);
    const fresh = await c.s.post('/api/v1/auth/login/second-factor', {
      challengeToken: c.challengeToken,
      recoveryCode: regenerated.body.recoveryCodes[0],
    });
    expect(fresh.status).toBe(200);
  });

  it('a challenge allows 5 tries, then a new password step is needed', async () => {
    const { input, owner } = await approvedAccount(api, 'tries');
    const { secret } = await enableTotp(owner);
    const { s, challengeToken } = await passwordStep(input.email, input.password);
    for (let i = 0; i < 5; i++)
      await s.post('/api/v1/auth/login/second-factor', { challengeToken, code: '000000' });
    const r = await s.post('/api/v1/auth/login/second-factor', {
      challengeToken,
      code: await totpCode(secret, 1),
    });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('second_factor_expired');
  });

  it('enabling 2FA ends the other sessions; disabling needs password and code', async () => {
    const { input, owner } = await approvedAccount(api, 'disable');
    const other = api.session();
    await other.post('/api/v1/auth/login', { email: input.email, password: input.password });
    expect((await other.get('/api/v1/me')).status).toBe(200);
    const { secret } = await enableTotp(owner);
    expect((await other.get('/api/v1/me')).status).toBe(401);
    expect((await owner.get('/api/v1/me')).status).toBe(200);

    const noCode = await owner.post('/api/v1/me/two-factor/disable', {
      password: input.password,
      code: '000000',
    });
    expect(noCode.status).toBe(400);
    const badPassword = await owner.post('/api/v1/me/two-factor/disable', {
      password: 'Nope-12345',
      code: await totpCode(secret, 1),
    });
    expect(badPassword.status).toBe(400);
    const off = await owner.post('/api/v1/me/two-factor/disable', {
      password: input.password,
      code: await totpCode(secret, 1),
    });
    expect(off.status).toBe(204);
    const plain = await api
      .session()
      .post('/api/v1/auth/login', { email: input.email, password: input.password });
    expect(plain.body.user).toBeTruthy();
  });

  it('an account requiring 2FA sends members without it to enrolment only', async () => {
    const { input, owner } = await approvedAccount(api, 'policy');
    const set = await owner.request('PUT', '/api/v1/account/two-factor-policy', { requireTwoFactor: true });
    expect(set.status).toBe(200);
    // The live session is limited at once: only me, logout and enrolment answer.
    const blocked = await owner.get('/api/v1/dashboard');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('two_factor_enrolment_required');
    const s = api.session();
    const login = await s.post('/api/v1/auth/login', { email: input.email, password: input.password });
    expect(login.body.twoFactorEnrolmentRequired).toBe(true);
    expect((await s.get('/api/v1/me')).status).toBe(200);
    await enableTotp(s);
    expect((await s.get('/api/v1/dashboard')).status).toBe(200);
  });
});
