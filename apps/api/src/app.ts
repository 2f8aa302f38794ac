import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyCookie from '@fastify/cookie';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { APP_CONFIG, type AppConfig } from './config/config';
import { argon2Gate, placeFromHeader, primeDummyHash, sessionCookieNames } from './modules/identity';
import { registerApiRateLimit } from './common/api-rate-limit';
import { clientAddressResolver } from './common/client-address';
import { declareImpliedStatuses } from './openapi/implied-statuses';
import { pickLanguage, translate } from './common/messages';
import type { FastifyReply, FastifyRequest } from 'fastify';

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/**
 * The router's own refusals of a path (a parameter over its length limit, 414; bytes that are not
 * a URL, 400) come before Nest, so AppExceptionFilter never sees them. A path that cannot name a
 * route or an id is what IdPipe calls any id that names nothing: 404 `not_found`, in our error
 * shape and the caller's language.
 */
function pathNotFound(error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply) {
  const cookieLang = /(?:^|;\s*)lang=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
  const lang = pickLanguage(cookieLang, request.headers['accept-language']);
  const code =
    error.code === 'FST_ERR_BAD_URL' || error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'not_found'
      : 'payload_invalid';
  const status = code === 'not_found' ? 404 : 400;
  void reply
    .status(status)
    .headers(SECURITY_HEADERS)
    .send({ statusCode: status, code, message: translate(code, lang) });
}

export async function createApp(config?: AppConfig, options: { logger?: boolean } = {}) {
  // No trustProxy: X-Forwarded-For is never read. The client address comes from the web server
  // only (common/client-address.ts), set as request.ip below.
  const adapter = new FastifyAdapter({ bodyLimit: 1024 * 1024, frameworkErrors: pathNotFound });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: options.logger === false ? false : ['error', 'warn', 'log'],
  });
  await app.register(fastifyCookie as never);
  const appConfig = app.get<AppConfig>(APP_CONFIG);
  argon2Gate.configure({
    maxConcurrent: appConfig.ARGON2_MAX_CONCURRENCY,
    maxQueue: appConfig.ARGON2_MAX_QUEUE,
  });
  await primeDummyHash();
  const resolveClient = clientAddressResolver(appConfig);
  // Where a request comes from, when the trusted reverse proxy says so (e.g. Cloudflare's
  // CF-IPCountry, or a GeoIP module's header) and the web server passed it on: shown with
  // sessions as their "place". Sent by anyone else, the header means nothing.
  const geoHeader = appConfig.GEO_HEADER?.toLowerCase();
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request) => {
    const client = resolveClient(request.socket.remoteAddress, request.headers);
    // request.ip is a prototype getter (the socket address); an own property shadows it.
    Object.defineProperty(request, 'ip', { value: client.ip, configurable: true, enumerable: true });
    if (geoHeader && client.fromWebServer) request.place = placeFromHeader(request.headers[geoHeader]);
  });
  // After the client address is known and cookies are parsed: counts per session, token, address.
  await registerApiRateLimit(fastify, {
    perClientPerMinute: appConfig.RATE_LIMIT_PER_MINUTE,
    perAddressPerMinute: appConfig.RATE_LIMIT_PER_ADDRESS_PER_MINUTE,
    cookieNames: sessionCookieNames(appConfig.COOKIE_SECURE),
  });
  fastify.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    return payload;
  });
  app.enableShutdownHooks();
  return app;
}

export function buildOpenApi(app: NestFastifyApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('CloudStorage Pro API')
      .setDescription(
        'Customer portal, sign-up and provider staff API. Errors carry `code` and a translated `message`.',
      )
      .setVersion('1')
      .addCookieAuth('csp_session')
      .addCookieAuth('csp_staff_session')
      .build(),
  );
  document.components ??= {};
  document.components.schemas = {
    ...document.components.schemas,
    ApiError: {
      type: 'object',
      required: ['statusCode', 'code', 'message'],
      properties: {
        statusCode: { type: 'integer' },
        code: { type: 'string' },
        message: { type: 'string' },
        fields: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
  };
  return declareImpliedStatuses(document);
}
