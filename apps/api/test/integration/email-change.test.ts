import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMail } from '@csp/local-services';
import { approvedAccount, startTestApi, type TestApi } from '../support/harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

describe('e-mail change with re-verification', () => {
  it('needs the password and a code sent to the new address; then alerts the old one and ends other sessions', async () => {
    const { input, owner } = await approvedAccount(api, 'emailchg');
    const other = api.session();
    await other.post('/api/v1/auth/login', { email: input.email, password: input.password });
    const newEmail = `novo-${Date.now()}@empresa.test`;

    const badPassword = await owner.post('/api/v1/me/email-change', { newEmail, password: 'Nope-12345' });
    expect(badPassword.status).toBe(400);

    const since = new Date(Date.now() - 500);
    const started = await owner.post<{ requestId: string }>('/api/v1/me/email-change', {
      newEmail,
      password: input.password,
    });
    expect(started.status).toBe(202);
    const mail = await readMail(api.mailUrl, { to: newEmail, since, subjectIncludes: 'confirma' });
    const code = /\b(\d{6})\b/.exec(mail.text)![1];
    // Nothing changed yet.
    expect((await owner.get<{ user: { email: string } }>('/api/v1/me')).body.user.email).toBe(input.email);

    const wrong = await owner.post('/api/v1/me/email-change/confirm', {
      requestId: started.body.requestId,
      code: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.status).toBe(400);
    const ok = await owner.post('/api/v1/me/email-change/confirm', {
      requestId: started.body.requestId,
      code,
    });
    expect(ok.status).toBe(200);
    expect((await owner.get<{ user: { email: string } }>('/api/v1/me')).body.user.email).toBe(newEmail);
    expect((await other.get('/api/v1/me')).status).toBe(401);
    const alert = await readMail(api.mailUrl, { to: input.email, since, subjectIncludes: 'foi alterado' });
    expect(alert.text).toContain(newEmail);
    // Single use.
    const again = await owner.post('/api/v1/me/email-change/confirm', {
      requestId: started.body.requestId,
      code,
    });
    expect(again.status).toBe(410);
    // The new address signs in.
    expect(
      (await api.session().post('/api/v1/auth/login', { email: newEmail, password: input.password })).status,
    ).toBe(200);
  });

  it('says the address is taken only after it is proven', async () => {
    const a = await approvedAccount(api, 'emailtaken-a');
    const b = await approvedAccount(api, 'emailtaken-b');
    const since = new Date(Date.now() - 500);
    const started = await a.owner.post<{ requestId: string }>('/api/v1/me/email-change', {
      newEmail: b.input.email,
      password: a.input.password,
    });
    expect(started.status).toBe(202);
    const mail = await readMail(api.mailUrl, { to: b.input.email, since, subjectIncludes: 'confirma' });
    const code = /\b(\d{6})\b/.exec(mail.text)![1];
    const r = await a.owner.post('/api/v1/me/email-change/confirm', {
      requestId: started.body.requestId,
      code,
    });
    expect(r.status).toBe(409);
  });

  it('is rate-limited (it sends e-mail)', async () => {
    const { input, owner } = await approvedAccount(api, 'emailrate');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (
          await owner.post('/api/v1/me/email-change', {
            newEmail: `x${i}-${Date.now()}@empresa.test`,
            password: input.password,
          })
        ).status,
      );
    expect(statuses.slice(0, 5).every((s) => s === 202)).toBe(true);
    expect(statuses[5]).toBe(429);
  });
});
