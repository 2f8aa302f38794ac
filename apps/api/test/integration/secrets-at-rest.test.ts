import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { createHash, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { recoveryCodes, users } from '@csp/db';
import { readMail } from '@csp/local-services';
import { createApp } from '../../src/app';
import { approvedAccount, signUpAndVerify, startTestApi, testConfig, type TestApi } from '../support/harness';
import { HttpSession } from '../support/http';
import { enableTotp, totpCode } from '../support/security';
import { invitationTokenFromMail, newMemberEmail } from '../support/team';

// Secrets kept by the platform, read the way a database reader would (review f107f84: L2, L12, L15).
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

/** Every pg-boss job row's payload (queued, done, archived), as text. */
async function jobPayloads() {
  const tables = await api.db.execute<{ table_name: string }>(sql`
    select table_name from information_schema.columns
    where table_schema = 'pgboss' and column_name = 'data'`);
  const out: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await api.db.execute<{ name: string; data: string }>(
      sql`select name, data::text as data from ${sql.identifier('pgboss')}.${sql.identifier(table_name)}`,
    );
    for (const row of rows.rows) out.push(`${row.name} ${row.data}`);
  }
  return out;
}

async function passwordStep(email: string, password: string) {
  const s = api.session();
  const r = await s.post<{ challengeToken: string }>('/api/v1/auth/login', { email, password });
  expect(r.status).toBe(200);
  return { s, challengeToken: r.body.challengeToken };
}

describe('no code or link in plain text in job rows (L2)', () => {
  it('sign-up code, reset link and invitation link are not readable in pgboss tables', async () => {
    const since = new Date(Date.now() - 1000);
    const { input } = await signUpAndVerify(api);
    const signupMail = await readMail(api.mailUrl, { to: input.email, since, subjectIncludes: 'código' });
    const code = /\b(\d{6})\b/.exec(signupMail.text)![1];

    const { input: owner, owner: ownerSession } = await approvedAccount(api, 'l2');
    await api.session().post('/api/v1/auth/forgot-password', { email: owner.email });
    const resetMail = await readMail(api.mailUrl, { to: owner.email, since, subjectIncludes: 'Redefinição' });
    const resetToken = decodeURIComponent(/redefinir-senha\?token=(\S+)/.exec(resetMail.text)![1]);

    const email = newMemberEmail('l2');
    expect((await ownerSession.post('/api/v1/team/invitations', { email, role: 'developer' })).status).toBe(
      201,
    );
    const { token: inviteToken } = await invitationTokenFromMail(api, email, since);

    const rows = await jobPayloads();
    expect(rows.filter((r) => r.startsWith('email.send ')).length).toBeGreaterThanOrEqual(3);
    const all = rows.join('\n');
    for (const secret of [
      resetToken,
      encodeURIComponent(resetToken),
      inviteToken,
      encodeURIComponent(inviteToken),
    ])
      expect(all).not.toContain(secret);
    expect(all).not.toMatch(new RegExp(`\\b${code}\\b`));
  });
});

describe('sealed secrets survive a key rotation and stay bound to their row (L12)', () => {
  it('after ENCRYPTION_KEY rotates (old key in ENCRYPTION_KEYS_OLD) TOTP logins still work', async () => {
    const { input, owner } = await approvedAccount(api, 'l12rot');
    const { secret } = await enableTotp(owner);
    const rotated = await createApp(
      testConfig({
        ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        ENCRYPTION_KEY_ID: 'k2',
        ENCRYPTION_KEYS_OLD: `${api.config.ENCRYPTION_KEY_ID}:${api.config.ENCRYPTION_KEY}`,
      }),
      { logger: false },
    );
    await rotated.listen({ host: '127.0.0.1', port: 0 });
    try {
      const baseUrl = `http://127.0.0.1:${(rotated.getHttpServer().address() as AddressInfo).port}`;
      const s = new HttpSession(baseUrl);
      const login = await s.post<{ challengeToken: string }>('/api/v1/auth/login', {
        email: input.email,
        password: input.password,
      });
      expect(login.status).toBe(200);
      const second = await s.post('/api/v1/auth/login/second-factor', {
        challengeToken: login.body.challengeToken,
        code: await totpCode(secret, 1),
      });
      expect(second.status).toBe(200);
    } finally {
      await rotated.close();
    }
  });

  it("a TOTP secret copied into another user's row does not open there", async () => {
    const a = await approvedAccount(api, 'l12a');
    const b = await approvedAccount(api, 'l12b');
    await enableTotp(a.owner);
    const { secret: secretB } = await enableTotp(b.owner);
    const [rowB] = await api.db.select().from(users).where(eq(users.email, b.input.email));
    // A database writer swaps B's sealed secret into A's row, then signs in as A with B's app.
    await api.db
      .update(users)
      .set({ totpSecret: rowB.totpSecret, totpLastStep: null })
      .where(eq(users.email, a.input.email));
    const { s, challengeToken } = await passwordStep(a.input.email, a.input.password);
    const r = await s.post('/api/v1/auth/login/second-factor', {
      challengeToken,
      code: await totpCode(secretB, 1),
    });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('second_factor_invalid');
  });
});

describe('recovery codes are not plain SHA-256 at rest (L15)', () => {
  it('stored as keyed HMAC; codes stored the old way keep working', async () => {
    const { input, owner } = await approvedAccount(api, 'l15');
    const { recoveryCodes: codes } = await enableTotp(owner);
    const [user] = await api.db.select().from(users).where(eq(users.email, input.email));
    const stored = await api.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    const sha = (c: string) => createHash('sha256').update(c.replace(/-/g, '')).digest('hex');
    expect(stored).toHaveLength(10);
    // A dump alone cannot be checked against guesses: no row is the code's plain SHA-256.
    for (const code of codes) expect(stored.map((r) => r.codeHash)).not.toContain(sha(code));

    // A code issued before this change (plain SHA-256) is still accepted, once.
    const legacy = 'ABCDE-23456';
    await api.db.insert(recoveryCodes).values({ userId: user.id, codeHash: sha(legacy) });
    const first = await passwordStep(input.email, input.password);
    const ok = await first.s.post('/api/v1/auth/login/second-factor', {
      challengeToken: first.challengeToken,
      recoveryCode: legacy,
    });
    expect(ok.status).toBe(200);
    const fresh = await passwordStep(input.email, input.password);
    const viaNew = await fresh.s.post('/api/v1/auth/login/second-factor', {
      challengeToken: fresh.challengeToken,
      recoveryCode: codes[0],
    });
    expect(viaNew.status).toBe(200);
  });
});
