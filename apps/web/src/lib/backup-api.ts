// Calls of the backup setup page, over the same generated client as lib/api.ts, with the same
// error handling (ApiError with the API's translated message).
import { createApiClient as createGeneratedClient, type paths } from '@csp/api-client';
import { ApiError, type ApiErrorBody } from './api';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<Path extends keyof paths, M extends 'get' | 'post'> = paths[Path][M] extends { responses: infer R }
  ? R extends { 200: infer X }
    ? Json<X>
    : never
  : never;

export type BackupSetup = Ok<'/api/v1/storage/backup-setup', 'get'>;
export type ConnectionTestResult = Ok<'/api/v1/storage/connection-test', 'post'>;
export type ConnectionTestStep = ConnectionTestResult['steps'][number];
export type ConnectionTestBody = NonNullable<
  paths['/api/v1/storage/connection-test']['post']['requestBody']
>['content']['application/json'];

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, { code: 'network_error' });
  }
  if (result.response.ok) return result.data as T;
  const raw = (result.error && typeof result.error === 'object' ? result.error : {}) as ApiErrorBody & {
    fields?: unknown;
  };
  const fields: Record<string, string> = {};
  if (raw.fields && typeof raw.fields === 'object')
    for (const [k, v] of Object.entries(raw.fields)) if (typeof v === 'string') fields[k] = v;
  throw new ApiError(result.response.status, {
    ...raw,
    message: typeof raw.message === 'string' ? raw.message : undefined,
    fields,
  });
}

const client = createGeneratedClient('', {
  headers: { accept: 'application/json' },
  fetch: (request: Request) => fetch(request, { cache: 'no-store' }),
});

export const backupApi = {
  setup: () => unwrap(client.GET('/api/v1/storage/backup-setup')),
  /** Carries the secret: sent only when the user asks for a test, never kept by the page either. */
  testConnection: (body: ConnectionTestBody) =>
    unwrap(client.POST('/api/v1/storage/connection-test', { body })),
};
