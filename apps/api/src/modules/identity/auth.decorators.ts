import { createParamDecorator, ExecutionContext, SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiCookieAuth } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Permission, StaffPermission } from './permissions';
import type { StaffAuth, UserAuth } from './auth.types';

export const ACCESS_METADATA = 'csp:access';

export type AccessDeclaration =
  | { kind: 'public' }
  | { kind: 'user'; permission: Permission | null }
  | { kind: 'staff'; permission: StaffPermission | null };

/** No session needed (sign-up, login). */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessDeclaration);

/** A signed-in customer user whose role grants `permission` (null: any signed-in user). */
export const Authenticated = (options: { permission: Permission | null }) =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, {
      kind: 'user',
      permission: options.permission,
    } satisfies AccessDeclaration),
    ApiCookieAuth('csp_session'),
  );

/** A signed-in provider staff member whose role grants `permission` (null: any staff member). */
export const StaffAuthenticated = (options: { permission: StaffPermission | null }) =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, {
      kind: 'staff',
      permission: options.permission,
    } satisfies AccessDeclaration),
    ApiCookieAuth('csp_staff_session'),
  );

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): UserAuth => {
  const auth = ctx.switchToHttp().getRequest<FastifyRequest>().auth;
  if (auth?.kind !== 'user') throw new Error('CurrentUser used on an endpoint without @Authenticated');
  return auth;
});

export const CurrentStaff = createParamDecorator((_: unknown, ctx: ExecutionContext): StaffAuth => {
  const auth = ctx.switchToHttp().getRequest<FastifyRequest>().auth;
  if (auth?.kind !== 'staff') throw new Error('CurrentStaff used on an endpoint without @StaffAuthenticated');
  return auth;
});

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
}

export const ReqMeta = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestMeta => {
  const req = ctx.switchToHttp().getRequest<FastifyRequest>();
  return { ip: req.ip, userAgent: req.headers['user-agent']?.slice(0, 512) ?? null };
});
