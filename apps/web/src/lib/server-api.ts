import { cookies, headers } from 'next/headers';
import { createApiClient, type ApiClient } from './api';

/** API origin as seen from the Next server (the same target as the /api rewrite). */
export function apiOrigin(): string {
  return (process.env.API_URL ?? 'http://127.0.0.1:3001').replace(/\/+$/, '');
}

/**
 * The client's address as the front server (server/front.mjs) decided it, with the secret that
 * proves it to the API, and the trusted reverse proxy's geo header (GEO_HEADER) when the front
 * server let it through. Nothing else about the client's address is passed on: X-Forwarded-For
 * and X-Real-IP are whatever the client typed. The API checks the secret, so someone who reaches
 * Next around the front server only gets Next's own address recorded.
 */
export function clientIdentityHeaders(incoming: Headers): Record<string, string> {
  const names = ['x-csp-client-ip', 'x-csp-proxy-secret'];
  const geo = process.env.GEO_HEADER?.trim().toLowerCase();
  if (geo) names.push(geo);
  const forwarded: Record<string, string> = {};
  for (const name of names) {
    const value = incoming.get(name);
    if (value) forwarded[name] = value;
  }
  return forwarded;
}

/** Client for server components: forwards the visitor's cookies (session, lang) and identity headers. */
export async function serverApi(): Promise<ApiClient> {
  const [cookieStore, incoming] = await Promise.all([cookies(), headers()]);
  const forwarded: Record<string, string> = clientIdentityHeaders(incoming);
  const cookieHeader = cookieStore.toString();
  if (cookieHeader) forwarded.cookie = cookieHeader;
  for (const name of ['user-agent', 'accept-language']) {
    const value = incoming.get(name);
    if (value) forwarded[name] = value;
  }
  return createApiClient({ baseUrl: apiOrigin(), headers: forwarded, timeoutMs: 10_000 });
}
