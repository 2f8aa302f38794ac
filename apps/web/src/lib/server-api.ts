import { cookies, headers } from 'next/headers';
import { createApiClient, type ApiClient } from './api';

/** API origin as seen from the Next server (the same target as the /api rewrite). */
export function apiOrigin(): string {
  return (process.env.API_URL ?? 'http://127.0.0.1:3001').replace(/\/+$/, '');
}

/** Client for server components: forwards the visitor's cookies (session, lang) and identity headers. */
export async function serverApi(): Promise<ApiClient> {
  const [cookieStore, incoming] = await Promise.all([cookies(), headers()]);
  const forwarded: Record<string, string> = {};
  const cookieHeader = cookieStore.toString();
  if (cookieHeader) forwarded.cookie = cookieHeader;
  for (const name of ['user-agent', 'accept-language', 'x-forwarded-for']) {
    const value = incoming.get(name);
    if (value) forwarded[name] = value;
  }
  return createApiClient({ baseUrl: apiOrigin(), headers: forwarded, timeoutMs: 10_000 });
}
