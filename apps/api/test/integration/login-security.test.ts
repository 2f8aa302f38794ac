import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { loginAttempts } from '@csp/db';
import { approvedAccount, startTestApi, type TestApi } from '../support/harness';
import { HttpSession } from '../support/http';
import { solveCaptcha } from '../support/security';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

const login = (s: HttpSession, body: Record<string, unknown>) => s.post('/api/v1/auth/login', body);

async function attempts(email: string) {
  return api.db.select().from(loginAttempts).where(eq(loginAttempts.email, email));
}

describe('login hardening', () => {
  it('20 parallel wrong passwords: exactly 5 tries reach verification, then the e-mail is locked', async () => {
    const { input } = await approvedAccount(api, 'lock');
    // The attacker even solves a captcha for every try: only the atomic count stops them.
    const tries = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const s = api.session();
        return { s, captcha: await solveCaptcha(s, input.email) };
      }),
    );
    const results = await Promise.all(
      tries.map(({ s, captcha }) => login(s, { email: input.email, password: 'Wrong-Password-1', captcha })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    const refused = results.filter((r) => r.status !== 401);
    expect(refused).toHaveLength(15);
    for (const r of refused) expect(r.body.code).toBe('login_locked');
    const rows = await attempts(input.email);
    expect(rows.filter((r) => r.reason === 'invalid_password')).toHaveLength(5);

    // Locked for the rest of the window: even the right password (from a fresh IP) is refused.
    const right = await login(api.session(), { email: input.email, password: input.password });
    expect(right.status).toBe(429);
    expect(right.body.code).toBe('login_locked');
    expect(right.headers.get('retry-after')).toBeTruthy();
  });

  it('unknown e-mail and wrong password answer alike (status, message, roughly the time)', async () => {
    const { input } = await approvedAccount(api, 'uniform');
    const time = async (email: string) => {
      const started = performance.now();
      const r = await login(api.session(), { email, password: 'Wrong-Password-1' });
      return { r, ms: performance.now() - started };
    };
    const wrong = await time(input.email);
    const unknown = await time(`nobody-${Date.now()}@empresa.test`);
    expect(wrong.r.status).toBe(401);
    expect(unknown.r.status).toBe(401);
    expect(unknown.r.body).toEqual(wrong.r.body);
    // Both verify an Argon2id hash: neither answers in a fraction of the other's time.
    expect(unknown.ms).toBeGreaterThan(wrong.ms / 3);
    expect(wrong.ms).toBeGreaterThan(unknown.ms / 3);
  });

  it('unknown e-mails lock like real ones (no enumeration through the lockout)', async () => {
    const email = `ghost-${Date.now()}@empresa.test`;
    const s = new HttpSession(api.baseUrl);
    const tries = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const from = api.session();
        return { from, captcha: await solveCaptcha(from, email) };
      }),
    );
    const results = await Promise.all(
      tries.map(({ from, captcha }) => login(from, { email, password: 'Wrong-Password-1', captcha })),
    );
    expect(results.filter((r) => r.status === 401)).toHaveLength(5);
    expect(results.filter((r) => r.status !== 401).every((r) => r.status === 429 || r.status === 400)).toBe(
      true,
    );
    const after = await login(s, {
      email,
      password: 'Wrong-Password-1',
      captcha: await solveCaptcha(s, email),
    });
    expect(after.status).toBe(429);
  });

  it('demands a captcha after 3 failures for an e-mail; a solved one works once', async () => {
    const { input } = await approvedAccount(api, 'captcha');
    for (let i = 0; i < 3; i++) {
      const r = await login(api.session(), { email: input.email, password: 'Wrong-Password-1' });
      expect(r.status).toBe(401);
      expect(r.body.captchaRequired).toBe(i === 2);
    }
    const s = api.session();
    const without = await login(s, { email: input.email, password: input.password });
    expect(without.status).toBe(400);
    expect(without.body).toMatchObject({ code: 'captcha_required', captchaRequired: true });

    const bogus = await login(s, {
      email: input.email,
      password: input.password,
      captcha: { id: (await solveCaptcha(s, input.email)).id, nonce: 'zzzzzzzz' },
    });
    expect(bogus.status).toBe(400);
    expect(bogus.body.code).toBe('captcha_invalid');

    const captcha = await solveCaptcha(s, input.email);
    const ok = await login(s, { email: input.email, password: input.password, captcha });
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ email: input.email });

    // The same solution cannot be replayed.
    await login(api.session(), { email: input.email, password: 'Wrong-Password-1' });
    await login(api.session(), { email: input.email, password: 'Wrong-Password-1' });
    await login(api.session(), { email: input.email, password: 'Wrong-Password-1' });
    const replay = await login(api.session(), { email: input.email, password: input.password, captcha });
    expect(replay.status).toBe(400);
    expect(replay.body.code).toBe('captcha_invalid');
  });

  it('demands a captcha after 3 failures from one IP, whatever the e-mail', async () => {
    const { input } = await approvedAccount(api, 'ipcap');
    const ip = `10.250.${Math.floor(Math.random() * 250)}.7`;
    const from = () => new HttpSession(api.baseUrl, 'pt-BR', ip);
    for (let i = 0; i < 3; i++)
      await login(from(), { email: `spray-${i}-${Date.now()}@empresa.test`, password: 'Wrong-Password-1' });
    const r = await login(from(), { email: input.email, password: input.password });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('captcha_required');
    const s = from();
    const ok = await login(s, {
      email: input.email,
      password: input.password,
      captcha: await solveCaptcha(s, input.email),
    });
    expect(ok.status).toBe(200);
  });

  it('records every attempt (the login history) and resets the count on success', async () => {
    const { input, owner } = await approvedAccount(api, 'history');
    await login(api.session(), { email: input.email, password: 'Wrong-Password-1' });
    await login(api.session(), { email: input.email, password: 'Wrong-Password-1' });
    const ok = await login(api.session(), { email: input.email, password: input.password });
    expect(ok.status).toBe(200);
    // After a success the count starts afresh: 2 more failures do not ask for a captcha.
    await login(api.session(), { email: input.email, password: 'Wrong-Password-1' });
    const r = await login(api.session(), { email: input.email, password: 'Wrong-Password-1' });
    expect(r.body.captchaRequired).toBe(false);

    const history = await owner.get<{ items: Array<{ success: boolean; reason: string }> }>(
      '/api/v1/me/login-history',
    );
    expect(history.status).toBe(200);
    expect(history.body.items.filter((i) => !i.success)).toHaveLength(4);
    expect(history.body.items.filter((i) => i.success).length).toBeGreaterThanOrEqual(2);
    const rows = await api.db
      .select()
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, input.email), eq(loginAttempts.success, true)));
    expect(rows.every((r) => r.ip && r.userId)).toBe(true);
  });

  it('applies the same lockout to staff login', async () => {
    const email = `staff-ghost-${Date.now()}@staff.test`;
    const tries = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const s = api.session();
        return { s, captcha: await solveCaptcha(s, email) };
      }),
    );
    const results = await Promise.all(
      tries.map(({ s, captcha }) =>
        s.post('/api/v1/staff/auth/login', { email, password: 'Wrong-Password-1', captcha }),
      ),
    );
    expect(results.filter((r) => r.status === 401)).toHaveLength(5);
    expect(results.filter((r) => r.status !== 401)).toHaveLength(5);
  });
});
