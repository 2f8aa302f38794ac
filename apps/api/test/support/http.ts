/**
 * WEB_PROXY_SECRET of the APIs the tests start (integration harness, e2e platform): with it a
 * session speaks as the web server, which tells the API the client's address
 * (common/client-address.ts), so each simulated customer has an address of its own.
 */
export const TEST_WEB_PROXY_SECRET = 'test-web-proxy-secret-not-for-production';

import { createApiClient, type ApiClient } from '@csp/api-client';

/**
 * A minimal cookie-keeping HTTP client for driving the API like a browser would. `api` is the
 * generated client (@csp/api-client, typed from openapi.json) over the same session; `request`
 * and its shorthands take any path and body, for what the contract does not allow (attacks, bad
 * input) and for tests written before `api`.
 */
export class HttpSession {
  private readonly cookies = new Map<string, string>();
  /** The generated, typed client over this session: same cookies, language and client address. */
  readonly api: ApiClient;

  constructor(
    readonly baseUrl: string,
    private readonly lang: 'pt-BR' | 'en' = 'pt-BR',
    /** Client address as the web server reports it (its front server does the same). */
    readonly clientIp = `10.${rnd()}.${rnd()}.${rnd()}`,
  ) {
    this.api = createApiClient(baseUrl, { fetch: (request) => this.send(request) });
  }

  private headers(extra: Record<string, string> = {}) {
    const headers: Record<string, string> = {
      'accept-language': this.lang,
      'x-csp-client-ip': this.clientIp,
      'x-csp-proxy-secret': TEST_WEB_PROXY_SECRET,
      ...extra,
    };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return headers;
  }

  private keepCookies(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const [name, ...rest] = pair.split('=');
      const value = rest.join('=');
      const expired = attrs.some((a) => /expires=thu, 01 jan 1970/i.test(a.trim())) || value === '';
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
  }

  /** The typed client's transport: the request it built, with this session's headers and cookies. */
  private async send(request: Request) {
    const headers = new Headers(request.headers);
    for (const [name, value] of Object.entries(this.headers()))
      if (!headers.has(name)) headers.set(name, value);
    const body = ['GET', 'HEAD'].includes(request.method) ? undefined : await request.arrayBuffer();
    const response = await fetch(request.url, { method: request.method, headers, body });
    this.keepCookies(response);
    return response;
  }

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ) {
    const headers = this.headers(extraHeaders);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    this.keepCookies(response);
    const text = await response.text();
    // Non-JSON answers (CSV exports) come back as their text.
    const isJson = (response.headers.get('content-type') ?? '').includes('json');
    const json = text ? ((isJson ? JSON.parse(text) : text) as T) : (undefined as T);
    return { status: response.status, body: json, headers: response.headers };
  }

  get = <T = Record<string, unknown>>(path: string) => this.request<T>('GET', path);
  post = <T = Record<string, unknown>>(path: string, body?: unknown) =>
    this.request<T>('POST', path, body ?? {});
  delete = <T = Record<string, unknown>>(path: string) => this.request<T>('DELETE', path);

  cookie(name: string) {
    return this.cookies.get(name);
  }

  /** Puts a cookie in the jar (a session made directly in the database, for role walks). */
  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }
}

const rnd = () => Math.floor(Math.random() * 254) + 1;
