import type { AddressInfo } from 'node:net';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '@csp/db';
import { readMail } from '@csp/local-services';
import { createApp } from '../../src/app';
import { approvedAccount, startTestApi, testConfig, type TestApi } from '../support/harness';
import { HttpSession } from '../support/http';

// security.md: passwords are never logged; no secret in logs, audit details or error messages.
// An API instance with its logger ON serves every call here while stdout/stderr are captured.
let api: TestApi;
let logged: TestApi;
let loggedApp: Awaited<ReturnType<typeof createApp>>;
const logLines: string[] = [];
const originalStdout = process.stdout.write.bind(process.stdout);
const originalStderr = process.stderr.write.bind(process.stderr);

beforeAll(async () => {
  api = await startTestApi();
  // Captured from before the instance starts, so whatever it writes is seen.
  const capture =
    (original: typeof originalStdout) =>
    (chunk: unknown, ...rest: unknown[]): boolean => {
      logLines.push(String(chunk));
      return (original as (c: unknown, ...r: unknown[]) => boolean)(chunk, ...rest);
    };
  process.stdout.write = capture(originalStdout) as typeof process.stdout.write;
  process.stderr.write = capture(originalStderr) as typeof process.stderr.write;
  // Another app of this process switched Nest's static logger off (logger: false); a logger
  // instance of its own turns it back on for the logged instance.
  Logger.overrideLogger(new ConsoleLogger());
  loggedApp = await createApp(testConfig());
  await loggedApp.listen({ host: '127.0.0.1', port: 0 });
  const baseUrl = `http://127.0.0.1:${(loggedApp.getHttpServer().address() as AddressInfo).port}`;
  // The same database, mail catcher and worker; only the HTTP side is the logged instance.
  logged = { ...api, baseUrl, session: (lang = 'pt-BR') => new HttpSession(baseUrl, lang) };
});
afterAll(async () => {
  process.stdout.write = originalStdout;
  process.stderr.write = originalStderr;
  await loggedApp?.close();
  await api?.close();
});

describe('secrets stay out of logs, audit entries and error messages', () => {
  it('passwords (sign-up, login, change) and storage secrets', async () => {
    const { input, owner } = await approvedAccount(logged, 'logs');
    const secrets = [input.password];

    // Wrong and right logins, a weak new password, a real change.
    const wrongPassword = 'Wrong-Password-Log-2026';
    secrets.push(wrongPassword);
    const wrong = await logged
      .session()
      .post('/api/v1/auth/login', { email: input.email, password: wrongPassword });
    expect(wrong.status).toBe(401);
    const weak = 'weakpw';
    const refused = await owner.post('/api/v1/me/password', {
      currentPassword: input.password,
      newPassword: weak,
    });
    expect(refused.status).toBe(400);
    const next = 'Another-Log-Password-2026';
    secrets.push(next);
    const changed = await owner.post('/api/v1/me/password', {
      currentPassword: input.password,
      newPassword: next,
    });
    expect(changed.status).toBe(204);

    // A storage key: its secret is in the one response that shows it, nowhere else.
    const key = await owner.post<{ secretAccessKey: string }>('/api/v1/access-keys', { name: 'log-check' });
    expect(key.status).toBe(201);
    secrets.push(key.body.secretAccessKey);
    const list = await owner.get('/api/v1/access-keys');
    expect(JSON.stringify(list.body)).not.toContain(key.body.secretAccessKey);

    // Error answers never echo what was sent.
    for (const body of [wrong.body, refused.body]) {
      const text = JSON.stringify(body);
      expect(text).not.toContain(wrongPassword);
      expect(text).not.toContain(weak);
    }

    const audit = JSON.stringify(await api.db.select().from(auditEntries));
    const logs = logLines.join('');
    // The capture works (the instance logs its start-up and routes).
    expect(logs).toContain('Nest');
    for (const secret of secrets) {
      expect(audit).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
  });

  it('the e-mail worker logs job id and template only: no sign-up or e-mail-change code, no link', async () => {
    const since = new Date(Date.now() - 1000);
    const { input, owner } = await approvedAccount(logged, 'logcodes');
    const signupMail = await readMail(api.mailUrl, { to: input.email, since, subjectIncludes: 'código' });
    const signupCode = /\b(\d{6})\b/.exec(signupMail.text)![1];

    const newEmail = `logcodes-new-${Date.now()}@empresa.test`;
    const started = await owner.post('/api/v1/me/email-change', { newEmail, password: input.password });
    expect(started.status).toBe(202);
    const changeMail = await readMail(api.mailUrl, { to: newEmail, since, subjectIncludes: 'confirma' });
    const changeCode = /\b(\d{6})\b/.exec(changeMail.text)![1];

    await logged.session().post('/api/v1/auth/forgot-password', { email: input.email });
    const resetMail = await readMail(api.mailUrl, { to: input.email, since, subjectIncludes: 'Redefinição' });
    const resetToken = /redefinir-senha\?token=(\S+)/.exec(resetMail.text)![1];

    const logs = logLines.join('');
    for (const secret of [signupCode, changeCode, resetToken, decodeURIComponent(resetToken)])
      expect(logs).not.toContain(secret);
    // The worker did log its deliveries (so the check above saw its output): id and template.
    expect(logs).toMatch(/EmailWorker.*sent job \S+ \(signupCodeEmail\)/);
  });
});
