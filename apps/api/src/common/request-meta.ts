import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** Who sent the request, as far as the trusted hops vouch for it (common/client-address.ts). */
export interface RequestMeta {
  ip: string;
  userAgent: string | null;
  /** From the trusted proxy's geo header (GEO_HEADER), when configured and present. */
  place?: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    place?: string | null;
  }
}

export const ReqMeta = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestMeta => {
  const req = ctx.switchToHttp().getRequest<FastifyRequest>();
  return {
    ip: req.ip,
    userAgent: req.headers['user-agent']?.slice(0, 512) ?? null,
    place: req.place ?? null,
  };
});
