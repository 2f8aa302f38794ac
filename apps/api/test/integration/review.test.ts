import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accounts } from '@csp/db';
import { readMail } from '@csp/local-services';
import { rootAdmin, signUpAndVerify, staffSession, startTestApi, type TestApi } from '../support/harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

type Summary = { id: string; status: string; ownerEmail: string; document: string; planName: string };

describe('staff review of sign-ups', () => {
  it('lists pending sign-ups with what staff need to decide', async () => {
    const { accountId, input } = await signUpAndVerify(api);
    const staff = await staffSession(api);
    const list = await staff.get<{ items: Summary[] }>('/api/v1/staff/accounts?status=pending_approval');
    expect(list.status).toBe(200);
    const row = list.body.items.find((i) => i.id === accountId);
    expect(row).toMatchObject({ status: 'pending_approval', ownerEmail: input.email, planName: 'Free' });
    expect(row!.document).toMatch(/^\d{3}\.\d{3}\.\d{3}-\d{2}$/);
    expect(list.body.items.every((i) => i.status === 'pending_approval')).toBe(true);
    expect((await staff.get('/api/v1/staff/accounts?status=bogus')).status).toBe(400);
  });

  it('rejects with a reason: e-mail in pt-BR, no storage, login explains', async () => {
    const { accountId, input } = await signUpAndVerify(api);
    const staff = await staffSession(api);
    const noReason = await staff.post(`/api/v1/staff/accounts/${accountId}/reject`, { reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields).toMatchObject({ reason: 'Informe o motivo da rejeição.' });

    const rejected = await staff.post(`/api/v1/staff/accounts/${accountId}/reject`, {
      reason: 'CNPJ inativo na Receita',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('rejected');
    const [row] = await api.db.select().from(accounts).where(eq(accounts.id, accountId));
    expect(row.rejectionReason).toBe('CNPJ inativo na Receita');

    const mail = await readMail(api.mailUrl, { to: input.email, subjectIncludes: 'Cadastro não aprovado' });
    expect(mail.text).toContain('Motivo: CNPJ inativo na Receita');

    const admin = rootAdmin(api);
    expect(await admin.getUserInfo(`acct-${accountId}`)).toBeNull();

    const login = await api
      .session()
      .post('/api/v1/auth/login', { email: input.email, password: input.password });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('account_rejected');

    // A rejected sign-up cannot be approved afterwards.
    const late = await staff.post(`/api/v1/staff/accounts/${accountId}/approve`);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('account_not_pending');
  });

  it('answers 404 for unknown or malformed account ids', async () => {
    const staff = await staffSession(api);
    expect(
      (await staff.post('/api/v1/staff/accounts/00000000-0000-4000-8000-000000000000/approve')).status,
    ).toBe(404);
    expect((await staff.post('/api/v1/staff/accounts/123/approve')).status).toBe(404);
  });

  it('keeps staff and customer sessions apart and logs out for real', async () => {
    const staff = await staffSession(api);
    expect((await staff.get('/api/v1/me')).status).toBe(401);
    expect((await staff.get('/api/v1/staff/me')).status).toBe(200);
    const wrong = await api
      .session()
      .post('/api/v1/staff/auth/login', { email: 'root@staff.test', password: 'Nope-12345' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('invalid_credentials');
    expect((await staff.post('/api/v1/staff/auth/logout')).status).toBe(204);
    expect((await staff.get('/api/v1/staff/me')).status).toBe(401);
  });
});
