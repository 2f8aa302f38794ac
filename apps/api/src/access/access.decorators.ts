import { createParamDecorator, ExecutionContext, SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiCookieAuth, ApiResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Permission, StaffPermission } from './permissions';
import { AppException } from '../common/app-exception';
import type { AccountAuth, StaffAuth, UserAuth } from './auth.types';

export const ACCESS_METADATA = 'csp:access';

/** What every signed-in route may answer before its handler runs: no session (401), refused (403). */
const API_ERROR = { $ref: '#/components/schemas/ApiError' };
const SIGNED_IN_ERRORS = [
  ApiResponse({ status: 401, description: 'No valid session or API token', schema: API_ERROR }),
  ApiResponse({
    status: 403,
    description: 'Refused: permission, account or user status, 2FA enrolment, origin',
    schema: API_ERROR,
  }),
];

export type AccessDeclaration =
  | { kind: 'public' }
  | { kind: 'user'; permission: Permission | null; beforeTwoFactor?: boolean; noGrant?: boolean }
  | { kind: 'staff'; permission: StaffPermission | null; beforeTwoFactor?: boolean };

/** No session needed (sign-up, login). */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessDeclaration);

/** A signed-in customer user whose role grants `permission` (null: any signed-in user). */
export const Authenticated = (options: {
  permission: Permission | null;
  /**
   * Reachable while the account requires 2FA and the user has not enrolled yet (me, logout, TOTP
   * enrolment); every other route refuses such a session with 403 two_factor_enrolment_required.
   */
  beforeTwoFactor?: boolean;
  /**
   * Refused to staff under a grant (403 grant_persistent_access_not_allowed) whatever its scope:
   * the action would leave access behind that outlives the grant.
   */
  noGrant?: boolean;
}) =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, {
      kind: 'user',
      permission: options.permission,
      ...(options.beforeTwoFactor ? { beforeTwoFactor: true } : {}),
      ...(options.noGrant ? { noGrant: true } : {}),
    } satisfies AccessDeclaration),
    ApiCookieAuth('csp_session'),
    ...SIGNED_IN_ERRORS,
  );

/** A signed-in provider staff member whose role grants `permission` (null: any staff member). */
export const StaffAuthenticated = (options: {
  permission: StaffPermission | null;
  /** Reachable before the staff member has enrolled TOTP (2FA is mandatory for staff). */
  beforeTwoFactor?: boolean;
}) =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, {
      kind: 'staff',
      permission: options.permission,
      ...(options.beforeTwoFactor ? { beforeTwoFactor: true } : {}),
    } satisfies AccessDeclaration),
    ApiCookieAuth('csp_staff_session'),
    ...SIGNED_IN_ERRORS,
  );

/**
 * The signed-in customer user. A staff member working under a grant is not a user: endpoints that
 * take @CurrentUser refuse grant sessions (403); those meant for them take @CurrentAccount.
 */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): UserAuth => {
  const auth = ctx.switchToHttp().getRequest<FastifyRequest>().auth;
  if (auth?.kind === 'grant') throw AppException.forbidden('grant_not_allowed');
  if (auth?.kind !== 'user') throw new Error('CurrentUser used on an endpoint without @Authenticated');
  return auth;
});

/** Whoever acts in the account: a member, or a staff member under an active grant (see GrantAuth). */
export const CurrentAccount = createParamDecorator((_: unknown, ctx: ExecutionContext): AccountAuth => {
  const auth = ctx.switchToHttp().getRequest<FastifyRequest>().auth;
  if (auth?.kind !== 'user' && auth?.kind !== 'grant')
    throw new Error('CurrentAccount used on an endpoint without @Authenticated');
  return auth;
});

export const CurrentStaff = createParamDecorator((_: unknown, ctx: ExecutionContext): StaffAuth => {
  const auth = ctx.switchToHttp().getRequest<FastifyRequest>().auth;
  if (auth?.kind !== 'staff') throw new Error('CurrentStaff used on an endpoint without @StaffAuthenticated');
  return auth;
});
