import type { NextRequest } from 'next/server';
import { getDictionary, LANG_COOKIE, normalizeLang } from '@/i18n';
import { apiOrigin, clientIdentityHeaders } from '@/lib/server-api';

// Forwards /api/* to the API at request time (API_URL is read when the server runs, unlike a
// rewrite, which is fixed at build time). Same origin for the browser, so session cookies stay
// first-party and HttpOnly. Bodies are streamed both ways, never held in memory: the front server
// (server/front.mjs) has already refused bodies over 1 MiB, and the API has the same limit.
export const dynamic = 'force-dynamic';

const FORWARDED_REQUEST_HEADERS = [
  'accept',
  'accept-language',
  // API tokens for automation (Bearer csp_…) reach the API through the public origin too.
  'authorization',
  'content-type',
  'cookie',
  'origin',
  'user-agent',
];
const DROPPED_RESPONSE_HEADERS = new Set([
  'connection',
  'content-encoding',
  'transfer-encoding',
  'keep-alive',
]);
/** The slowest answers (a manual reconciler run, a connection test) take seconds, not a minute. */
const UPSTREAM_TIMEOUT_MS = 60_000;

function apiError(request: NextRequest, statusCode: 503 | 504) {
  const t = getDictionary(normalizeLang(request.cookies.get(LANG_COOKIE)?.value));
  const [code, message] =
    statusCode === 504
      ? ['api_timeout', t.errors.apiTimeout]
      : ['api_unreachable', t.errors.serviceUnavailable];
  return Response.json({ statusCode, code, message }, { status: statusCode });
}

async function forward(request: NextRequest): Promise<Response> {
  const url = new URL(request.url);
  const target = `${apiOrigin()}${url.pathname}${url.search}`;
  const headers = new Headers(clientIdentityHeaders(request.headers));
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers,
      body: hasBody ? request.body : undefined,
      // A streamed request body (Node's fetch requires saying so).
      duplex: 'half',
      redirect: 'manual',
      cache: 'no-store',
      signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
    } as RequestInit);
  } catch (error) {
    return apiError(request, (error as Error)?.name === 'TimeoutError' ? 504 : 503);
  }
  const responseHeaders = new Headers();
  upstream.headers.forEach((value, name) => {
    if (!DROPPED_RESPONSE_HEADERS.has(name) && name !== 'set-cookie') responseHeaders.set(name, value);
  });
  for (const cookie of upstream.headers.getSetCookie()) responseHeaders.append('set-cookie', cookie);
  const body = upstream.status === 204 || upstream.status === 304 ? null : upstream.body;
  return new Response(body, { status: upstream.status, headers: responseHeaders });
}

export const GET = forward;
export const POST = forward;
export const PUT = forward;
export const PATCH = forward;
export const DELETE = forward;
