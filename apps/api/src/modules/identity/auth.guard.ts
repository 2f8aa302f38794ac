import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppException } from '../../common/app-exception';
import { ACCESS_METADATA, type AccessDeclaration } from './auth.decorators';
import { roleAllows, staffRoleAllows } from './permissions';
import { SessionService, STAFF_COOKIE, USER_COOKIE } from './session.service';
import { accountAccessError } from './account-access';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The single place that decides whether a request may reach a handler: every route must declare
 * its access (@Public, @Authenticated or @StaffAuthenticated); an undeclared route is denied.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly allowedOrigins: Set<string>;

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.allowedOrigins = new Set([new URL(config.APP_URL).origin]);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const access = this.reflector.getAllAndOverride<AccessDeclaration | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!access) throw AppException.forbidden();

    // CSRF defence in depth on top of SameSite=Lax: a browser always sends Origin on cross-site writes.
    const origin = request.headers.origin;
    if (!SAFE_METHODS.has(request.method) && origin && !this.allowedOrigins.has(origin)) {
      throw AppException.forbidden('origin_not_allowed');
    }

    if (access.kind === 'public') return true;
    const cookies = (request.cookies ?? {}) as Record<string, string | undefined>;

    if (access.kind === 'user') {
      const token = cookies[USER_COOKIE];
      const row = token ? await this.sessions.resolveUser(token) : null;
      if (!row) throw AppException.unauthorized();
      if (row.user.status !== 'active') throw AppException.forbidden('user_disabled');
      const accountError = accountAccessError(row.account.status);
      if (accountError) throw AppException.forbidden(accountError);
      if (access.permission && !roleAllows(row.user.role, access.permission)) throw AppException.forbidden();
      request.auth = {
        kind: 'user',
        sessionId: row.session.id,
        userId: row.user.id,
        accountId: row.account.id,
        role: row.user.role,
      };
      return true;
    }

    const token = cookies[STAFF_COOKIE];
    const row = token ? await this.sessions.resolveStaff(token) : null;
    if (!row) throw AppException.unauthorized();
    if (row.staff.status !== 'active') throw AppException.forbidden('user_disabled');
    if (access.permission && !staffRoleAllows(row.staff.role, access.permission))
      throw AppException.forbidden();
    request.auth = { kind: 'staff', sessionId: row.session.id, staffId: row.staff.id, role: row.staff.role };
    return true;
  }
}
