import { expect } from 'vitest';
import { generate as generateTotp } from 'otplib';
import { HttpSession } from '../../apps/api/test/support/http';
import { readMail } from '../../packages/local-services/src/mail-client';
import { validCpf } from './customers';

interface Platform {
  apiUrl: string;
  mailUrl: string;
  staffEmail: string;
  staffPassword: string;
  staffTotpSecret: string;
}

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** Staff over the API: password, then the mandatory TOTP (a code counts once: wait a step if used). */
export async function staffApiSession(platform: Platform) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const staff = new HttpSession(platform.apiUrl);
    const login = await staff.post<{ secondFactorRequired?: boolean; challengeToken?: string }>(
      '/api/v1/staff/auth/login',
      { email: platform.staffEmail, password: platform.staffPassword },
    );
    expect(login.status).toBe(200);
    if (!login.body.secondFactorRequired) return staff;
    const second = await staff.post('/api/v1/staff/auth/login/second-factor', {
      challengeToken: login.body.challengeToken,
      code: await generateTotp({ secret: platform.staffTotpSecret }),
    });
    if (second.status === 200) return staff;
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 500));
  }
  throw new Error('staff second factor refused three times');
}

/**
 * An approved account made through the API (sign-up, e-mail code, staff approval), with its owner
 * signed in over the API. The sign-up and approval UI have their own browser test.
 */
export async function approvedOwnerByApi(
  platform: Platform,
  person: { label: string; fullName: string; company: string },
) {
  const email = `${person.label}-${unique()}@empresa.test`;
  const password = 'Backup-Seguro-2026';
  const company = `${person.company} ${unique()}`;
  const anon = new HttpSession(platform.apiUrl);
  const since = new Date(Date.now() - 1000);
  const started = await anon.post<{ signupId: string }>('/api/v1/signup', {
    fullName: person.fullName,
    companyName: company,
    email,
    document: validCpf(),
    phone: '(11) 98765-4321',
    password,
    acceptTerms: true,
  });
  expect(started.status).toBe(202);
  const mail = await readMail(platform.mailUrl, { to: email, since, subjectIncludes: 'código' });
  const verified = await anon.post<{ accountId: string }>('/api/v1/signup/verify', {
    signupId: started.body.signupId,
    code: /\b(\d{6})\b/.exec(mail.text)![1],
  });
  expect(verified.status).toBe(201);
  const staff = await staffApiSession(platform);
  expect((await staff.post(`/api/v1/staff/accounts/${verified.body.accountId}/approve`)).status).toBe(200);
  const owner = new HttpSession(platform.apiUrl);
  expect((await owner.post('/api/v1/auth/login', { email, password })).status).toBe(200);
  return { email, password, company, accountId: verified.body.accountId, api: owner };
}
