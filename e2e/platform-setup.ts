import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
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
    };
  }
}

/** Starts the whole built platform (as `npm start` does) in a temporary directory. */
export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-e2e-'));
  const staffPassword = 'E2e-Staff-Password-2026';
  process.env.SUPER_ADMIN_EMAIL = 'staff@e2e.test';
  process.env.SUPER_ADMIN_PASSWORD = staffPassword;
  const { startPlatform } = await import(path.resolve('scripts/lib/platform.mjs'));
  const platform = await startPlatform({ dataDir, log: (l: string) => console.log(`[platform] ${l}`) });
  project.provide('platform', {
    appUrl: platform.appUrl,
    apiUrl: platform.apiUrl,
    mailUrl: platform.mailUrl,
    minioEndpoint: platform.endpoints.minio.endpoint,
    staffEmail: 'staff@e2e.test',
    staffPassword,
  });
  return async () => {
    await platform.stop();
    if (!process.env.CSP_KEEP_TEST_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
