import { defineConfig } from 'vitest/config';
import { typescriptDecorators } from './test/ts-decorators-plugin.mts';
import path from 'node:path';

const alias = {
  '@csp/db': path.resolve('packages/db/src/index.ts'),
  '@csp/minio-admin': path.resolve('packages/minio-admin/src/index.ts'),
  '@csp/local-services': path.resolve('packages/local-services/src/index.ts'),
};

const plugins = [typescriptDecorators()];

export default defineConfig({
  test: {
    projects: [
      {
        plugins,
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['{apps,packages}/*/src/**/*.spec.ts', 'apps/web/server/**/*.spec.mjs'],
        },
      },
      {
        plugins,
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['{apps,packages}/*/test/integration/**/*.test.ts'],
          globalSetup: ['test/integration-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        plugins,
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['e2e/platform-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
