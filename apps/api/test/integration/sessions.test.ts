import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMail, listMail } from '@csp/local-services';
import { approvedAccount, staffSession, startTestApi, type TestApi } from '../support/harness';
import { HttpSession } from '../support/http';

let api: TestApi;
beforeAll(async () => {
  // The trusted proxy's geo header (GEO_HEADER) names each session's place.
  api = await startTestApi({ GEO_HEADER: 'X-Test-Geo' });
});
afterAll(async () => {
  await api?.close();
});

type Sessions = {
  items: Array<{
    id: string;
    device: string;
    ip: string;
    place: string | null;
    current: boolean;
    lastSeenAt: string;
  }>;
};
const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

async function loginAs(email: string, password: string, ua?: string, ip?: string, place?: string) {
  const s = new HttpSession(api.baseUrl, 'pt-BR', ip);
  const r = await s.request(
    'POST',
    '/api/v1/auth/login',
    { email, password },
    { ...(ua ? { 'user-agent': ua } : {}), ...(place ? { 'x-test-geo': place } : {}) },
  );
  expect(r.status).toBe(200);
  return s;
}

describe('sessions', () => {
  it('lists my sessions with device, IP and the current flag; ends one and all others', async () => {
    const { input, owner } = await approvedAccount(api, 'sess');
    const second = await loginAs(input.email, input.password, CHROME, undefined, 'São Paulo, BR');
    const third = await loginAs(input.email, input.password);
    const list = await owner.get<Sessions>('/api/v1/me/sessions');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(3);
    expect(list.body.items.filter((i) => i.current)).toHaveLength(1);
    // Device labels follow the user's language (pt-BR here).
    const chrome = list.body.items.find((i) => i.device === 'Chrome em Windows')!;
    expect(chrome.ip).toBe(second.clientIp);
    expect(chrome.place).toBe('São Paulo, BR');
    expect(list.body.items.filter((i) => i.place === null)).toHaveLength(2);

    expect((await owner.delete(`/api/v1/me/sessions/${chrome.id}`)).status).toBe(204);
    expect((await second.get('/api/v1/me')).status).toBe(401);
    expect((await third.get('/api/v1/me')).status).toBe(200);
    const current = list.body.items.find((i) => i.current)!;
    expect((await owner.delete(`/api/v1/me/sessions/${current.id}`)).status).toBe(400);

    const others = await owner.delete<{ ended: number }>('/api/v1/me/sessions');
    expect(others.body.ended).toBe(1);
    expect((await third.get('/api/v1/me')).status).toBe(401);
    expect((await owner.get('/api/v1/me')).status).toBe(200);
  });

  it("cannot end another user's session (404) and bad ids are 404", async () => {
    const a = await approvedAccount(api, 'sessa');
    const b = await approvedAccount(api, 'sessb');
    const bs = await b.owner.get<Sessions>('/api/v1/me/sessions');
    const id = bs.body.items[0].id;
    expect((await a.owner.delete(`/api/v1/me/sessions/${id}`)).status).toBe(404);
    expect((await a.owner.delete('/api/v1/me/sessions/not-a-uuid')).status).toBe(404);
    expect((await b.owner.get('/api/v1/me')).status).toBe(200);
  });

  it('a password change ends the other sessions at once and needs the current password', async () => {
    const { input, owner } = await approvedAccount(api, 'pwchange');
    const other = await loginAs(input.email, input.password);
    const wrong = await owner.post('/api/v1/me/password', {
      currentPassword: 'Nope-123456',
      newPassword: 'Outra-Senha-2027',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('current_password_invalid');
    const weak = await owner.post('/api/v1/me/password', {
      currentPassword: input.password,
      newPassword: 'senha123',
    });
    expect(weak.status).toBe(400);
    const ok = await owner.post('/api/v1/me/password', {
      currentPassword: input.password,
      newPassword: 'Outra-Senha-2027',
    });
    expect(ok.status).toBe(204);
    expect((await other.get('/api/v1/me')).status).toBe(401);
    expect((await owner.get('/api/v1/me')).status).toBe(200);
    await loginAs(input.email, 'Outra-Senha-2027');
  });

  it('staff force-logout ends every session of a user', async () => {
    const { input, owner } = await approvedAccount(api, 'force');
    const me = await owner.get<{ user: { id: string } }>('/api/v1/me');
    const staff = await staffSession(api);
    const r = await staff.post<{ ended: number }>(`/api/v1/staff/users/${me.body.user.id}/force-logout`);
    expect(r.status).toBe(200);
    expect(r.body.ended).toBeGreaterThanOrEqual(1);
    expect((await owner.get('/api/v1/me')).status).toBe(401);
    expect(
      (await staff.post('/api/v1/staff/users/00000000-0000-4000-8000-000000000000/force-logout')).status,
    ).toBe(404);
    // Customers cannot reach it.
    const customer = await loginAs(input.email, input.password);
    expect((await customer.post(`/api/v1/staff/users/${me.body.user.id}/force-logout`)).status).toBe(401);
  });

  it('e-mails an alert on a login from a new device or IP, not from a known one; respects the preference', async () => {
    const { input } = await approvedAccount(api, 'newdev');
    const alerts = async () =>
      (await listMail(api.mailUrl, input.email)).filter((m) => m.subject.includes('Novo acesso'));
    const settle = () => new Promise((r) => setTimeout(r, 1500));
    const ip = `10.99.${Math.floor(Math.random() * 250)}.1`;
    // New compared with the first login (harness: another IP and user agent).
    await loginAs(input.email, input.password, CHROME, ip);
    await readMail(api.mailUrl, { to: input.email, subjectIncludes: 'Novo acesso' });
    await settle();
    expect(await alerts()).toHaveLength(1);
    // Same device and IP again: no alert.
    await loginAs(input.email, input.password, CHROME, ip);
    await settle();
    expect(await alerts()).toHaveLength(1);

    const fresh = await loginAs(
      input.email,
      input.password,
      'Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0',
      '10.77.1.2',
    );
    await expect.poll(async () => (await alerts()).length, { timeout: 10_000 }).toBe(2);
    const mail = (await alerts()).find((m) => m.text.includes('10.77.1.2'))!;
    expect(mail.text).toContain('Firefox em Linux');

    // Opting out stops the alert.
    const pref = await fresh.request('PATCH', '/api/v1/me/profile', {
      notificationPrefs: { newLoginAlert: false },
    });
    expect(pref.status).toBe(200);
    await loginAs(input.email, input.password, 'curl/8.0', '10.66.1.2');
    await settle();
    expect(await alerts()).toHaveLength(2);
  });
});

describe('profile', () => {
  it('reads and updates name, phone, language, timezone, theme and e-mail preferences', async () => {
    const { owner } = await approvedAccount(api, 'profile');
    const before = await owner.get('/api/v1/me/profile');
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ language: 'pt-BR', timezone: 'America/Sao_Paulo', theme: 'system' });
    const r = await owner.request('PATCH', '/api/v1/me/profile', {
      fullName: 'Maria Nova Silva',
      language: 'en',
      timezone: 'Europe/Lisbon',
      theme: 'dark',
      role: 'owner',
      accountId: '00000000-0000-4000-8000-000000000000',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      fullName: 'Maria Nova Silva',
      language: 'en',
      timezone: 'Europe/Lisbon',
      theme: 'dark',
    });
    const badTz = await owner.request('PATCH', '/api/v1/me/profile', { timezone: 'Mars/Olympus' });
    expect(badTz.status).toBe(400);
    expect(badTz.body.fields).toHaveProperty('timezone');
    const badTheme = await owner.request('PATCH', '/api/v1/me/profile', { theme: 'neon' });
    expect(badTheme.status).toBe(400);
  });
});
