import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { TEST_WEB_PROXY_SECRET } from '../apps/api/test/support/http';
import type {} from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    platform: {
      appUrl: string;
      apiUrl: string;
      mailUrl: string;
      minioEndpoint: string;
      staffEmail: string;
      staffPassword: string;
      /** For tests that set up rows directly (staff members, sessions), as integration tests do. */
      databaseUrl: string;
      /** The super admin's TOTP secret (staff 2FA is mandatory; enrolled here through the API). */
      staffTotpSecret: string;
      /** The web server's processes (front server and Next), for memory checks. */
      webPids: number[];
      /** Next's own address behind the front server, which nobody is meant to reach. */
      nextUrl: string;
    };
  }
}

/** Starts the whole built platform (as `npm start` does) in a temporary directory. */
export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-e2e-'));
  const staffPassword = 'E2e-Staff-Password-2026';
  process.env.SUPER_ADMIN_EMAIL = 'staff@e2e.test';
  process.env.SUPER_ADMIN_PASSWORD = staffPassword;
  // 127.0.0.2 plays a trusted reverse proxy (e2e/client-address.e2e.test.ts); browsers and other
  // tests come from 127.0.0.1, an untrusted client. The proxy names the country as Cloudflare does.
  process.env.TRUSTED_PROXIES = '127.0.0.2';
  process.env.GEO_HEADER = 'CF-IPCountry';
  // HttpSession (e2e/support/api.ts) speaks as the web server to give each customer an address.
  process.env.WEB_PROXY_SECRET = TEST_WEB_PROXY_SECRET;
  const { startPlatform } = await import(path.resolve('scripts/lib/platform.mjs'));
  const platform = await startPlatform({ dataDir, log: (l: string) => console.log(`[platform] ${l}`) });
  const staffTotpSecret = await enrolStaffTotp(platform.apiUrl, 'staff@e2e.test', staffPassword);
  project.provide('platform', {
    appUrl: platform.appUrl,
    apiUrl: platform.apiUrl,
    mailUrl: platform.mailUrl,
    minioEndpoint: platform.endpoints.minio.endpoint,
    staffEmail: 'staff@e2e.test',
    staffPassword,
    databaseUrl: platform.endpoints.postgres.url,
    staffTotpSecret,
    webPids: [platform.pids.web, platform.pids.next].filter((pid): pid is number => Boolean(pid)),
    nextUrl: platform.nextUrl,
  });
  return async () => {
    await platform.stop();
    if (!process.env.CSP_KEEP_TEST_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

/** Staff 2FA is mandatory: enrol the super admin once, as the enrolment page would. */
async function enrolStaffTotp(apiUrl: string, email: string, password: string): Promise<string> {
  const { generate } = await import('otplib');
  const call = async (path: string, body: unknown, cookie?: string) => {
    const res = await fetch(apiUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(json)}`);
    return {
      json,
      cookie: res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; '),
    };
  };
  const login = await call('/api/v1/staff/auth/login', { email, password });
  const setup = await call('/api/v1/staff/two-factor/totp/setup', {}, login.cookie);
  const secret = setup.json.secret as string;
  // The previous time step's code: the current one stays free for the first browser login. It is
  // only good until the server reaches the next step, so near a step's end wait for the next.
  const left = 30_000 - (Date.now() % 30_000);
  if (left < 5_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
  await call(
    '/api/v1/staff/two-factor/totp/confirm',
    { code: await generate({ secret, epoch: Math.floor(Date.now() / 1000) - 30 }) },
    login.cookie,
  );
  return secret;
}
