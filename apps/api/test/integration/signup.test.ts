import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accounts, signupRequests, users } from '@csp/db';
import { readMail } from '@csp/local-services';
import { newSignup, signUpAndVerify, staffSession, startTestApi, type TestApi } from '../support/harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

describe('sign-up', () => {
  it('refuses bad input with pt-BR field messages and stores nothing', async () => {
    const input = { ...newSignup(), document: '529.982.247-24', password: 'fraca', acceptTerms: false };
    const res = await api.session().post('/api/v1/signup', input);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.fields).toMatchObject({
      document: 'CPF ou CNPJ inválido. Confira os dígitos.',
      password: 'A senha precisa ter pelo menos 8 caracteres.',
      acceptTerms: 'É preciso aceitar os Termos de Serviço.',
    });
    const rows = await api.db.select().from(signupRequests).where(eq(signupRequests.email, input.email));
    expect(rows).toHaveLength(0);
  });

  it('answers in English when asked', async () => {
    const res = await api.session('en').post('/api/v1/signup', { ...newSignup(), email: 'not-an-email' });
    expect(res.status).toBe(400);
    expect(res.body.fields).toMatchObject({ email: 'Enter a valid e-mail address.' });
  });

  it('refuses malformed JSON and wrong types with a 4xx, never a 5xx', async () => {
    const s = api.session();
    expect((await s.request('POST', '/api/v1/signup', '{"broken"')).status).toBe(400);
    expect(
      (await s.post('/api/v1/signup', { fullName: 42, email: [], document: {}, password: null })).status,
    ).toBe(400);
    expect((await s.post('/api/v1/signup/verify', { signupId: 'x', code: 'abc' })).status).toBe(400);
  });

  it('limits sign-ups per client address', async () => {
    const s = api.session();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await s.post('/api/v1/signup', newSignup())).status);
    expect(statuses.slice(0, 10).every((x) => x === 202)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('accepts an alphanumeric CNPJ', async () => {
    const input = { ...newSignup('cnpj'), document: '12.ABC.345/01DE-35' };
    const res = await api.session().post('/api/v1/signup', input);
    expect(res.status).toBe(202);
  });

  it('verifies the e-mail code and creates the account pending approval with its owner', async () => {
    const { accountId, input } = await signUpAndVerify(api);
    const [account] = await api.db.select().from(accounts).where(eq(accounts.id, accountId));
    expect(account.status).toBe('pending_approval');
    expect(account.name).toBe(input.companyName);
    const [owner] = await api.db.select().from(users).where(eq(users.accountId, accountId));
    expect(owner.role).toBe('owner');
    expect(owner.email).toBe(input.email);
    expect(owner.passwordHash.startsWith('$argon2id$')).toBe(true);
    // Staff hear about it by e-mail.
    const staffMail = await readMail(api.mailUrl, {
      to: 'root@staff.test',
      subjectIncludes: input.companyName,
    });
    expect(staffMail.text).toContain(input.email);
    // A pending account cannot sign in yet, and is told why.
    const login = await api
      .session()
      .post('/api/v1/auth/login', { email: input.email, password: input.password });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('account_pending');
  });

  it('counts wrong codes and stops after five', async () => {
    const input = newSignup();
    const s = api.session();
    const started = await s.post<{ signupId: string }>('/api/v1/signup', input);
    const signupId = started.body.signupId;
    for (let i = 1; i <= 4; i++) {
      const res = await s.post('/api/v1/signup/verify', { signupId, code: '000000' });
      // A random code could be 000000; the odds are one in a million.
      expect(res.status).toBe(400);
      expect(res.body.remainingAttempts).toBe(5 - i);
    }
    expect((await s.post('/api/v1/signup/verify', { signupId, code: '000000' })).status).toBe(410);
    expect((await s.post('/api/v1/signup/verify', { signupId, code: '000000' })).status).toBe(410);
    const mail = await readMail(api.mailUrl, { to: input.email });
    const code = /\b(\d{6})\b/.exec(mail.text)![1];
    const late = await s.post('/api/v1/signup/verify', { signupId, code });
    expect(late.status).toBe(410);
    expect(late.body.code).toBe('too_many_attempts');
  });

  it('counts parallel wrong guesses atomically', async () => {
    const input = newSignup();
    const s = api.session();
    const { body } = await s.post<{ signupId: string }>('/api/v1/signup', input);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        s.post('/api/v1/signup/verify', { signupId: body.signupId, code: '000001' }),
      ),
    );
    // Five tries in all: four answer "wrong code", the fifth and every later one "no attempts left".
    expect(results.filter((r) => r.status === 400)).toHaveLength(4);
    expect(results.filter((r) => r.status === 410)).toHaveLength(16);
    const [row] = await api.db.select().from(signupRequests).where(eq(signupRequests.id, body.signupId));
    expect(row.attempts).toBe(5);
  });

  it('says the e-mail is taken only after the address is proven', async () => {
    const { input } = await signUpAndVerify(api);
    const again = { ...newSignup(), email: input.email };
    const s = api.session();
    const since = new Date();
    const started = await s.post<{ signupId: string }>('/api/v1/signup', again);
    expect(started.status).toBe(202);
    const mail = await readMail(api.mailUrl, { to: input.email, subjectIncludes: 'código', since });
    const code = /\b(\d{6})\b/.exec(mail.text)![1];
    const res = await s.post('/api/v1/signup/verify', { signupId: started.body.signupId, code });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('email_taken');
  });

  it('does not tell whether a CPF/CNPJ is a customer: the duplicate goes to staff review, flagged, and approval refuses it', async () => {
    const staff = await staffSession(api);
    const first = await signUpAndVerify(api);
    expect((await staff.post(`/api/v1/staff/accounts/${first.accountId}/approve`)).status).toBe(200);

    // Someone with any mailbox tries the customer's CPF: the answer is that of every sign-up.
    const probe = await signUpAndVerify(api, { ...newSignup('probe'), document: first.input.document });
    const fresh = await signUpAndVerify(api);
    const [probeAccount] = await api.db.select().from(accounts).where(eq(accounts.id, probe.accountId));
    expect(probeAccount.status).toBe('pending_approval');

    const list = await staff.get<{ items: Array<{ id: string; documentInUse: boolean }> }>(
      '/api/v1/staff/accounts?status=pending_approval',
    );
    expect(list.body.items.find((i) => i.id === probe.accountId)?.documentInUse).toBe(true);
    expect(list.body.items.find((i) => i.id === fresh.accountId)?.documentInUse).toBe(false);
    const approve = await staff.post(`/api/v1/staff/accounts/${probe.accountId}/approve`);
    expect(approve.status).toBe(409);
    expect(approve.body.code).toBe('document_taken');
    const [still] = await api.db.select().from(accounts).where(eq(accounts.id, probe.accountId));
    expect(still.status).toBe('pending_approval');
  });
});
