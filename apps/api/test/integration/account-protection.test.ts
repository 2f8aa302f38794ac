import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { generate as generateTotp } from 'otplib';
import { loginThrottles, staffMembers, users } from '@csp/db';
import { readMail } from '@csp/local-services';
import { DB } from '../../src/database/database.module';
import { JobQueueService } from '../../src/jobs/job-queue.service';
import * as password from '../../src/modules/identity/login/password';
import {
  approvedAccount,
  newSignup,
  STAFF,
  staffSession,
  staffTotpSecret,
  startTestApi,
  type TestApi,
} from '../support/harness';
import { HttpSession } from '../support/http';
import { enableTotp, solveCaptcha } from '../support/security';
import { invitationTokenFromMail, inviteMember, newMemberEmail } from '../support/team';

// Attacks on the login and account-security routes (review f107f84: H3, L5, L10, L11, M4 and the
// common-password list), each against the real API, database and mail.
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

type LoginAnswer = {
  secondFactorRequired?: boolean;
  challengeToken?: string;
  code?: string;
  captchaRequired?: boolean;
};

/** The password step from a fresh address (an attacker rotating IPs), solving the captcha when asked. */
async function passwordStep(path: string, email: string, pass: string) {
  const s = api.session();
  let r = await s.post<LoginAnswer>(path, { email, password: pass });
  if (r.status === 400 && r.body.code === 'captcha_required')
    r = await s.post<LoginAnswer>(path, { email, password: pass, captcha: await solveCaptcha(s, email) });
  return { s, r };
}

/** 12 cycles of (right password, 5 wrong codes), then the 13th password step and a held challenge. */
async function guessCodes(
  loginPath: string,
  secondPath: string,
  email: string,
  pass: string,
  secret: string,
) {
  // A challenge taken before the guessing starts: the right code must not open it afterwards.
  const held = await passwordStep(loginPath, email, pass);
  expect(held.r.body.secondFactorRequired).toBe(true);
  let wrongAnswers = 0;
  for (let cycle = 0; cycle < 12; cycle++) {
    const { s, r } = await passwordStep(loginPath, email, pass);
    if (!r.body.challengeToken) continue;
    for (let i = 0; i < 5; i++) {
      const guess = await s.post(secondPath, { challengeToken: r.body.challengeToken, code: '000000' });
      if (guess.status === 401) wrongAnswers += 1;
    }
  }
  const thirteenth = await passwordStep(loginPath, email, pass);
  const right = await held.s.post(secondPath, {
    challengeToken: held.r.body.challengeToken,
    code: await generateTotp({ secret }),
  });
  return { wrongAnswers, thirteenth: thirteenth.r, right };
}

describe('second-factor guesses are limited per account (H3)', () => {
  it('customer: after repeated wrong codes across fresh logins the account locks, even for the right code', async () => {
    const { input, owner } = await approvedAccount(api, 'h3');
    const { secret } = await enableTotp(owner);
    const [user] = await api.db.select().from(users).where(eq(users.email, input.email));
    await api.db.update(users).set({ totpLastStep: null }).where(eq(users.id, user.id));
    const since = new Date(Date.now() - 1000);
    const { wrongAnswers, thirteenth, right } = await guessCodes(
      '/api/v1/auth/login',
      '/api/v1/auth/login/second-factor',
      input.email,
      input.password,
      secret,
    );
    // At most 10 guesses were ever checked, not 60.
    expect(wrongAnswers).toBeLessThanOrEqual(10);
    expect(thirteenth.status).toBe(429);
    expect(thirteenth.body.code).toBe('login_locked');
    expect(thirteenth.headers.get('retry-after')).toBeTruthy();
    expect(right.status).toBe(429);
    expect(right.body.code).toBe('login_locked');
    // The counter lives in login_throttles, per user, and the owner is told.
    const [row] = await api.db
      .select()
      .from(loginThrottles)
      .where(eq(loginThrottles.key, `user:2fa:${user.id}`));
    expect(row.failures).toBe(10);
    const mail = await readMail(api.mailUrl, { to: input.email, since, subjectIncludes: 'bloqueada' });
    expect(mail.text).toContain('/recuperar-senha');
  });

  it('staff: the same lock applies to the staff second factor', async () => {
    const email = `h3-staff-${Date.now()}@staff.test`;
    const root = await staffSession(api);
    const created = await root.post<{ id: string }>('/api/v1/staff/members', {
      fullName: 'Staff Alvo Teste',
      email,
      role: 'support',
    });
    expect(created.status).toBe(201);
    const staffPassword = 'Staff-Alvo-Senha-2026';
    await api.db
      .update(staffMembers)
      .set({ passwordHash: await password.hashPassword(staffPassword) })
      .where(eq(staffMembers.email, email));
    await staffSession(api, { email, password: staffPassword });
    const secret = staffTotpSecret(email)!;
    await api.db.update(staffMembers).set({ totpLastStep: null }).where(eq(staffMembers.email, email));
    const { wrongAnswers, thirteenth, right } = await guessCodes(
      '/api/v1/staff/auth/login',
      '/api/v1/staff/auth/login/second-factor',
      email,
      staffPassword,
      secret,
    );
    expect(wrongAnswers).toBeLessThanOrEqual(10);
    expect(thirteenth.status).toBe(429);
    expect(right.status).toBe(429);
  });
});

describe('re-authentication on signed-in routes is throttled per user (L5)', () => {
  it('/me/password, 2FA disable and transfer ownership stop after 5 wrong passwords, right one included', async () => {
    const { input, owner } = await approvedAccount(api, 'l5');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (
          await owner.post('/api/v1/me/password', {
            currentPassword: `Wrong-Guess-${i}-2026`,
            newPassword: 'Nova-Senha-Forte-2026',
          })
        ).status,
      );
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses[5]).toBe(429);
    const right = await owner.post('/api/v1/me/password', {
      currentPassword: input.password,
      newPassword: 'Nova-Senha-Forte-2026',
    });
    expect(right.status).toBe(429);
    expect(right.body.code).toBe('reauth_locked');
    // The same counter guards the other re-authentication checks of this user.
    const admin = await inviteMember(api, owner, 'admin');
    const transfer = await owner.post(`/api/v1/team/members/${admin.userId}/transfer-ownership`, {
      password: input.password,
    });
    expect(transfer.status).toBe(429);
  });

  it('staff password change is throttled the same way', async () => {
    const staff = await staffSession(api);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (
          await staff.post('/api/v1/staff/me/password', {
            currentPassword: `Wrong-Guess-${i}-2026`,
            newPassword: 'Nova-Senha-Staff-2026',
          })
        ).status,
      );
    expect(statuses[5]).toBe(429);
    const right = await staff.post('/api/v1/staff/me/password', {
      currentPassword: STAFF.password,
      newPassword: STAFF.password,
    });
    expect(right.status).toBe(429);
    // Let the rest of this file sign the root staff in again.
    await api.db.execute(sql`delete from login_throttles where key like 'staff:reauth:%'`);
  });
});

describe('the captcha is bound to its e-mail and client address (L10)', () => {
  async function needCaptcha(email: string) {
    for (let i = 0; i < 3; i++)
      await api.session().post('/api/v1/auth/login', { email, password: 'Wrong-Password-1' });
  }

  it('a captcha solved for another e-mail or from another address is refused', async () => {
    const { input } = await approvedAccount(api, 'l10');
    await needCaptcha(input.email);
    const s = api.session();
    const forOther = await solveCaptcha(s, `other-${Date.now()}@empresa.test`);
    const wrongEmail = await s.post('/api/v1/auth/login', {
      email: input.email,
      password: input.password,
      captcha: forOther,
    });
    expect(wrongEmail.status).toBe(400);
    expect(wrongEmail.body.code).toBe('captcha_invalid');

    const elsewhere = await solveCaptcha(api.session(), input.email);
    const wrongIp = await s.post('/api/v1/auth/login', {
      email: input.email,
      password: input.password,
      captcha: elsewhere,
    });
    expect(wrongIp.status).toBe(400);
    expect(wrongIp.body.code).toBe('captcha_invalid');

    const own = await solveCaptcha(s, input.email);
    const ok = await s.post('/api/v1/auth/login', {
      email: input.email,
      password: input.password,
      captcha: own,
    });
    expect(ok.status).toBe(200);
  });
});

describe('existing and unknown e-mails cost the same on the response path (L11)', () => {
  /** The SQL statements and queued jobs the API runs while answering one request. */
  async function workOf(request: () => Promise<unknown>) {
    const pool = api.app!.get<{ $client: { query: (...args: unknown[]) => unknown } }>(DB).$client;
    const jobs = api.app!.get(JobQueueService);
    const work: string[] = [];
    const query = pool.query.bind(pool);
    const send = jobs.send.bind(jobs);
    pool.query = (...args: unknown[]) => {
      const first = args[0] as string | { text: string };
      work.push(`sql ${typeof first === 'string' ? first : first.text}`);
      return query(...args);
    };
    jobs.send = (queue, data) => {
      work.push(`job ${queue}`);
      return send(queue, data);
    };
    try {
      await request();
    } finally {
      pool.query = query;
      jobs.send = send;
    }
    return work;
  }

  it('forgot-password and a failed login do the same statements and jobs for both', async () => {
    const { input } = await approvedAccount(api, 'l11');
    const unknown = `nobody-${randomBytes(4).toString('hex')}@empresa.test`;
    const forgot = (email: string) => () => api.session().post('/api/v1/auth/forgot-password', { email });
    const known = await workOf(forgot(input.email));
    expect(known.length).toBeGreaterThan(0);
    expect(await workOf(forgot(unknown))).toEqual(known);

    const fail = (email: string) => () =>
      api.session().post('/api/v1/auth/login', { email, password: 'Wrong-Password-1' });
    const knownFail = await workOf(fail(input.email));
    expect(await workOf(fail(unknown))).toEqual(knownFail);

    // The worker still does the real work: the link arrives and the refusal is audited.
    const since = new Date(Date.now() - 1000);
    await api.session().post('/api/v1/auth/forgot-password', { email: input.email });
    const mail = await readMail(api.mailUrl, { to: input.email, since, subjectIncludes: 'Redefinição' });
    expect(mail.text).toContain('redefinir-senha?token=');
  });
});

describe('Argon2 runs after the cheap checks and behind a global cap (M4)', () => {
  it('invitation accepts with made-up tokens never hash', async () => {
    const before = password.argon2Gate.stats.calls;
    const answers = await Promise.all(
      Array.from({ length: 30 }, () =>
        api.session().post('/api/v1/invitations/accept', {
          token: randomBytes(32).toString('base64url'),
          fullName: 'Atacante Teste Silva',
          password: 'Senha-Forte-Ataque-2026',
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(30).fill(404));
    expect(password.argon2Gate.stats.calls).toBe(before);
  });

  it('parallel hashing never exceeds the cap, and a full queue answers 503 with Retry-After', async () => {
    const gate = password.argon2Gate;
    gate.configure({ maxConcurrent: 2, maxQueue: 3 });
    gate.stats.maxActive = 0;
    try {
      const answers = await Promise.all(
        Array.from({ length: 16 }, () => api.session().post('/api/v1/signup', newSignup('m4'))),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.every((s) => s === 202 || s === 503)).toBe(true);
      expect(statuses).toContain(202);
      const busy = answers.filter((a) => a.status === 503);
      expect(busy.length).toBeGreaterThan(0);
      for (const b of busy) {
        expect(b.body.code).toBe('server_busy');
        expect(b.headers.get('retry-after')).toBeTruthy();
      }
      expect(gate.stats.maxActive).toBeGreaterThan(0);
      expect(gate.stats.maxActive).toBeLessThanOrEqual(2);
    } finally {
      gate.configure({});
    }
  });
});

describe('common and breached passwords are refused everywhere a password is set', () => {
  const COMMON = ['Iloveyou2', 'Flamengo2024!', 'Password2024', 'Palmeiras2023'];
  const ptMessage = 'Essa senha é muito comum ou já apareceu em vazamentos. Escolha outra.';

  it('sign-up, password change, reset and invitation accept', async () => {
    for (const pw of COMMON) {
      const r = await api.session().post('/api/v1/signup', { ...newSignup('common'), password: pw });
      expect(r.status, pw).toBe(400);
      expect(r.body.fields).toMatchObject({ password: ptMessage });
    }
    const en = await new HttpSession(api.baseUrl, 'en').post('/api/v1/signup', {
      ...newSignup('common'),
      password: COMMON[0],
    });
    expect(en.body.fields).toMatchObject({
      password: 'This password is too common or appeared in breaches. Choose another.',
    });

    const { input, owner } = await approvedAccount(api, 'common');
    const change = await owner.post('/api/v1/me/password', {
      currentPassword: input.password,
      newPassword: COMMON[1],
    });
    expect(change.status).toBe(400);
    expect(change.body.fields).toMatchObject({ newPassword: ptMessage });

    const since = new Date(Date.now() - 1000);
    await api.session().post('/api/v1/auth/forgot-password', { email: input.email });
    const mail = await readMail(api.mailUrl, { to: input.email, since, subjectIncludes: 'Redefinição' });
    const token = decodeURIComponent(/redefinir-senha\?token=(\S+)/.exec(mail.text)![1]);
    const reset = await api.session().post('/api/v1/auth/reset-password', { token, password: COMMON[2] });
    expect(reset.status).toBe(400);
    expect(reset.body.fields).toMatchObject({ password: ptMessage });

    const email = newMemberEmail('common');
    const invitedAt = new Date(Date.now() - 1000);
    expect((await owner.post('/api/v1/team/invitations', { email, role: 'developer' })).status).toBe(201);
    const invitation = await invitationTokenFromMail(api, email, invitedAt);
    const accept = await api.session().post('/api/v1/invitations/accept', {
      token: invitation.token,
      fullName: 'Membro Comum Teste',
      password: COMMON[3],
    });
    expect(accept.status).toBe(400);
    expect(accept.body.fields).toMatchObject({ password: ptMessage });
    // Nothing was changed by the refusals.
    const [row] = await api.db
      .select()
      .from(users)
      .where(and(eq(users.email, input.email)));
    expect(row.passwordChangedAt).toBeNull();
  });
});
