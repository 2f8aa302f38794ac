import { CallHandler, ExecutionContext, Inject, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { map } from 'rxjs';
import type { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AppException } from './app-exception';
import { RESPONSE_SCHEMA } from './endpoint.decorator';

/**
 * The contract the other way round: each answer, as the client will read it (after JSON
 * serialisation: dates become strings, undefined fields vanish), must match the response schema
 * its @Endpoint declares, which is the schema the OpenAPI document and the typed client are made
 * from. `strict` (the default outside production) answers 500 `response_invalid` and logs what
 * differs, so any test reaching the endpoint fails; `log` only logs; `off` skips the check.
 */
@Injectable()
export class ResponseValidationInterceptor implements NestInterceptor {
  private readonly logger = new Logger('ResponseContract');
  private readonly mode: 'strict' | 'log' | 'off';

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.mode = config.RESPONSE_VALIDATION ?? (config.NODE_ENV === 'production' ? 'off' : 'strict');
  }

  intercept(context: ExecutionContext, next: CallHandler) {
    const schema = this.reflector.get<z.ZodType | undefined>(RESPONSE_SCHEMA, context.getHandler());
    if (this.mode === 'off' || !schema) return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return next.handle().pipe(
      map((value: unknown) => {
        const wire = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
        const result = schema.safeParse(wire);
        if (result.success) return value;
        const where = `${request.method} ${request.routeOptions?.url ?? request.url}`;
        const issues = result.error.issues
          .slice(0, 5)
          .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
          .join('; ');
        this.logger.error(`${where} answered outside its declared response schema: ${issues}`);
        if (this.mode === 'strict') throw new AppException(500, 'response_invalid');
        return value;
      }),
    );
  }
}
