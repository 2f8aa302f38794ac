import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
// Brings 'vitest' itself into the program: without it the augmentation below is rejected (TS2664).
import type {} from 'vitest';
// The source, not the package: works without a build of @csp/local-services.
import { startServices, type ServiceEndpoints } from '../packages/local-services/src/index';

declare module 'vitest' {
  export interface ProvidedContext {
    services: ServiceEndpoints;
  }
}

/**
 * Global setup of the 'integration' project: real PostgreSQL, MinIO, SFTPGo and mail catcher in a
 * fresh temporary directory, shared by all test files. Tests read the endpoints with
 * `inject('services')`. CSP_KEEP_TEST_DATA=1 keeps the directory (logs, data) for debugging.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-test-'));
  process.env.CSP_TEST_DATA_DIR = dataDir;
  const started = Date.now();
  // Start-up progress only: one line per caught mail would drown the test output.
  const log = (line: string): void => {
    if (!/^\[mail\] (?!ready)/.test(line)) console.log(`[services] ${line}`);
  };
  const services = await startServices({ dataDir, log });
  console.log(`[services] all up in ${((Date.now() - started) / 1000).toFixed(1)} s, data in ${dataDir}`);
  project.provide('services', services.endpoints);

  return async () => {
    await services.stop();
    if (process.env.CSP_KEEP_TEST_DATA) console.log(`[services] kept ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
