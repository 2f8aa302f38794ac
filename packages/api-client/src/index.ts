import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths };
export type ApiPaths = paths;

/** Typed API client; `baseUrl` is '' in the browser (same-origin /api proxy) or the API's URL. */
export function createApiClient(
  baseUrl = '',
  init: { headers?: Record<string, string>; fetch?: (request: Request) => Promise<Response> } = {},
) {
  return createClient<paths>({ baseUrl, credentials: 'include', headers: init.headers, fetch: init.fetch });
}

export type ApiClient = ReturnType<typeof createApiClient>;
export type ApiError = components['schemas']['ApiError'];
