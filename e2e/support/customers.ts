import { expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readMail } from '../../packages/local-services/src/mail-client';
import { staffSignIn } from './staff';

type Platform = Parameters<typeof staffSignIn>[1] & { appUrl: string; mailUrl: string };

/** A CPF with valid check digits (digits only). */
export function validCpf(): string {
  const d = Array.from({ length: 9 }, () => Math.floor(Math.random() * 10));
  if (d.every((x) => x === d[0])) d[0] = (d[0] + 1) % 10;
  const check = (digits: number[]) => {
    const rest = digits.reduce((acc, x, i) => acc + x * (digits.length + 1 - i), 0) % 11;
    return rest < 2 ? 0 : 11 - rest;
  };
  d.push(check(d));
  d.push(check(d));
  return d.join('');
}

export async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

/** POST to the API through the web app's origin, as the browser would. */
export async function apiPost(platform: Platform, path: string, body: unknown) {
  const res = await fetch(platform.appUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: platform.appUrl },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

/**
 * A customer signed up through the API and approved by staff in the browser. `onStaffPage` runs on
 * the staff page after the approval, before it closes.
 */
export async function approvedCustomer(
  browser: Browser,
  platform: Platform,
  person: { label: string; fullName: string; company: string },
  onStaffPage?: (staff: Page) => Promise<void>,
) {
  const email = `${person.label}-${Date.now().toString(36)}@empresa.test`;
  const password = 'Backup-Seguro-2026';
  const since = new Date(Date.now() - 1000);
  const started = await apiPost(platform, '/api/v1/signup', {
    fullName: person.fullName,
    companyName: `${person.company} ${Date.now().toString(36)}`,
    email,
    document: validCpf(),
    phone: '(11) 98765-4321',
    password,
    acceptTerms: true,
  });
  expect(started.status).toBe(202);
  const mail = await readMail(platform.mailUrl, { to: email, since, subjectIncludes: 'código' });
  const verified = await apiPost(platform, '/api/v1/signup/verify', {
    signupId: started.body.signupId,
    code: /\b(\d{6})\b/.exec(mail.text)![1],
  });
  expect(verified.status).toBe(201);

  const staffContext = await browser.newContext({ locale: 'pt-BR' });
  const staff = await newPage(staffContext);
  await staffSignIn(staff, platform);
  await staff.getByTestId(`account-approve-${email}`).click();
  await expect
    .poll(async () => (await staff.getByTestId(`account-status-${email}`).textContent()) ?? '', {
      timeout: 30_000,
    })
    .toContain('aprovada');
  await onStaffPage?.(staff);
  await staffContext.close();
  return { email, password };
}
