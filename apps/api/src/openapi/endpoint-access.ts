import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import type { z } from 'zod';
import { BODY_SCHEMA } from '../common/endpoint.decorator';
import { ACCESS_METADATA, type AccessDeclaration } from '../access/access.decorators';

export interface EndpointAccess {
  method: string;
  path: string;
  access: AccessDeclaration | undefined;
  /** The zod schema of the request body, when the route declares one (tests build valid bodies from it). */
  body?: z.ZodType;
}

type Ctor = new (...args: never[]) => unknown;

/** Every route of the given modules with the access it declares (for the snapshot test). */
export function listEndpointAccess(modules: Ctor[]): EndpointAccess[] {
  const controllers = modules.flatMap(
    (m) => (Reflect.getMetadata('controllers', m) as Ctor[] | undefined) ?? [],
  );
  const out: EndpointAccess[] = [];
  for (const controller of controllers) {
    const prefix = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const proto = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const handler = proto[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const sub = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
      const path =
        '/' +
        [prefix, sub]
          .filter((p) => p && p !== '/')
          .join('/')
          .replace(/\/+/g, '/');
      out.push({
        method: RequestMethod[method],
        path,
        access:
          (Reflect.getMetadata(ACCESS_METADATA, handler) as AccessDeclaration | undefined) ??
          (Reflect.getMetadata(ACCESS_METADATA, controller) as AccessDeclaration | undefined),
        body: Reflect.getMetadata(BODY_SCHEMA, handler) as z.ZodType | undefined,
      });
    }
  }
  return out.sort((a, b) => (a.path + a.method).localeCompare(b.path + b.method));
}

export function describeAccess(access: AccessDeclaration | undefined): string {
  if (!access) return 'UNDECLARED';
  if (access.kind === 'public') return 'public';
  // before-2fa: also reachable by a session still owing 2FA enrolment (staff, or accounts requiring it).
  const before = access.beforeTwoFactor ? ' (before-2fa)' : '';
  // no-grant: refused to staff working in the account under a grant.
  const noGrant = access.kind === 'user' && access.noGrant ? ' (no-grant)' : '';
  return `${access.kind}:${access.permission ?? 'any-signed-in'}${before}${noGrant}`;
}
