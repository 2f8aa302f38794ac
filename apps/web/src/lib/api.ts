// The web app's only door to the API: the client generated from the API's OpenAPI document
// (packages/api-client), wrapped so that errors arrive as ApiError with the translated message.
import { createApiClient as createGeneratedClient, type paths } from '@csp/api-client';

// ---- Types: derived from the generated OpenAPI schema (packages/api-client) ----

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<Path extends keyof paths, M extends 'get' | 'post' | 'delete'> = paths[Path][M] extends {
  responses: infer R;
}
  ? R extends { 200: infer X }
    ? Json<X>
    : R extends { 201: infer X }
      ? Json<X>
      : R extends { 202: infer X }
        ? Json<X>
        : never
  : never;
type Body<Path extends keyof paths, M extends 'post'> = paths[Path][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type Me = Ok<'/api/v1/me', 'get'>;
export type UserRole = Me['user']['role'];
export type AccountStatus = Me['account']['status'];
export type SignupRequest = Body<'/api/v1/signup', 'post'>;
export type SignupResponse = Ok<'/api/v1/signup', 'post'>;
export type VerifySignupResponse = Ok<'/api/v1/signup/verify', 'post'>;
export type LoginRequest = Body<'/api/v1/auth/login', 'post'>;
export type Dashboard = Ok<'/api/v1/dashboard', 'get'>;
export type Bucket = Ok<'/api/v1/buckets', 'get'>['items'][number];
export type AccessKey = Ok<'/api/v1/access-keys', 'get'>['items'][number];
export type AccessKeyStatus = AccessKey['status'];
/** The only responses that carry a secret: creation and the one-time reveal of the first key. */
export type AccessKeySecret = Ok<'/api/v1/access-keys', 'post'>;
export type CreateAccessKeyRequest = Body<'/api/v1/access-keys', 'post'>;
export type AccessKeyScopeItem = NonNullable<AccessKey['scope']>[number];
export type RotatedAccessKey = Ok<'/api/v1/access-keys/{id}/rotate', 'post'>;
export type StaffMe = Ok<'/api/v1/staff/me', 'get'>;
export type StaffMember = StaffMe['staff'];
export type StaffAccount = Ok<'/api/v1/staff/accounts', 'get'>['items'][number];
export type TeamMember = Ok<'/api/v1/team/members', 'get'>['items'][number];
export type TeamInvitation = Ok<'/api/v1/team/invitations', 'get'>['items'][number];
export type MemberQuery = NonNullable<paths['/api/v1/team/members']['get']['parameters']['query']>;
export type CreateInvitationRequest = Body<'/api/v1/team/invitations', 'post'>;
export type BucketGrant = CreateInvitationRequest['buckets'] extends Array<infer G> | undefined ? G : never;
export type InvitationPreview = Ok<'/api/v1/invitations/lookup', 'post'>;

export interface ListResponse<T> {
  items: T[];
}

// ---- Errors ----

export interface ApiErrorBody {
  statusCode?: number;
  code?: string;
  message?: string;
  fields?: Record<string, string>;
  remainingAttempts?: number;
}

export class ApiError extends Error {
  readonly status: number;
  /** Machine code from the API (`invalid_document`…), `network_error` or `http_error`. */
  readonly code: string;
  readonly fields: Record<string, string>;
  readonly body: ApiErrorBody;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message ?? '');
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code ?? (status === 0 ? 'network_error' : 'http_error');
    this.fields = body.fields ?? {};
    this.body = body;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }
}

// ---- Client ----

export interface ApiClientOptions {
  /** Origin of the API. Empty in the browser: `/api` is forwarded to the API by the web server. */
  baseUrl?: string;
  /** Extra headers, e.g. the incoming cookies when called from a server component. */
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  /** Abort slow calls (server side, so a hung API does not hang page rendering). */
  timeoutMs?: number;
}

function normalizeFields(fields: unknown): Record<string, string> | undefined {
  if (!fields || typeof fields !== 'object') return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields as Record<string, unknown>)) {
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Unwraps an openapi-fetch result: the data, or an ApiError with the API's translated message. */
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
    fields: normalizeFields(raw.fields),
  });
}

export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  const baseFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const client = createGeneratedClient(baseUrl, {
    headers: { accept: 'application/json', ...options.headers },
    // Never cache API answers (Next's server fetch would), and bound server-side calls in time.
    fetch: (request: Request) =>
      baseFetch(request, {
        cache: 'no-store',
        signal: options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined,
      }),
  });
  const path = (id: string) => ({ params: { path: { id } } });

  return {
    // Sign-up
    signup: (body: SignupRequest) => unwrap(client.POST('/api/v1/signup', { body })),
    verifySignup: (body: { signupId: string; code: string }) =>
      unwrap(client.POST('/api/v1/signup/verify', { body })),
    resendSignupCode: (body: { signupId: string }) => unwrap(client.POST('/api/v1/signup/resend', { body })),

    // Customer session
    login: (body: LoginRequest) => unwrap(client.POST('/api/v1/auth/login', { body })),
    logout: () => unwrap(client.POST('/api/v1/auth/logout')),
    me: () => unwrap(client.GET('/api/v1/me')),

    // Customer portal
    dashboard: () => unwrap(client.GET('/api/v1/dashboard')),
    listBuckets: () => unwrap(client.GET('/api/v1/buckets')),
    createBucket: (body: { name: string; versioning?: boolean }) =>
      unwrap(client.POST('/api/v1/buckets', { body })),
    deleteBucket: (bucketId: string) => unwrap(client.DELETE('/api/v1/buckets/{id}', path(bucketId))),
    listAccessKeys: () => unwrap(client.GET('/api/v1/access-keys')),
    createAccessKey: (body: CreateAccessKeyRequest) => unwrap(client.POST('/api/v1/access-keys', { body })),
    deactivateAccessKey: (keyId: string) =>
      unwrap(client.POST('/api/v1/access-keys/{id}/deactivate', path(keyId))),
    reactivateAccessKey: (keyId: string) =>
      unwrap(client.POST('/api/v1/access-keys/{id}/reactivate', path(keyId))),
    rotateAccessKey: (keyId: string) => unwrap(client.POST('/api/v1/access-keys/{id}/rotate', path(keyId))),
    revealAccessKey: (keyId: string) => unwrap(client.POST('/api/v1/access-keys/{id}/reveal', path(keyId))),
    revokeAccessKey: (keyId: string) => unwrap(client.DELETE('/api/v1/access-keys/{id}', path(keyId))),

    // Team (owner)
    listTeamMembers: (query: MemberQuery = {}) =>
      unwrap(client.GET('/api/v1/team/members', { params: { query } })),
    listInvitations: () => unwrap(client.GET('/api/v1/team/invitations')),
    createInvitation: (body: CreateInvitationRequest) =>
      unwrap(client.POST('/api/v1/team/invitations', { body })),
    resendInvitation: (id: string) => unwrap(client.POST('/api/v1/team/invitations/{id}/resend', path(id))),
    cancelInvitation: (id: string) => unwrap(client.DELETE('/api/v1/team/invitations/{id}', path(id))),
    changeMemberRole: (id: string, body: Body<'/api/v1/team/members/{id}/role', 'post'>) =>
      unwrap(client.POST('/api/v1/team/members/{id}/role', { ...path(id), body })),
    setMemberBuckets: (id: string, buckets: BucketGrant[]) =>
      unwrap(client.POST('/api/v1/team/members/{id}/buckets', { ...path(id), body: { buckets } })),
    deactivateMember: (id: string) => unwrap(client.POST('/api/v1/team/members/{id}/deactivate', path(id))),
    reactivateMember: (id: string) => unwrap(client.POST('/api/v1/team/members/{id}/reactivate', path(id))),
    forceLogoutMember: (id: string) => unwrap(client.POST('/api/v1/team/members/{id}/logout', path(id))),
    removeMember: (id: string) => unwrap(client.DELETE('/api/v1/team/members/{id}', path(id))),
    transferOwnership: (id: string, password: string) =>
      unwrap(
        client.POST('/api/v1/team/members/{id}/transfer-ownership', { ...path(id), body: { password } }),
      ),

    // Invitation acceptance (public)
    previewInvitation: (token: string) =>
      unwrap(client.POST('/api/v1/invitations/lookup', { body: { token } })),
    acceptInvitation: (body: Body<'/api/v1/invitations/accept', 'post'>) =>
      unwrap(client.POST('/api/v1/invitations/accept', { body })),

    // Staff
    staffLogin: (body: { email: string; password: string }) =>
      unwrap(client.POST('/api/v1/staff/auth/login', { body })),
    staffLogout: () => unwrap(client.POST('/api/v1/staff/auth/logout')),
    staffMe: () => unwrap(client.GET('/api/v1/staff/me')),
    staffListAccounts: (status?: AccountStatus) =>
      unwrap(client.GET('/api/v1/staff/accounts', { params: { query: status ? { status } : {} } })),
    staffApproveAccount: (accountId: string) =>
      unwrap(client.POST('/api/v1/staff/accounts/{id}/approve', path(accountId))),
    staffRejectAccount: (accountId: string, body: { reason: string }) =>
      unwrap(client.POST('/api/v1/staff/accounts/{id}/reject', { ...path(accountId), body })),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** Browser client: same origin, session cookies travel automatically. */
export const api: ApiClient = createApiClient();
