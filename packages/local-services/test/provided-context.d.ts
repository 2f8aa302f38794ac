// Same augmentation as test/integration-setup.ts at the repository root, which this package's
// tsconfig does not include: it types inject('services') in this package's tests.
import type { ServiceEndpoints } from '../src/types';
// Brings 'vitest' itself into the program: without it the augmentation below is rejected (TS2664).
import type {} from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    services: ServiceEndpoints;
  }
}
