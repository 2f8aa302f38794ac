import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import { decryptData, encryptData } from './crypto';
import { MinioAdminError, SERVICE_ACCOUNT_NOT_FOUND_CODES } from './errors';
import { encodeRfc3986, signRequest } from './sigv4';
import type {
  AddServiceAccountRequest,
  BucketQuota,
  BucketUsageInfo,
  CannedPolicyInfo,
  DataUsageInfo,
  IamPolicyDocument,
  MinioAdminClientOptions,
  PolicyAssociationRequest,
  PolicyAssociationResult,
  ServerInfo,
  ServiceAccountCredentials,
  ServiceAccountInfo,
  ServiceAccountStatus,
  ServiceAccountSummary,
  UpdateServiceAccountRequest,
  UserInfo,
  UserStatus,
} from './types';

type Method = 'GET' | 'PUT' | 'POST' | 'DELETE';

interface CallOptions {
  query?: Record<string, string>;
  /** Plain JSON body, or bytes. */
  body?: unknown;
  /** Encrypt the JSON body with madmin EncryptData (key = our secret key). */
  encrypt?: boolean;
}

interface RawResponse {
  statusCode: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** Typed client for the MinIO admin API (v3 by default). */
export class MinioAdminClient {
  private readonly endpoint: URL;
  private readonly accessKey: string;
  private readonly secretKey: string;
  private readonly region: string;
  private readonly apiVersion: string;
  private readonly timeoutMs: number;

  constructor(options: MinioAdminClientOptions) {
    let endpoint: URL;
    try {
      endpoint = new URL(options.endpoint);
    } catch {
      throw new TypeError(`Invalid MinIO endpoint: ${options.endpoint}`);
    }
    if (endpoint.protocol !== 'http:' && endpoint.protocol !== 'https:') {
      throw new TypeError(`MinIO endpoint must be http(s): ${options.endpoint}`);
    }
    if (!options.accessKey || !options.secretKey) throw new TypeError('accessKey and secretKey are required');
    this.endpoint = endpoint;
    this.accessKey = options.accessKey;
    this.secretKey = options.secretKey;
    this.region = options.region ?? 'us-east-1';
    this.apiVersion = options.apiVersion ?? 'v3';
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  // ---------------------------------------------------------------- users

  /**
   * Creates the user, or replaces an existing user's secret. MinIO also overwrites the status with
   * the one sent, so re-keying an existing user must pass its current status.
   */
  async addUser(accessKey: string, secretKey: string, status: UserStatus = 'enabled'): Promise<void> {
    await this.call('PUT', 'add-user', {
      query: { accessKey },
      body: { secretKey, status },
      encrypt: true,
    });
  }

  async setUserStatus(accessKey: string, status: UserStatus): Promise<void> {
    await this.call('PUT', 'set-user-status', { query: { accessKey, status } });
  }

  async removeUser(accessKey: string): Promise<void> {
    await this.call('DELETE', 'remove-user', { query: { accessKey } });
  }

  /** Returns null when the user does not exist. */
  async getUserInfo(accessKey: string): Promise<UserInfo | null> {
    const res = await this.orNull(
      this.call('GET', 'user-info', { query: { accessKey } }),
      'XMinioAdminNoSuchUser',
    );
    return res && toUserInfo(this.json<RawUserInfo>(res.body));
  }

  /** All built-in users, keyed by access key. */
  async listUsers(): Promise<Record<string, UserInfo>> {
    const res = await this.call('GET', 'list-users');
    const raw = await this.decryptJson<Record<string, RawUserInfo>>(res.body);
    const out: Record<string, UserInfo> = {};
    for (const [k, v] of Object.entries(raw ?? {})) out[k] = toUserInfo(v);
    return out;
  }

  // ------------------------------------------------------------- policies

  async addCannedPolicy(name: string, policy: IamPolicyDocument): Promise<void> {
    await this.call('PUT', 'add-canned-policy', { query: { name }, body: policy });
  }

  /** Returns null when no policy has that name. */
  async getCannedPolicy(name: string): Promise<CannedPolicyInfo | null> {
    const res = await this.orNull(
      this.call('GET', 'info-canned-policy', { query: { name, v: '2' } }),
      'XMinioAdminNoSuchPolicy',
    );
    if (!res) return null;
    const raw = this.json<{
      PolicyName: string;
      Policy: IamPolicyDocument;
      CreateDate?: string;
      UpdateDate?: string;
    }>(res.body);
    return {
      name: raw.PolicyName,
      policy: raw.Policy,
      createDate: toDate(raw.CreateDate),
      updateDate: toDate(raw.UpdateDate),
    };
  }

  async removeCannedPolicy(name: string): Promise<void> {
    await this.call('DELETE', 'remove-canned-policy', { query: { name } });
  }

  /** Idempotent: attaching an already attached policy succeeds with alreadyApplied = true. */
  attachPolicy(request: PolicyAssociationRequest): Promise<PolicyAssociationResult> {
    return this.changePolicyAssociation('attach', request);
  }

  /** Idempotent: detaching a policy that is not attached succeeds with alreadyApplied = true. */
  detachPolicy(request: PolicyAssociationRequest): Promise<PolicyAssociationResult> {
    return this.changePolicyAssociation('detach', request);
  }

  private async changePolicyAssociation(
    op: 'attach' | 'detach',
    request: PolicyAssociationRequest,
  ): Promise<PolicyAssociationResult> {
    let res: RawResponse;
    try {
      res = await this.call('POST', `idp/builtin/policy/${op}`, {
        body: { policies: request.policies, user: request.user },
        encrypt: true,
      });
    } catch (err) {
      if (err instanceof MinioAdminError && err.code === 'XMinioAdminPolicyChangeAlreadyApplied') {
        return { policiesAttached: [], policiesDetached: [], alreadyApplied: true };
      }
      throw err;
    }
    // Older servers answer 201/204 without a body.
    if (res.body.length === 0) return { policiesAttached: [], policiesDetached: [], alreadyApplied: false };
    const raw = await this.decryptJson<{
      policiesAttached?: string[];
      policiesDetached?: string[];
      updatedAt?: string;
    }>(res.body);
    return {
      policiesAttached: raw.policiesAttached ?? [],
      policiesDetached: raw.policiesDetached ?? [],
      updatedAt: toDate(raw.updatedAt),
      alreadyApplied: false,
    };
  }

  // ----------------------------------------------------- service accounts

  async addServiceAccount(request: AddServiceAccountRequest): Promise<ServiceAccountCredentials> {
    const body: Record<string, unknown> = { targetUser: request.targetUser };
    if (request.accessKey !== undefined) body.accessKey = request.accessKey;
    if (request.secretKey !== undefined) body.secretKey = request.secretKey;
    if (request.policy !== undefined) body.policy = request.policy;
    if (request.name !== undefined) body.name = request.name;
    if (request.description !== undefined) body.description = request.description;
    if (request.expiration !== undefined) body.expiration = request.expiration.toISOString();
    const res = await this.call('PUT', 'add-service-account', { body, encrypt: true });
    const raw = await this.decryptJson<{
      credentials: { accessKey: string; secretKey: string; expiration?: string };
    }>(res.body);
    return {
      accessKey: raw.credentials.accessKey,
      secretKey: raw.credentials.secretKey,
      expiration: toExpiry(raw.credentials.expiration),
    };
  }

  async updateServiceAccount(accessKey: string, update: UpdateServiceAccountRequest): Promise<void> {
    const body: Record<string, unknown> = {};
    if (update.newStatus !== undefined) body.newStatus = update.newStatus;
    if (update.newPolicy !== undefined) body.newPolicy = update.newPolicy;
    if (update.newSecretKey !== undefined) body.newSecretKey = update.newSecretKey;
    if (update.newExpiration !== undefined) body.newExpiration = update.newExpiration.toISOString();
    if (update.newName !== undefined) body.newName = update.newName;
    if (update.newDescription !== undefined) body.newDescription = update.newDescription;
    await this.call('POST', 'update-service-account', { query: { accessKey }, body, encrypt: true });
  }

  async deleteServiceAccount(accessKey: string): Promise<void> {
    await this.call('DELETE', 'delete-service-account', { query: { accessKey } });
  }

  /** Returns null when no service account has that access key. */
  async infoServiceAccount(accessKey: string): Promise<ServiceAccountInfo | null> {
    // MinIO reports an unknown service account as 404 XMinioInvalidIAMCredentials.
    const res = await this.orNull(
      this.call('GET', 'info-service-account', { query: { accessKey } }),
      ...SERVICE_ACCOUNT_NOT_FOUND_CODES,
    );
    if (!res) return null;
    const raw = await this.decryptJson<RawServiceAccount & { parentUserStatus?: string; policy?: string }>(
      res.body,
    );
    const { accessKey: _ignored, ...summary } = toServiceAccountSummary({ ...raw, accessKey });
    return {
      ...summary,
      parentUserStatus: raw.parentUserStatus || undefined,
      policy: raw.policy ? nonEmptyPolicy(this.json<IamPolicyDocument>(Buffer.from(raw.policy))) : undefined,
    };
  }

  async listServiceAccounts(user: string): Promise<ServiceAccountSummary[]> {
    const res = await this.call('GET', 'list-service-accounts', { query: { user } });
    const raw = await this.decryptJson<{ accounts?: RawServiceAccount[] | null }>(res.body);
    return (raw.accounts ?? []).map(toServiceAccountSummary);
  }

  // ---------------------------------------------------------------- quota

  /** Sets a hard byte quota; null removes it. Enforcement uses scanner usage, so it lags. */
  async setBucketQuota(bucket: string, bytes: number | null): Promise<void> {
    if (bytes !== null && (!Number.isSafeInteger(bytes) || bytes <= 0)) {
      throw new RangeError('Bucket quota must be a positive integer number of bytes, or null');
    }
    // Both numbers are sent: servers differ in which of quota/size they read.
    const body = bytes === null ? {} : { quota: bytes, size: bytes, quotatype: 'hard' };
    await this.call('PUT', 'set-bucket-quota', { query: { bucket }, body });
  }

  /** Returns null when the bucket has no quota. */
  async getBucketQuota(bucket: string): Promise<BucketQuota | null> {
    const res = await this.call('GET', 'get-bucket-quota', { query: { bucket } });
    if (res.body.length === 0) return null;
    const raw = this.json<{ quota?: number; size?: number; quotatype?: string }>(res.body);
    const size = raw.size || raw.quota || 0;
    return size > 0 ? { size, quotaType: 'hard' } : null;
  }

  // ---------------------------------------------------------------- info

  async dataUsageInfo(): Promise<DataUsageInfo> {
    const res = await this.call('GET', 'datausageinfo');
    const raw = this.json<RawDataUsageInfo>(res.body);
    const buckets: Record<string, BucketUsageInfo> = {};
    for (const [name, b] of Object.entries(raw.bucketsUsageInfo ?? {})) {
      buckets[name] = {
        size: b.size ?? 0,
        objectsCount: b.objectsCount ?? 0,
        versionsCount: b.versionsCount ?? 0,
        deleteMarkersCount: b.deleteMarkersCount ?? 0,
      };
    }
    return {
      // Go's zero time (scanner never ran) becomes the epoch.
      lastUpdate: toDate(raw.lastUpdate) ?? new Date(0),
      objectsCount: raw.objectsCount ?? 0,
      objectsTotalSize: raw.objectsTotalSize ?? 0,
      bucketsCount: raw.bucketsCount ?? Object.keys(buckets).length,
      bucketsUsageInfo: buckets,
    };
  }

  async serverInfo(): Promise<ServerInfo> {
    const res = await this.call('GET', 'info');
    return this.json<ServerInfo>(res.body);
  }

  // ------------------------------------------------------------ transport

  private async orNull(
    pending: Promise<RawResponse>,
    ...notFoundCodes: string[]
  ): Promise<RawResponse | null> {
    try {
      return await pending;
    } catch (err) {
      if (err instanceof MinioAdminError && err.statusCode === 404 && notFoundCodes.includes(err.code))
        return null;
      throw err;
    }
  }

  private json<T>(body: Buffer): T {
    try {
      return JSON.parse(body.toString('utf8')) as T;
    } catch (cause) {
      throw new MinioAdminError({
        code: 'InvalidResponse',
        statusCode: 200,
        message: 'MinIO returned a body that is not valid JSON',
        cause,
      });
    }
  }

  private async decryptJson<T>(body: Buffer): Promise<T> {
    let plain: Buffer;
    try {
      plain = await decryptData(this.secretKey, body);
    } catch (cause) {
      throw new MinioAdminError({
        code: 'InvalidResponse',
        statusCode: 200,
        message: `Cannot decrypt MinIO response: ${(cause as Error).message}`,
        cause,
      });
    }
    return this.json<T>(plain);
  }

  private buildUrl(op: string, query?: Record<string, string>): URL {
    const url = new URL(this.endpoint.href);
    const prefix = url.pathname.replace(/\/+$/, '');
    url.pathname = `${prefix}/minio/admin/${this.apiVersion}/${op}`;
    // Our own encoding (RFC 3986, %20 for spaces) so the wire query equals the signed one.
    const q = Object.entries(query ?? {})
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${encodeRfc3986(k)}=${encodeRfc3986(v)}`)
      .join('&');
    url.search = q ? `?${q}` : '';
    return url;
  }

  private async call(method: Method, op: string, options: CallOptions = {}): Promise<RawResponse> {
    let body: Buffer = Buffer.alloc(0);
    if (options.body !== undefined) {
      body = Buffer.isBuffer(options.body) ? options.body : Buffer.from(JSON.stringify(options.body), 'utf8');
      if (options.encrypt) body = await encryptData(this.secretKey, body);
    }
    const url = this.buildUrl(op, options.query);
    // An opaque type keeps MinIO from reading the body as form data; attach/detach refuse any other
    // Content-Type with 400 BadRequest.
    const headers = signRequest(
      { method, url, body, headers: body.length > 0 ? { 'content-type': 'application/octet-stream' } : {} },
      { accessKey: this.accessKey, secretKey: this.secretKey },
      { region: this.region },
    );
    const res = await this.send(method, url, headers, body);
    if (res.statusCode < 200 || res.statusCode >= 300) throw toMinioError(res);
    return res;
  }

  private send(
    method: Method,
    url: URL,
    headers: Record<string, string>,
    body: Buffer,
  ): Promise<RawResponse> {
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise<RawResponse>((resolve, reject) => {
      let settled = false;
      let req: http.ClientRequest | undefined;
      const fail = (message: string, cause?: unknown, code = 'NetworkError') => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req?.destroy();
        reject(new MinioAdminError({ code, statusCode: 0, message, cause }));
      };
      const timer = setTimeout(
        () => fail(`MinIO admin request ${method} ${url.pathname} timed out after ${this.timeoutMs} ms`),
        this.timeoutMs,
      );
      try {
        req = transport.request(url, { method, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (err) => fail(`MinIO response stream failed: ${err.message}`, err));
          res.on('end', () => {
            if (settled) return;
            let data: Buffer;
            try {
              data = decodeBody(Buffer.concat(chunks), res.headers['content-encoding']);
            } catch (err) {
              fail(`Cannot decode MinIO response: ${(err as Error).message}`, err, 'InvalidResponse');
              return;
            }
            settled = true;
            clearTimeout(timer);
            resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: data });
          });
        });
      } catch (err) {
        // e.g. characters Node refuses in a header value.
        fail(
          `MinIO admin request ${method} ${url.pathname} could not be sent: ${(err as Error).message}`,
          err,
        );
        return;
      }
      req.on('error', (err) =>
        fail(`MinIO admin request ${method} ${url.pathname} failed: ${err.message}`, err),
      );
      req.end(body);
    });
  }
}

// ------------------------------------------------------------------ helpers

interface RawUserInfo {
  status?: string;
  policyName?: string;
  memberOf?: string[] | null;
  updatedAt?: string;
}

interface RawServiceAccount {
  accessKey: string;
  parentUser: string;
  accountStatus: string;
  impliedPolicy?: boolean;
  name?: string;
  description?: string;
  expiration?: string | null;
}

interface RawDataUsageInfo {
  lastUpdate?: string;
  objectsCount?: number;
  objectsTotalSize?: number;
  bucketsCount?: number;
  bucketsUsageInfo?: Record<
    string,
    { size?: number; objectsCount?: number; versionsCount?: number; deleteMarkersCount?: number }
  > | null;
}

function decodeBody(data: Buffer, encoding: string | undefined): Buffer {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case '':
    case 'identity':
      return data;
    case 'gzip':
    case 'x-gzip':
      return zlib.gunzipSync(data);
    case 'deflate':
      return zlib.inflateSync(data);
    case 'br':
      return zlib.brotliDecompressSync(data);
    default:
      throw new Error(`unsupported content-encoding ${encoding}`);
  }
}

function toMinioError(res: RawResponse): MinioAdminError {
  const headerId = res.headers['x-amz-request-id'];
  const requestIdHeader = Array.isArray(headerId) ? headerId[0] : headerId;
  const text = res.body.toString('utf8');
  let code: string | undefined;
  let message: string | undefined;
  let requestId: string | undefined;
  try {
    const parsed = JSON.parse(text) as { Code?: string; Message?: string; RequestId?: string };
    code = parsed.Code;
    message = parsed.Message;
    requestId = parsed.RequestId;
  } catch {
    // S3-layer errors (e.g. a proxy or a wrong path) come as XML.
    const tag = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(text)?.[1];
    code = tag('Code');
    message = tag('Message');
    requestId = tag('RequestId');
  }
  return new MinioAdminError({
    code: code || `HTTP${res.statusCode}`,
    statusCode: res.statusCode,
    message: message || `MinIO admin API answered HTTP ${res.statusCode}`,
    requestId: requestId || requestIdHeader || undefined,
  });
}

const GO_ZERO_TIME = /^0001-01-01T00:00:00/;

function toDate(value: string | null | undefined): Date | undefined {
  if (!value || GO_ZERO_TIME.test(value)) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** MinIO writes the Unix epoch (or Go's zero time) for "never expires". */
function toExpiry(value: string | null | undefined): Date | undefined {
  const d = toDate(value);
  return d && d.getTime() > 0 ? d : undefined;
}

// A parent without policies is reported as {"Version":"","Statement":null}.
function nonEmptyPolicy(doc: IamPolicyDocument | null): IamPolicyDocument | undefined {
  return doc && Array.isArray(doc.Statement) && doc.Statement.length > 0 ? doc : undefined;
}

function toUserInfo(raw: RawUserInfo): UserInfo {
  return {
    status: raw.status === 'disabled' ? 'disabled' : 'enabled',
    policyName: raw.policyName || undefined,
    memberOf: raw.memberOf ?? undefined,
    updatedAt: toDate(raw.updatedAt),
  };
}

function toServiceAccountSummary(raw: RawServiceAccount): ServiceAccountSummary {
  return {
    accessKey: raw.accessKey,
    parentUser: raw.parentUser,
    accountStatus: (raw.accountStatus === 'off' ? 'off' : 'on') as ServiceAccountStatus,
    impliedPolicy: raw.impliedPolicy ?? false,
    name: raw.name || undefined,
    description: raw.description || undefined,
    expiration: toExpiry(raw.expiration),
  };
}
