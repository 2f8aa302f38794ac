import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { platformSettings, staffMembers } from '@csp/db';
import { hashPassword } from '../../src/modules/identity/login/password';
import { localTime } from '../../src/modules/identity/staff/staff-access-policy';
import { readMail } from '@csp/local-services';
import { STAFF, staffSession, staffTotpSecrets, startTestApi, type TestApi } from '../support/harness';
import { HttpSession } from '../support/http';
import { totpCode } from '../support/security';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterEach(async () => {
  // The settings are platform-wide: never leave a restriction behind for other tests.
  await api.db.delete(platformSettings).where(eq(platformSettings.key, 'staff_login'));
});
afterAll(async () => {
  await api?.close();
});

async function newStaffMember(role: 'super_admin' | 'support' = 'super_admin') {
  const email = `staff-${Date.now()}-${Math.floor(Math.random() * 1e6)}@staff.test`;
  const password = 'Staff-Member-2026';
  await api.db.insert(staffMembers).values({
    email,
    fullName: 'Equipe Teste',
    role,
    passwordHash: await hashPassword(password),
  });
  return { email, password };
}

describe('staff mandatory 2FA', () => {
  it('first login goes to TOTP enrolment; nothing else answers until enrolled; then login needs the code once', async () => {
    const who = await newStaffMember();
    const s = api.session();
    const login = await s.post<{ twoFactorEnrolmentRequired?: boolean }>('/api/v1/staff/auth/login', who);
    expect(login.status).toBe(200);
    expect(login.body.twoFactorEnrolmentRequired).toBe(true);
    const blocked = await s.get('/api/v1/staff/accounts');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('staff_two_factor_required');
    expect((await s.get('/api/v1/staff/me')).status).toBe(200);

    const oldCookie = s.cookie('csp_staff_session');
    const setup = await s.post<{ secret: string }>('/api/v1/staff/two-factor/totp/setup');
    const confirm = await s.post<{ recoveryCodes: string[] }>('/api/v1/staff/two-factor/totp/confirm', {
      code: await totpCode(setup.body.secret, -1),
    });
    expect(confirm.status).toBe(200);
    expect(confirm.body.recoveryCodes).toHaveLength(10);
    // A new session token after the privilege change; the old one is dead.
    expect(s.cookie('csp_staff_session')).not.toBe(oldCookie);
    expect((await s.get('/api/v1/staff/accounts')).status).toBe(200);
    const stale = new HttpSession(api.baseUrl);
    const staleCheck = await stale.request('GET', '/api/v1/staff/me', undefined, {
      cookie: `csp_staff_session=${oldCookie}`,
    });
    expect(staleCheck.status).toBe(401);

    const again = api.session();
    const step = await again.post<{ secondFactorRequired?: boolean; challengeToken: string }>(
      '/api/v1/staff/auth/login',
      who,
    );
    expect(step.body.secondFactorRequired).toBe(true);
    expect(again.cookie('csp_staff_session')).toBeUndefined();
    const code = await totpCode(setup.body.secret, 0);
    const ok = await again.post('/api/v1/staff/auth/login/second-factor', {
      challengeToken: step.body.challengeToken,
      code,
    });
    expect(ok.status).toBe(200);
    // Replay of the same code on a new challenge is refused.
    const third = api.session();
    const step3 = await third.post<{ challengeToken: string }>('/api/v1/staff/auth/login', who);
    const replay = await third.post('/api/v1/staff/auth/login/second-factor', {
      challengeToken: step3.body.challengeToken,
      code,
    });
    expect(replay.status).toBe(401);
  });
});

describe('staff IP allowlist and allowed hours', () => {
  it('the allowlist refuses login and live sessions from other IPs at once', async () => {
    const admin = await staffSession(api);
    const other = await staffSession(api);
    expect((await other.get('/api/v1/staff/me')).status).toBe(200);

    // Saving rules that exclude the caller is refused (no self-lockout).
    const selfLock = await admin.request('PUT', '/api/v1/staff/settings/login', {
      ipAllowlist: ['192.0.2.0/24'],
      hours: null,
    });
    expect(selfLock.status).toBe(400);
    const invalid = await admin.request('PUT', '/api/v1/staff/settings/login', {
      ipAllowlist: ['not-an-ip'],
      hours: null,
    });
    expect(invalid.status).toBe(400);

    const saved = await admin.request('PUT', '/api/v1/staff/settings/login', {
      ipAllowlist: [`${admin.clientIp}/32`],
      hours: null,
    });
    expect(saved.status).toBe(200);
    expect((await admin.get('/api/v1/staff/settings/login')).body).toMatchObject({
      ipAllowlist: [`${admin.clientIp}/32`],
    });

    const live = await other.get('/api/v1/staff/accounts');
    expect(live.status).toBe(403);
    expect(live.body.code).toBe('staff_ip_not_allowed');
    const login = await api
      .session()
      .post('/api/v1/staff/auth/login', { email: 'root@staff.test', password: 'x' });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('staff_ip_not_allowed');
    expect((await admin.get('/api/v1/staff/accounts')).status).toBe(200);
  });

  it('hours outside the window refuse login and live sessions', async () => {
    const s = await staffSession(api);
    const { day } = localTime(new Date());
    const otherDays = [0, 1, 2, 3, 4, 5, 6].filter((d) => d !== day);
    await api.db.insert(platformSettings).values({
      key: 'staff_login',
      value: { ipAllowlist: [], hours: { start: '00:00', end: '23:59', days: otherDays } },
    });
    const live = await s.get('/api/v1/staff/me');
    expect(live.status).toBe(403);
    expect(live.body.code).toBe('staff_outside_hours');
    const login = await api
      .session()
      .post('/api/v1/staff/auth/login', { email: 'root@staff.test', password: 'x' });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('staff_outside_hours');

    await api.db
      .update(platformSettings)
      .set({ value: { ipAllowlist: [], hours: { start: '00:00', end: '00:00', days: [day] } } })
      .where(eq(platformSettings.key, 'staff_login'));
    expect((await s.get('/api/v1/staff/me')).status).toBe(200);
  });

  it('only super admins manage the settings', async () => {
    const who = await newStaffMember('support');
    const support = await staffSession(api, who);
    expect((await support.get('/api/v1/staff/settings/login')).status).toBe(403);
    expect(
      (await support.request('PUT', '/api/v1/staff/settings/login', { ipAllowlist: [], hours: null })).status,
    ).toBe(403);
  });
});

describe('staff management by super admins', () => {
  it('creates a member who sets a password by e-mail link, changes the role, disables (sessions end)', async () => {
    const admin = await staffSession(api);
    const email = `novo-staff-${Date.now()}@staff.test`;
    const since = new Date(Date.now() - 500);
    const created = await admin.post<{ id: string; role: string; twoFactorEnabled: boolean }>(
      '/api/v1/staff/members',
      { fullName: 'Suporte Novo', email, role: 'support' },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ role: 'support', twoFactorEnabled: false });
    expect(
      (await admin.post('/api/v1/staff/members', { fullName: 'Outro', email, role: 'support' })).status,
    ).toBe(409);
    const mail = await readMail(api.mailUrl, { to: email, since, subjectIncludes: 'senha' });
    const token = decodeURIComponent(/\/staff\/redefinir-senha\?token=(\S+)/.exec(mail.text)![1]);
    expect(
      (await api.session().post('/api/v1/auth/reset-password', { token, password: 'Suporte-Senha-2026' }))
        .status,
    ).toBe(204);
    const member = await staffSession(api, { email, password: 'Suporte-Senha-2026' });
    expect((await member.get('/api/v1/staff/me')).status).toBe(200);
    expect((await member.get('/api/v1/staff/members')).status).toBe(403);

    const list = await admin.get<{ items: Array<{ email: string; twoFactorEnabled: boolean }> }>(
      '/api/v1/staff/members',
    );
    expect(list.body.items.find((i) => i.email === email)?.twoFactorEnabled).toBe(true);

    const role = await admin.post<{ role: string }>(`/api/v1/staff/members/${created.body.id}/role`, {
      role: 'partner',
    });
    expect(role.body.role).toBe('partner');
    expect((await member.get('/api/v1/staff/me')).status).toBe(401);

    const again = await staffSession(api, { email, password: 'Suporte-Senha-2026' });
    const disabled = await admin.post(`/api/v1/staff/members/${created.body.id}/disable`);
    expect(disabled.status).toBe(200);
    expect((await again.get('/api/v1/staff/me')).status).toBe(401);
    const login = await api
      .session()
      .post('/api/v1/staff/auth/login', { email, password: 'Suporte-Senha-2026' });
    expect(login.status).toBe(401);

    const me = await admin.get<{ staff: { id: string } }>('/api/v1/staff/me');
    expect((await admin.post(`/api/v1/staff/members/${me.body.staff.id}/disable`)).status).toBe(400);
    expect(
      (await admin.post('/api/v1/staff/members/00000000-0000-4000-8000-000000000000/disable')).status,
    ).toBe(404);
    expect(STAFF.email).toBeTruthy();
  });
});

describe('staff own security', () => {
  it('changes the own password (current one required, other sessions end) and regenerates recovery codes', async () => {
    const who = await newStaffMember('support');
    const first = await staffSession(api, who);
    const second = await staffSession(api, who);
    const overview = await first.get<{ twoFactorEnabled: boolean; recoveryCodesRemaining: number }>(
      '/api/v1/staff/me/security',
    );
    expect(overview.body).toMatchObject({ twoFactorEnabled: true, recoveryCodesRemaining: 10 });

    const wrong = await first.post('/api/v1/staff/me/password', {
      currentPassword: 'not-the-password',
      newPassword: 'Another-Staff-Pass-2026',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('current_password_invalid');
    const weak = await first.post('/api/v1/staff/me/password', {
      currentPassword: who.password,
      newPassword: 'short',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.fields).toHaveProperty('newPassword');
    expect((await second.get('/api/v1/staff/me')).status).toBe(200);

    const changed = await first.post('/api/v1/staff/me/password', {
      currentPassword: who.password,
      newPassword: 'Another-Staff-Pass-2026',
    });
    expect(changed.status).toBe(204);
    expect((await first.get('/api/v1/staff/me')).status).toBe(200);
    expect((await second.get('/api/v1/staff/me')).status).toBe(401);
    const oldLogin = await api.session().post('/api/v1/staff/auth/login', who);
    expect(oldLogin.status).toBe(401);

    const secret = staffTotpSecrets.get(who.email)!;
    await api.db.update(staffMembers).set({ totpLastStep: null }).where(eq(staffMembers.email, who.email));
    const badCode = await first.post('/api/v1/staff/me/two-factor/recovery-codes', {
      password: 'Another-Staff-Pass-2026',
      code: '000000',
    });
    expect(badCode.status).toBe(400);
    const codes = await first.post<{ recoveryCodes: string[] }>(
      '/api/v1/staff/me/two-factor/recovery-codes',
      {
        password: 'Another-Staff-Pass-2026',
        code: await totpCode(secret),
      },
    );
    expect(codes.status).toBe(200);
    expect(codes.body.recoveryCodes).toHaveLength(10);
  });
});
