// Calls of the quota feature (customer quota page, staff quota requests), over the same generated
// client as lib/api.ts, with the same error handling (ApiError with the API's translated message).
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

export type QuotaOverview = Ok<'/api/v1/quota', 'get'>;
export type QuotaRequest = QuotaOverview['items'][number];
export type QuotaRequestStatus = QuotaRequest['status'];
export type StaffQuotaRequest = Ok<'/api/v1/staff/quota/requests', 'get'>['items'][number];

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

export const quotaApi = {
  // Owner
  overview: () => unwrap(client.GET('/api/v1/quota')),
  request: (body: { requestedGb: number; reason: string }) =>
    unwrap(client.POST('/api/v1/quota/requests', { body })),
  cancel: (id: string) => unwrap(client.POST('/api/v1/quota/requests/{id}/cancel', path(id))),

  // Staff
  staffList: (status?: QuotaRequestStatus) =>
    unwrap(client.GET('/api/v1/staff/quota/requests', { params: { query: status ? { status } : {} } })),
  staffApprove: (id: string, reason?: string) =>
    unwrap(
      client.POST('/api/v1/staff/quota/requests/{id}/approve', {
        ...path(id),
        body: reason ? { reason } : {},
      }),
    ),
  staffReject: (id: string, reason: string) =>
    unwrap(client.POST('/api/v1/staff/quota/requests/{id}/reject', { ...path(id), body: { reason } })),
  staffSetQuota: (accountId: string, body: { quotaGb: number; reason: string }) =>
    unwrap(client.POST('/api/v1/staff/quota/accounts/{id}', { ...path(accountId), body })),
};
