// Calls of the governance features (grants, audit log, API tokens), over the same generated client
// as lib/api.ts, with the same error handling (ApiError with the API's translated message).
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
type Query<Path extends keyof paths> = paths[Path]['get'] extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never;

export type Grant = Ok<'/api/v1/grants', 'get'>['items'][number];
export type GrantStatus = Grant['status'];
export type StaffOption = Ok<'/api/v1/grants/support-staff', 'get'>['items'][number];
export type AuditPage = Ok<'/api/v1/audit', 'get'>;
export type AuditEntry = AuditPage['items'][number];
export type AuditQuery = Query<'/api/v1/audit'>;
export type StaffAuditQuery = Query<'/api/v1/staff/audit'>;
export type ApiTokenList = Ok<'/api/v1/api-tokens', 'get'>;
export type ApiToken = ApiTokenList['items'][number];
export type CreatedApiToken = Ok<'/api/v1/api-tokens', 'post'>;
export type CreateApiTokenBody = paths['/api/v1/api-tokens']['post'] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
export type TokenPermission = CreateApiTokenBody['permissions'][number];

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

/** Drops empty filters so the URL (and the CSV link) carries only what was chosen. */
export function cleanQuery<T extends Record<string, unknown>>(query: T): T {
  return Object.fromEntries(
    Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as T;
}

export function auditCsvUrl(base: '/api/v1/audit' | '/api/v1/staff/audit', query: Record<string, unknown>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(cleanQuery(query))) {
    if (k !== 'cursor' && k !== 'limit') params.set(k, String(v));
  }
  const qs = params.toString();
  return `${base}/export.csv${qs ? `?${qs}` : ''}`;
}

export const governanceApi = {
  // Grants (Owner)
  listGrants: (status?: GrantStatus) =>
    unwrap(client.GET('/api/v1/grants', { params: { query: status ? { status } : {} } })),
  supportStaff: () => unwrap(client.GET('/api/v1/grants/support-staff')),
  createGrant: (body: { staffId: string; scope: 'read' | 'full'; reason: string; endsAt: string }) =>
    unwrap(client.POST('/api/v1/grants', { body })),
  revokeGrant: (id: string) => unwrap(client.POST('/api/v1/grants/{id}/revoke', path(id))),

  // Grants (staff)
  myGrants: () => unwrap(client.GET('/api/v1/staff/grants/mine')),
  enterGrant: (id: string) => unwrap(client.POST('/api/v1/staff/grants/{id}/enter', path(id))),
  allGrants: () => unwrap(client.GET('/api/v1/staff/grants')),
  assignableStaff: () => unwrap(client.GET('/api/v1/staff/grants/staff-options')),
  assignPartner: (body: {
    staffId: string;
    accountIds: string[];
    scope: 'read' | 'full';
    reason: string;
    endsAt: string;
  }) => unwrap(client.POST('/api/v1/staff/grants', { body })),
  staffRevokeGrant: (id: string) => unwrap(client.POST('/api/v1/staff/grants/{id}/revoke', path(id))),

  // Audit log
  audit: (query: AuditQuery) => unwrap(client.GET('/api/v1/audit', { params: { query: cleanQuery(query) } })),
  staffAudit: (query: StaffAuditQuery) =>
    unwrap(client.GET('/api/v1/staff/audit', { params: { query: cleanQuery(query) } })),

  // API tokens
  listApiTokens: () => unwrap(client.GET('/api/v1/api-tokens')),
  createApiToken: (body: CreateApiTokenBody) => unwrap(client.POST('/api/v1/api-tokens', { body })),
  revokeApiToken: (id: string) => unwrap(client.DELETE('/api/v1/api-tokens/{id}', path(id))),
};
