import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sha256Hex } from './crypto';
import { pickLanguage, translate } from './messages';

/**
 * The general API rate limit (PRD 7.3), in front of every route, before any session lookup:
 * - per client: a session (its cookie), an API token (its bearer value) or, with neither, the
 *   client address: `RATE_LIMIT_PER_MINUTE`;
 * - per client address, whatever the credentials: `RATE_LIMIT_PER_ADDRESS_PER_MINUTE`, a looser
 *   ceiling (an office behind one address shares it; a caller inventing session cookies to get
 *   fresh per-client counters meets it).
 * Fixed one-minute windows counted in memory by @fastify/rate-limit, so each API instance counts
 * its own requests: behind N instances a client gets at most N times the figure. That is enough for
 * a coarse guard against floods and runaway scripts, and it costs no database write per request;
 * the limits that protect secrets (login, second factor, codes, e-mails) keep their exact,
 * shared counters in PostgreSQL (`RateLimitService`, `login_throttles`).
 * Over the limit: 429 `rate_limited` with Retry-After (seconds) and the message in the caller's
 * language. Only `request.ip` names the client address (how it is learned is app.ts' business).
 */
export interface ApiRateLimits {
  perClientPerMinute: number;
  perAddressPerMinute: number;
  /** The session cookies' names (they carry the __Host- prefix when cookies are secure). */
  cookieNames: { user: string; staff: string };
}

const WINDOW_MS = 60_000;
/** Counters kept per limiter (least recently used ones are dropped beyond this). */
const MAX_TRACKED_KEYS = 100_000;

type Checker = (
  request: FastifyRequest,
) => Promise<{ isAllowed: boolean; isExceeded?: boolean; ttlInSeconds?: number }>;

export async function registerApiRateLimit(fastify: FastifyInstance, limits: ApiRateLimits): Promise<void> {
  await fastify.register(fastifyRateLimit, { global: false });
  const limiter = fastify as unknown as { createRateLimit(options: Record<string, unknown>): Checker };
  const checks: Checker[] = [
    limiter.createRateLimit({
      max: limits.perClientPerMinute,
      timeWindow: WINDOW_MS,
      cache: MAX_TRACKED_KEYS,
      keyGenerator: (request: FastifyRequest) => clientKey(request, limits.cookieNames),
    }),
    limiter.createRateLimit({
      max: limits.perAddressPerMinute,
      timeWindow: WINDOW_MS,
      cache: MAX_TRACKED_KEYS,
      keyGenerator: (request: FastifyRequest) => `address:${request.ip}`,
    }),
  ];
  fastify.addHook('onRequest', async (request, reply) => {
    for (const check of checks) {
      const result = await check(request);
      if (result.isAllowed || !result.isExceeded) continue;
      const seconds = Math.max(1, result.ttlInSeconds ?? 1);
      const lang = pickLanguage(
        (request.cookies as Record<string, string> | undefined)?.lang,
        request.headers['accept-language'],
      );
      return reply
        .code(429)
        .header('retry-after', String(seconds))
        .send({
          statusCode: 429,
          code: 'rate_limited',
          message: translate('rate_limited', lang, { seconds }),
        });
    }
  });
}

/** The credential a request acts with (hashed: counters never hold a usable token), else its address. */
export function clientKey(request: FastifyRequest, cookieNames: { user: string; staff: string }): string {
  const authorization = request.headers.authorization;
  const bearer = typeof authorization === 'string' ? /^Bearer\s+(\S+)/i.exec(authorization)?.[1] : undefined;
  if (bearer) return `token:${sha256Hex(bearer)}`;
  const cookies = (request.cookies ?? {}) as Record<string, string | undefined>;
  // A browser may hold both sessions (staff working in an account under a grant): count the one
  // the route uses.
  const staffRoute = request.url.startsWith('/api/v1/staff/');
  const session = staffRoute
    ? (cookies[cookieNames.staff] ?? cookies[cookieNames.user])
    : (cookies[cookieNames.user] ?? cookies[cookieNames.staff]);
  if (session) return `session:${sha256Hex(session)}`;
  return `anonymous:${request.ip}`;
}
