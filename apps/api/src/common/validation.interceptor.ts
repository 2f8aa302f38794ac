import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { BODY_SCHEMA, QUERY_SCHEMA } from './endpoint.decorator';
import { parseOrThrow } from './validation';

/** Validates body and query against the schemas declared with @Endpoint, before any handler runs. */
@Injectable()
export class ValidationInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler) {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const body = this.reflector.get<z.ZodType | undefined>(BODY_SCHEMA, context.getHandler());
    const query = this.reflector.get<z.ZodType | undefined>(QUERY_SCHEMA, context.getHandler());
    if (body) request.body = parseOrThrow(body, request.body);
    if (query) (request as { query: unknown }).query = parseOrThrow(query, request.query);
    return next.handle();
  }
}
