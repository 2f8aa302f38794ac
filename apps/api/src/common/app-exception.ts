import type { MessageCode } from './messages';

/** The one exception type services throw; mapped to HTTP and translated in AppExceptionFilter. */
export class AppException extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageCode,
    readonly params: Record<string, unknown> = {},
    readonly fields?: Record<string, MessageCode>,
    readonly extra?: Record<string, unknown>,
  ) {
    super(code);
  }

  static badRequest(code: MessageCode, params?: Record<string, unknown>, extra?: Record<string, unknown>) {
    return new AppException(400, code, params, undefined, extra);
  }
  static validation(fields: Record<string, MessageCode>) {
    return new AppException(400, 'validation_failed', {}, fields);
  }
  static unauthorized(code: MessageCode = 'unauthenticated') {
    return new AppException(401, code);
  }
  static forbidden(code: MessageCode = 'forbidden') {
    return new AppException(403, code);
  }
  static notFound() {
    return new AppException(404, 'not_found');
  }
  static conflict(code: MessageCode, params?: Record<string, unknown>) {
    return new AppException(409, code, params);
  }
  static gone(code: MessageCode) {
    return new AppException(410, code);
  }
  static tooManyRequests(seconds: number) {
    return new AppException(429, 'rate_limited', { seconds }, undefined, { retryAfterSeconds: seconds });
  }
}
