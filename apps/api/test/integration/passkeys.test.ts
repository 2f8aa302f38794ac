import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEntries, authChallenges, users, webauthnCredentials } from '@csp/db';
import { sha256Hex } from '../../src/common/crypto';
import { approvedAccount, startTestApi, type TestApi } from '../support/harness';
import { enableTotp, solveCaptcha } from '../support/security';
import { SoftAuthenticator } from '../support/webauthn';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

type Challenge = { secondFactorRequired: true; challengeToken: string; methods: string[] };
type Options = { challenge: string; rp?: { id: string; name: string }; allowCredentials?: { id: string }[] };

async function registerPasskey(owner: ReturnType<TestApi['session']>, authenticator: SoftAuthenticator) {
  const options = await owner.post<Options & { excludeCredentials: { id: string }[] }>(
    '/api/v1/me/two-factor/passkeys/options',
  );
  expect(options.status).toBe(200);
  const created = await owner.post<{ id: string; name: string }>('/api/v1/me/two-factor/passkeys', {
    name: 'Notebook',
    response: authenticator.create(options.body),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { options: options.body, passkey: created.body };
}

async function passwordStep(email: string, password: string) {
  const s = api.session();
  const r = await s.post<Challenge>('/api/v1/auth/login', { email, password });
  expect(r.status).toBe(200);
  expect(r.body.secondFactorRequired).toBe(true);
  return { s, challengeToken: r.body.challengeToken, methods: r.body.methods };
}

describe('passkeys as a second factor', () => {
  it('registers a passkey, then signs in with it; the counter must grow', async () => {
    const { input, owner } = await approvedAccount(api, 'pkey');
    const authenticator = new SoftAuthenticator(api.config.APP_URL);
    const { options, passkey } = await registerPasskey(owner, authenticator);
    expect(options.rp).toEqual({ id: '127.0.0.1', name: api.config.BRAND_NAME });
    expect(passkey.name).toBe('Notebook');

    const list = await owner.get<{ passkeys: { id: string; name: string }[] }>(
      '/api/v1/me/two-factor/passkeys',
    );
    expect(list.body.passkeys.map((p) => p.name)).toEqual(['Notebook']);
    const [stored] = await api.db
      .select()
      .from(webauthnCredentials)
      .where(eq(webauthnCredentials.id, passkey.id));
    expect(stored.credentialId).toBe(authenticator.credentialId.toString('base64url'));

    // The next registration excludes the existing credential; a replayed ceremony is refused.
    const again = await owner.post<{ excludeCredentials: { id: string }[] }>(
      '/api/v1/me/two-factor/passkeys/options',
    );
    expect(again.body.excludeCredentials.map((c) => c.id)).toEqual([stored.credentialId]);
    const replay = await owner.post('/api/v1/me/two-factor/passkeys', {
      name: 'Again',
      response: authenticator.create(options),
    });
    expect(replay.status).toBe(400);
    expect(replay.body.code).toBe('passkey_challenge_expired');

    // The password alone is no longer enough: the passkey is the second factor.
    const { s, challengeToken, methods } = await passwordStep(input.email, input.password);
    expect(methods).toEqual(['passkey']);
    expect(s.cookie('csp_session')).toBeUndefined();
    const auth = await s.post<Options>('/api/v1/auth/login/second-factor/passkey-options', {
      challengeToken,
    });
    expect(auth.status).toBe(200);
    expect(auth.body.allowCredentials?.map((c) => c.id)).toEqual([stored.credentialId]);
    const ok = await s.post('/api/v1/auth/login/second-factor', {
      challengeToken,
      passkey: authenticator.get(auth.body),
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await s.get('/api/v1/me')).status).toBe(200);
    const [used] = await api.db
      .select()
      .from(webauthnCredentials)
      .where(eq(webauthnCredentials.id, passkey.id));
    expect(used.counter).toBe(1);
    expect(used.lastUsedAt).toBeTruthy();

    // A counter that does not grow (a cloned authenticator) is refused.
    const second = await passwordStep(input.email, input.password);
    const opts = await second.s.post<Options>('/api/v1/auth/login/second-factor/passkey-options', {
      challengeToken: second.challengeToken,
    });
    const cloned = await second.s.post('/api/v1/auth/login/second-factor', {
      challengeToken: second.challengeToken,
      passkey: authenticator.get(opts.body, 1),
    });
    expect(cloned.status).toBe(400);
    expect(cloned.body.code).toBe('passkey_invalid');

    const audit = await api.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, 'user.passkey_added'), eq(auditEntries.resourceId, stored.userId!)));
    expect(audit).toHaveLength(1);
  });

  it('offers the passkey next to TOTP', async () => {
    const { input, owner } = await approvedAccount(api, 'pkboth');
    await enableTotp(owner);
    await registerPasskey(owner, new SoftAuthenticator(api.config.APP_URL));
    const { methods } = await passwordStep(input.email, input.password);
    expect(methods).toEqual(['totp', 'recovery_code', 'passkey']);
  });

  it('refuses: no session, another user credential, garbage assertions (tries counted)', async () => {
    expect((await api.session().post('/api/v1/me/two-factor/passkeys/options')).status).toBe(401);
    expect((await api.session().get('/api/v1/me/two-factor/passkeys')).status).toBe(401);

    const a = await approvedAccount(api, 'pka');
    const b = await approvedAccount(api, 'pkb');
    const authenticator = new SoftAuthenticator(api.config.APP_URL);
    const { passkey } = await registerPasskey(a.owner, authenticator);
    const proof = { password: b.input.password, code: '123456' };
    const foreign = await b.owner.request('DELETE', `/api/v1/me/two-factor/passkeys/${passkey.id}`, proof);
    expect(foreign.status).toBe(404);
    expect((await b.owner.request('DELETE', '/api/v1/me/two-factor/passkeys/not-a-uuid', proof)).status).toBe(
      404,
    );

    // A user without a passkey gets no passkey options.
    await enableTotp(b.owner);
    const bStep = await passwordStep(b.input.email, b.input.password);
    const none = await bStep.s.post('/api/v1/auth/login/second-factor/passkey-options', {
      challengeToken: bStep.challengeToken,
    });
    expect(none.status).toBe(400);

    const { s, challengeToken } = await passwordStep(a.input.email, a.input.password);
    const garbage = {
      id: 'AAAA',
      rawId: 'AAAA',
      type: 'public-key',
      response: { clientDataJSON: 'eyJ9', authenticatorData: 'AAAA', signature: 'AAAA' },
      clientExtensionResults: {},
    };
    const bad = await s.post('/api/v1/auth/login/second-factor', { challengeToken, passkey: garbage });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('passkey_invalid');
    const malformed = await s.post('/api/v1/auth/login/second-factor', {
      challengeToken,
      passkey: { id: 'x' },
    });
    expect(malformed.status).toBe(400);
    const [challenge] = await api.db
      .select()
      .from(authChallenges)
      .where(eq(authChallenges.tokenHash, sha256Hex(challengeToken)));
    expect(challenge.attempts).toBe(1);
    for (let i = 0; i < 4; i++)
      await s.post('/api/v1/auth/login/second-factor', { challengeToken, passkey: garbage });
    const spent = await s.post('/api/v1/auth/login/second-factor', { challengeToken, passkey: garbage });
    expect(spent.status).toBe(401);
    expect(spent.body.code).toBe('second_factor_expired');

    // The owner removes their own passkey (password + the passkey itself): the password alone signs in again.
    const reauth = await a.owner.post<Options>('/api/v1/me/two-factor/passkeys/reauth-options');
    expect(reauth.status).toBe(200);
    const removed = await a.owner.request('DELETE', `/api/v1/me/two-factor/passkeys/${passkey.id}`, {
      password: a.input.password,
      passkey: authenticator.get(reauth.body),
    });
    expect(removed.status).toBe(204);
    // The garbage assertions above count as second-factor failures: from the third, the password
    // step asks for the captcha (review H3).
    const fresh = api.session();
    const plain = await fresh.post('/api/v1/auth/login', {
      email: a.input.email,
      password: a.input.password,
      captcha: await solveCaptcha(fresh, a.input.email),
    });
    expect(plain.status, JSON.stringify(plain.body)).toBe(200);
    expect(plain.body.secondFactorRequired).toBeUndefined();
    const [user] = await api.db.select().from(users).where(eq(users.email, a.input.email));
    const audit = await api.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, 'user.passkey_removed'), eq(auditEntries.resourceId, user.id)));
    expect(audit).toHaveLength(1);
  });
});

describe('an account that requires 2FA', () => {
  it('accepts a passkey instead of TOTP', async () => {
    const { owner } = await approvedAccount(api, 'pkreq');
    const policy = await owner.request('PUT', '/api/v1/account/two-factor-policy', {
      requireTwoFactor: true,
    });
    expect(policy.status).toBe(200);
    // Without any second factor only the enrolment routes answer.
    const blocked = await owner.get<{ code: string }>('/api/v1/buckets');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('two_factor_enrolment_required');
    const before = await owner.get<{ hasPasskey: boolean; twoFactorEnabled: boolean }>('/api/v1/me/security');
    expect(before.body).toMatchObject({ hasPasskey: false, twoFactorEnabled: false });

    await registerPasskey(owner, new SoftAuthenticator(api.config.APP_URL));
    const after = await owner.get<{ hasPasskey: boolean; twoFactorEnabled: boolean }>('/api/v1/me/security');
    expect(after.body).toMatchObject({ hasPasskey: true, twoFactorEnabled: false });
    const open = await owner.get('/api/v1/buckets');
    expect(open.status, JSON.stringify(open.body)).toBe(200);
  });
});
