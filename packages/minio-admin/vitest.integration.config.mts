// TEMPORARY (see test/dev-minio-setup.ts). Run from the repo root:
//   npx vitest run -c packages/minio-admin/vitest.integration.config.mts
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'minio-admin-integration',
    root: import.meta.dirname,
    include: ['test/integration/**/*.test.ts'],
    globalSetup: ['test/dev-minio-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
