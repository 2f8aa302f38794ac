// Calls of the staff reconciler page, over the same generated client as lib/api.ts, with the same
// error handling (ApiError with the API's translated message).
import { createApiClient as createGeneratedClient, type paths } from '@csp/api-client';
import { ApiError, type ApiErrorBody } from './api';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<Path extends keyof paths, M extends 'get' | 'post'> = paths[Path][M] extends { responses: infer R }
  ? R extends { 200: infer X }
    ? Json<X>
    : R extends { 201: infer X }
      ? Json<X>
      : never
  : never;

export type ReconcilerRunPage = Ok<'/api/v1/staff/reconciler/runs', 'get'>;
export type ReconcilerRunSummary = ReconcilerRunPage['items'][number];
export type ReconcilerRun = Ok<'/api/v1/staff/reconciler/runs/{id}', 'get'>;
export type ReconcilerFinding = ReconcilerRun['findings'][number];

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
  const raw = (result.error && typeof result.error === 'object' ? result.error : {}) as ApiErrorBody;
  throw new ApiError(result.response.status, {
    ...raw,
    message: typeof raw.message === 'string' ? raw.message : undefined,
  });
}

const client = createGeneratedClient('', {
  headers: { accept: 'application/json' },
  fetch: (request: Request) => fetch(request, { cache: 'no-store' }),
});

export const reconcilerApi = {
  run: (repair: boolean) => unwrap(client.POST('/api/v1/staff/reconciler/runs', { body: { repair } })),
  list: (query: { cursor?: string; limit?: number } = {}) =>
    unwrap(client.GET('/api/v1/staff/reconciler/runs', { params: { query } })),
  get: (id: string) => unwrap(client.GET('/api/v1/staff/reconciler/runs/{id}', { params: { path: { id } } })),
};
