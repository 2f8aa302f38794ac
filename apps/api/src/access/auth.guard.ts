import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AppException } from '../common/app-exception';
import { ACCESS_METADATA, type AccessDeclaration } from './access.decorators';
import { roleAllows, staffRoleAllows } from './permissions';
import { SessionService, StaffAccessService } from '../modules/identity';
import { ApiTokensService } from '../modules/api-tokens';
import { GrantSessionService } from '../modules/grants';
import { accountAccessError } from './account-status';
import { GRANT_DENIED_PERMISSIONS, grantRoleAllows } from './effective-permissions';

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
    private readonly staffAccess: StaffAccessService,
    private readonly grantSessions: GrantSessionService,
    private readonly apiTokens: ApiTokensService,
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

    // API tokens (Authorization: Bearer csp_…) authenticate customer endpoints only, and alone:
    // cookies are then ignored, so the Origin check (a cookie/CSRF defence) does not apply.
    const bearer = bearerToken(request);
    if (bearer !== undefined && access.kind === 'staff')
      throw AppException.forbidden('api_token_not_allowed');
    if (bearer !== undefined && access.kind === 'user') {
      request.auth = await this.apiTokens.authenticate(bearer, access.permission, request.ip);
      return true;
    }

    // CSRF defence in depth on top of SameSite=Lax: a browser always sends Origin on cross-site writes.
    const origin = request.headers.origin;
    if (!SAFE_METHODS.has(request.method) && origin && !this.allowedOrigins.has(origin)) {
      throw AppException.forbidden('origin_not_allowed');
    }

    if (access.kind === 'public') return true;
    const cookies = (request.cookies ?? {}) as Record<string, string | undefined>;

    if (access.kind === 'user') {
      const token = cookies[this.sessions.cookieNames.user];
      const row = token ? await this.sessions.resolveUser(token) : null;
      if (!row) {
        // A staff member inside the account through a grant: checked in full on every request.
        const grant = token ? await this.grantSessions.resolve(token) : null;
        if (!grant) throw AppException.unauthorized();
        // Staff rules bind staff wherever they work: the IP allowlist and allowed hours apply here too.
        await this.staffAccess.check(request.ip);
        const grantAccountError = accountAccessError(grant.grant.accountStatus);
        if (grantAccountError) throw AppException.forbidden(grantAccountError);
        if (access.noGrant) throw AppException.forbidden('grant_persistent_access_not_allowed');
        if (access.permission && !grantRoleAllows(grant.role, access.permission))
          throw AppException.forbidden(
            GRANT_DENIED_PERMISSIONS.includes(access.permission) && roleAllows(grant.role, access.permission)
              ? 'grant_persistent_access_not_allowed'
              : undefined,
          );
        request.auth = grant;
        return true;
      }
      if (row.user.status !== 'active') throw AppException.forbidden('user_disabled');
      const accountError = accountAccessError(row.account.status);
      if (accountError) throw AppException.forbidden(accountError);
      if (access.permission && !roleAllows(row.user.role, access.permission)) throw AppException.forbidden();
      // The account requires 2FA: until this user enrols (TOTP or a passkey), only the enrolment
      // routes answer.
      if (
        row.account.requireTwoFactor &&
        !row.user.totpEnabledAt &&
        !row.hasPasskey &&
        !access.beforeTwoFactor
      )
        throw AppException.forbidden('two_factor_enrolment_required');
      request.auth = {
        kind: 'user',
        sessionId: row.session.id,
        userId: row.user.id,
        accountId: row.account.id,
        role: row.user.role,
      };
      return true;
    }

    const token = cookies[this.sessions.cookieNames.staff];
    const row = token ? await this.sessions.resolveStaff(token) : null;
    if (!row) throw AppException.unauthorized();
    if (row.staff.status !== 'active') throw AppException.forbidden('user_disabled');
    // Staff IP allowlist and allowed hours apply to every staff request, not only to login; and
    // 2FA is mandatory: until enrolled, only the enrolment routes answer.
    await this.staffAccess.check(request.ip);
    if (!row.staff.totpEnabledAt && !access.beforeTwoFactor)
      throw AppException.forbidden('staff_two_factor_required');
    if (access.permission && !staffRoleAllows(row.staff.role, access.permission))
      throw AppException.forbidden();
    request.auth = { kind: 'staff', sessionId: row.session.id, staffId: row.staff.id, role: row.staff.role };
    return true;
  }
}

/** The token of `Authorization: Bearer <token>`, or undefined without such a header. */
function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : '';
}
