// Typed client for the CloudStorage Pro API (docs/api-contract-v0.md). Every call of the web app
// goes through `createApiClient`, so switching to the generated client in packages/api-client
// means rewriting the bodies below and nothing else.

// ---- Types (mirror the contract; replace with the generated schema types) ----

export type UserRole = 'owner' | 'admin' | 'developer' | 'external_client';
export type AccountStatus =
  'pending_approval' | 'active' | 'read_only' | 'suspended' | 'rejected' | 'canceled';

export interface Me {
  user: { id: string; fullName: string; email: string; role: UserRole };
  account: { id: string; name: string; status: AccountStatus };
}

export interface SignupRequest {
  fullName: string;
  /** Company name (razão social) for CNPJ sign-ups; the account is named after it. */
  companyName?: string;
  email: string;
  document: string;
  phone: string;
  password: string;
  acceptTerms: true;
}
export interface SignupResponse {
  signupId: string;
  email: string;
}
export interface VerifySignupResponse {
  accountId: string;
  status: 'pending_approval';
}

export interface LoginRequest {
  email: string;
  password: string;
  remember?: boolean;
}

export interface Dashboard {
  usedBytes: number;
  quotaBytes: number;
  usagePercent: number;
  bucketCount: number;
  accessKeyCount: number;
  usageUpdatedAt: string | null;
  s3Endpoint: string;
  region: string;
}

export interface Bucket {
  id: string;
  name: string;
  versioning: boolean;
  sizeBytes: number;
  objectCount: number;
  createdAt: string;
}

export type AccessKeyStatus = 'active' | 'inactive' | 'revoked' | 'expired';

export interface AccessKey {
  id: string;
  accessKeyId: string;
  name: string;
  status: AccessKeyStatus;
  createdAt: string;
  revokedAt?: string | null;
  secretRevealable: boolean;
}

/** The only responses that carry a secret: creation and the one-time reveal of the first key. */
export interface AccessKeySecret {
  key: AccessKey;
  secretAccessKey: string;
  s3Endpoint: string;
  region: string;
}

export interface StaffMember {
  id: string;
  fullName: string;
  email: string;
  role: 'super_admin' | 'support' | 'partner';
}
export interface StaffMe {
  staff: StaffMember;
}

export interface StaffAccount {
  id: string;
  name: string;
  documentType: 'cpf' | 'cnpj';
  document: string;
  email: string;
  phone: string;
  ownerName: string;
  ownerEmail: string;
  planName: string | null;
  quotaBytes?: number;
  status: AccountStatus;
  rejectionReason?: string | null;
  createdAt: string;
}

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
  /** Origin of the API. Empty in the browser: `/api` is rewritten to the API by Next. */
  baseUrl?: string;
  /** Extra headers, e.g. the incoming cookies when called from a server component. */
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  /** Abort slow calls (server side, so a hung API does not hang page rendering). */
  timeoutMs?: number;
}

type Method = 'GET' | 'POST' | 'DELETE';

function normalizeFields(fields: unknown): Record<string, string> | undefined {
  if (!fields || typeof fields !== 'object') return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields as Record<string, unknown>)) {
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value) && typeof value[0] === 'string') out[key] = value[0];
  }
  return out;
}

export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}/api/v1${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store',
        signal: options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined,
      });
    } catch {
      throw new ApiError(0, { code: 'network_error' });
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    let data: unknown = undefined;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = undefined;
      }
    }
    if (!response.ok) {
      const raw = (data && typeof data === 'object' ? data : {}) as ApiErrorBody;
      throw new ApiError(response.status, {
        ...raw,
        message: typeof raw.message === 'string' ? raw.message : undefined,
        fields: normalizeFields(raw.fields),
      });
    }
    return data as T;
  }

  const id = (value: string) => encodeURIComponent(value);

  return {
    // Sign-up
    signup: (body: SignupRequest) => request<SignupResponse>('POST', '/signup', body),
    verifySignup: (body: { signupId: string; code: string }) =>
      request<VerifySignupResponse>('POST', '/signup/verify', body),
    resendSignupCode: (body: { signupId: string }) => request<void>('POST', '/signup/resend', body),

    // Customer session
    login: (body: LoginRequest) => request<Me>('POST', '/auth/login', body),
    logout: () => request<void>('POST', '/auth/logout'),
    me: () => request<Me>('GET', '/me'),

    // Customer portal
    dashboard: () => request<Dashboard>('GET', '/dashboard'),
    listBuckets: () => request<ListResponse<Bucket>>('GET', '/buckets'),
    createBucket: (body: { name: string; versioning?: boolean }) => request<Bucket>('POST', '/buckets', body),
    deleteBucket: (bucketId: string) => request<void>('DELETE', `/buckets/${id(bucketId)}`),
    listAccessKeys: () => request<ListResponse<AccessKey>>('GET', '/access-keys'),
    createAccessKey: (body: { name: string }) => request<AccessKeySecret>('POST', '/access-keys', body),
    revealAccessKey: (keyId: string) => request<AccessKeySecret>('POST', `/access-keys/${id(keyId)}/reveal`),
    revokeAccessKey: (keyId: string) => request<void>('DELETE', `/access-keys/${id(keyId)}`),

    // Staff
    staffLogin: (body: { email: string; password: string }) =>
      request<StaffMe>('POST', '/staff/auth/login', body),
    staffLogout: () => request<void>('POST', '/staff/auth/logout'),
    staffMe: () => request<StaffMe>('GET', '/staff/me'),
    staffListAccounts: (status?: AccountStatus) =>
      request<ListResponse<StaffAccount>>(
        'GET',
        `/staff/accounts${status ? `?status=${encodeURIComponent(status)}` : ''}`,
      ),
    staffApproveAccount: (accountId: string) =>
      request<{ id: string; status: AccountStatus }>('POST', `/staff/accounts/${id(accountId)}/approve`),
    staffRejectAccount: (accountId: string, body: { reason: string }) =>
      request<{ id: string; status: AccountStatus }>('POST', `/staff/accounts/${id(accountId)}/reject`, body),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** Browser client: same origin, session cookies travel automatically. */
export const api: ApiClient = createApiClient();
