// Calls of the bucket pages (list, create with options, settings), over the same generated client
// as lib/api.ts, with the same error handling (ApiError with the API's translated message).
import { createApiClient as createGeneratedClient, type paths } from '@csp/api-client';
import { ApiError, type ApiErrorBody } from './api';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type BodyOf<Op> = Op extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export type BucketDetail = Json<paths['/api/v1/buckets/{id}']['get']['responses'][200]>;
export type LifecycleRule = BucketDetail['lifecycleRules'][number];
export type LifecycleRuleInput = Omit<LifecycleRule, 'id'>;
export type DefaultRetention = NonNullable<BucketDetail['defaultRetention']>;
export type LockMode = DefaultRetention['mode'];
export type CreateBucketBody = BodyOf<paths['/api/v1/buckets']['post']>;

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
const path = (id: string) => ({ params: { path: { id } } });

export const bucketsApi = {
  create: (body: CreateBucketBody) => unwrap(client.POST('/api/v1/buckets', { body })),
  get: (id: string) => unwrap(client.GET('/api/v1/buckets/{id}', path(id))),
  setVersioning: (id: string, enabled: boolean) =>
    unwrap(client.PUT('/api/v1/buckets/{id}/versioning', { ...path(id), body: { enabled } })),
  setPublicRead: (id: string, enabled: boolean) =>
    unwrap(client.PUT('/api/v1/buckets/{id}/public-read', { ...path(id), body: { enabled } })),
  setLifecycle: (id: string, rules: LifecycleRuleInput[]) =>
    unwrap(client.PUT('/api/v1/buckets/{id}/lifecycle', { ...path(id), body: { rules } })),
  setDefaultRetention: (id: string, defaultRetention: DefaultRetention | null) =>
    unwrap(client.PUT('/api/v1/buckets/{id}/object-lock', { ...path(id), body: { defaultRetention } })),
};

/** The object browser of a bucket (built by its own feature at this address). */
export const bucketObjectsHref = (id: string) => `/painel/buckets/${id}/objetos`;
export const bucketSettingsHref = (id: string) => `/painel/buckets/${id}`;
