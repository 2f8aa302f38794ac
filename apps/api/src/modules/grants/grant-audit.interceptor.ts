import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { catchError, concatMap, from, map, type Observable, throwError } from 'rxjs';
import { AppException } from '../../common/app-exception';
import { AuditService } from '../audit';
import type { GrantAuth } from '../../access/auth.types';

/**
 * Every request a staff member makes inside a customer account under a grant is audited with their
 * identity and the grant, reads included (security.md: "every request made under a grant is
 * audited"): method, route pattern, the resource id of the path and the outcome. Specific actions
 * (bucket.created, object.download_authorized, ...) are still recorded by the services; this is
 * the access log next to them. The entry is written before the answer leaves, so the customer's
 * log never lags behind what staff saw; if it cannot be written the request fails (no unaudited
 * access).
 */
@Injectable()
export class GrantAuditInterceptor implements NestInterceptor {
  constructor(
    private readonly audit: AuditService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const auth = request.auth;
    if (auth?.kind !== 'grant') return next.handle();
    const record = (status: number) => this.record(request, auth, status);
    const success = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? 200;
    return next.handle().pipe(
      concatMap((value: unknown) => from(record(success)).pipe(map(() => value))),
      catchError((error: unknown) =>
        from(record(statusOf(error))).pipe(concatMap(() => throwError(() => error))),
      ),
    );
  }

  private async record(request: FastifyRequest, auth: GrantAuth, status: number) {
    const route = request.routeOptions.url ?? request.url.split('?')[0];
    const params = (request.params ?? {}) as Record<string, unknown>;
    const id = typeof params.id === 'string' ? params.id : undefined;
    const resourceType = id ? resourceTypeOf(route) : 'grant';
    await this.audit.byUser(
      auth,
      { ip: request.ip, userAgent: request.headers['user-agent']?.slice(0, 512) ?? null },
      {
        action: 'grant.request',
        resourceType,
        resourceId: id ?? auth.grantId,
        details: { method: request.method, route, status },
      },
    );
  }
}

/** The path segment before `:id`, as an audit resource type: /api/v1/access-keys/:id -> access_key. */
export function resourceTypeOf(route: string): string {
  const segments = route.split('/');
  const at = segments.indexOf(':id');
  const segment = at > 0 ? segments[at - 1] : '';
  return segment.replace(/-/g, '_').replace(/s$/, '') || 'grant';
}

function statusOf(error: unknown): number {
  if (error instanceof AppException) return error.status;
  if (error instanceof HttpException) return error.getStatus();
  return 500;
}
