import type { NextRequest } from 'next/server';
import { apiOrigin } from '@/lib/server-api';

// Forwards /api/* to the API at request time (API_URL is read when the server runs, unlike a
// rewrite, which is fixed at build time). Same origin for the browser, so session cookies stay
// first-party and HttpOnly.
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
  'content-length',
  'transfer-encoding',
  'keep-alive',
]);

async function forward(request: NextRequest): Promise<Response> {
  const url = new URL(request.url);
  const target = `${apiOrigin()}${url.pathname}${url.search}`;
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  // The API trusts X-Forwarded-For from loopback only: this server is that loopback proxy.
  const clientIp =
    request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || request.headers.get('x-real-ip');
  if (clientIp) headers.set('x-forwarded-for', clientIp);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers,
      body: hasBody ? await request.arrayBuffer() : undefined,
      redirect: 'manual',
      cache: 'no-store',
    });
  } catch {
    return Response.json(
      {
        statusCode: 503,
        code: 'api_unreachable',
        message: 'Serviço indisponível no momento. Tente novamente.',
      },
      { status: 503 },
    );
  }
  const responseHeaders = new Headers();
  upstream.headers.forEach((value, name) => {
    if (!DROPPED_RESPONSE_HEADERS.has(name) && name !== 'set-cookie') responseHeaders.set(name, value);
  });
  for (const cookie of upstream.headers.getSetCookie()) responseHeaders.append('set-cookie', cookie);
  const body = upstream.status === 204 || upstream.status === 304 ? null : await upstream.arrayBuffer();
  return new Response(body, { status: upstream.status, headers: responseHeaders });
}

export const GET = forward;
export const POST = forward;
export const PUT = forward;
export const PATCH = forward;
export const DELETE = forward;
