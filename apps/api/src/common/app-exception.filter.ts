import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppException } from './app-exception';
import { pickLanguage, translate, type MessageCode } from './messages';
import { statusFor } from './error-status';

/** Maps every error to `{ statusCode, code, message, fields? }` in the caller's language. */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost) {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const lang = pickLanguage(
      (request.cookies as Record<string, string> | undefined)?.lang,
      request.headers['accept-language'],
    );
    const error = this.toAppException(exception);
    // One table decides the status of each code (error-status.ts).
    const status = statusFor(error.code, error.status);
    const body: Record<string, unknown> = {
      statusCode: status,
      code: error.code,
      message: translate(error.code, lang, error.params),
      ...(error.extra ?? {}),
    };
    if (error.fields) {
      body.fields = Object.fromEntries(
        Object.entries(error.fields).map(([field, code]) => [field, translate(code, lang, error.params)]),
      );
    }
    if ((status === 429 || status === 503) && error.extra?.retryAfterSeconds) {
      void reply.header('Retry-After', String(error.extra.retryAfterSeconds));
    }
    void reply.status(status).send(body);
  }

  private toAppException(exception: unknown): AppException {
    if (exception instanceof AppException) return exception;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const byStatus: Record<number, MessageCode> = {
        400: 'payload_invalid',
        401: 'unauthenticated',
        403: 'forbidden',
        404: 'route_not_found',
        413: 'payload_invalid',
        415: 'payload_invalid',
      };
      if (byStatus[status]) return new AppException(status, byStatus[status]);
    }
    // Fastify's own errors (malformed JSON, body too large, wrong content type) carry a 4xx statusCode.
    const statusCode = (exception as { statusCode?: number })?.statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      return new AppException(statusCode, statusCode === 404 ? 'route_not_found' : 'payload_invalid');
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return new AppException(500, 'internal_error');
  }
}
