import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import {
  accessKeys,
  apiTokens,
  auditEntries,
  buckets,
  grants,
  invitations,
  quotaChangeRequests,
  sessions,
  staffMembers,
  userBucketAccess,
  users,
} from '@csp/db';
import type { z } from 'zod';
import { randomToken, sha256Hex } from '../../src/common/crypto';
import { toOpenApi } from '../../src/common/endpoint.decorator';
import { hashPassword } from '../../src/modules/identity/login/password';
import type { StaffRole } from '../../src/access/permissions';
import { staffSession, type TestApi } from './harness';
import type { HttpSession } from './http';

type Json = Record<string, unknown>;

/**
 * A body the route's own zod schema accepts, built from its JSON Schema (so a new endpoint is
 * walked without a hand-written sample). Returns {} when no valid body could be made.
 */
export function sampleBody(schema: z.ZodType | undefined): unknown {
  if (!schema) return undefined;
  const value = sampleOf(toOpenApi(schema, 'input'), '');
  return schema.safeParse(value).success ? value : {};
}

function sampleOf(js: Json, key: string): unknown {
  if (Array.isArray(js.enum)) return js.enum[0];
  if ('const' in js) return js.const;
  const alternatives = (js.anyOf ?? js.oneOf ?? js.allOf) as Json[] | undefined;
  if (alternatives?.length) return sampleOf(alternatives[0], key);
  const lower = key.toLowerCase();
  switch (js.type) {
    case 'object': {
      const props = (js.properties ?? {}) as Record<string, Json>;
      const out: Json = {};
      for (const name of (js.required as string[] | undefined) ?? [])
        out[name] = sampleOf(props[name] ?? {}, name);
      return out;
    }
    case 'array': {
      const min = Number(js.minItems ?? 0);
      return Array.from({ length: min }, () => sampleOf((js.items ?? {}) as Json, key));
    }
    case 'integer':
    case 'number':
      return Number(js.minimum ?? 1);
    case 'boolean':
      // "Do less": a false flag (e.g. "require 2FA for the team") changes nothing.
      return false;
    case 'string': {
      if (js.format === 'uuid') return randomUUID();
      if (js.format === 'email' || lower.includes('email'))
        return `walk-${randomToken(4).toLowerCase()}@walk.test`;
      if (js.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
      if (lower.includes('password')) return 'Walk-Strong-Pass-9';
      if (lower.includes('name')) return 'Nome Teste Walk';
      if (lower.includes('token')) return randomToken(32);
      if (lower.includes('code')) return '123456';
      // S3 part ETags (object browser): an MD5 in quotes.
      if (lower === 'etag') return `"${'a'.repeat(32)}"`;
      const min = Number(js.minLength ?? 1);
      return 'walk-value'.padEnd(Math.max(min, 10), 'x').slice(0, Number(js.maxLength ?? 64));
    }
    default:
      return {};
  }
}

/** Every `:param` of a route path replaced by `id`. */
export function fillPath(path: string, id: string): string {
  return path.replace(/:\w+/g, id);
}

/** The resource kind a `:id` route acts on: the path segment just before the first parameter. */
export function resourceKind(path: string): string {
  const parts = path.split('/');
  const index = parts.findIndex((p) => p.startsWith(':'));
  return parts[index - 1];
}

/**
 * A staff member of the given role, signed in through the real staff login (the harness does the
 * mandatory TOTP enrolment and second factor).
 */
export async function staffSessionAs(api: TestApi, role: StaffRole) {
  const who = {
    email: `walk-${role}-${randomToken(4).toLowerCase()}@staff.test`,
    password: 'Walk-Staff-Pass-2026',
  };
  const [staff] = await api.db
    .insert(staffMembers)
    .values({
      email: who.email,
      fullName: `Walk ${role}`,
      passwordHash: await hashPassword(who.password),
      role,
    })
    .returning();
  const signIn = () => staffSession(api, who);
  return { staffId: staff.id, session: await signIn(), signIn };
}

export async function sessionFor(api: TestApi, subject: { staffId: string } | { userId: string }) {
  const token = randomToken(32);
  await api.db.insert(sessions).values({
    tokenHash: sha256Hex(token),
    userId: 'userId' in subject ? subject.userId : null,
    staffId: 'staffId' in subject ? subject.staffId : null,
    ip: '127.0.0.1',
    idleExpiresAt: new Date(Date.now() + 3600_000),
    absoluteExpiresAt: new Date(Date.now() + 3600_000),
  });
  const http = api.session();
  http.setCookie('staffId' in subject ? 'csp_staff_session' : 'csp_session', token);
  return http;
}

/** Everything of one account that a request could change, as comparable text. */
export async function accountDigest(api: TestApi, accountId: string) {
  const db = api.db;
  const memberIds = (await db.select({ id: users.id }).from(users).where(eq(users.accountId, accountId))).map(
    (u) => u.id,
  );
  const rows = await Promise.all([
    db
      .select({
        id: users.id,
        role: users.role,
        status: users.status,
        email: users.email,
        name: users.fullName,
      })
      .from(users)
      .where(eq(users.accountId, accountId))
      .orderBy(users.id),
    db
      .select({
        id: invitations.id,
        hash: invitations.tokenHash,
        sends: invitations.sendCount,
        expires: invitations.expiresAt,
        accepted: invitations.acceptedAt,
        canceled: invitations.canceledAt,
      })
      .from(invitations)
      .where(eq(invitations.accountId, accountId))
      .orderBy(invitations.id),
    db
      .select({
        id: buckets.id,
        deleted: buckets.deletedAt,
        versioning: buckets.versioning,
        publicRead: buckets.publicRead,
        lockMode: buckets.lockMode,
        lockDays: buckets.lockRetentionDays,
        lifecycle: buckets.lifecycleRules,
      })
      .from(buckets)
      .where(eq(buckets.accountId, accountId))
      .orderBy(buckets.id),
    db
      .select({
        id: accessKeys.id,
        status: accessKeys.status,
        pending: accessKeys.pendingSecret,
        grace: accessKeys.graceEndsAt,
      })
      .from(accessKeys)
      .where(eq(accessKeys.accountId, accountId))
      .orderBy(accessKeys.id),
    db
      .select({
        user: userBucketAccess.userId,
        bucket: userBucketAccess.bucketId,
        access: userBucketAccess.access,
      })
      .from(userBucketAccess)
      .where(eq(userBucketAccess.accountId, accountId))
      .orderBy(userBucketAccess.userId, userBucketAccess.bucketId),
    memberIds.length
      ? db
          .select({ id: sessions.id, revoked: sessions.revokedAt })
          .from(sessions)
          .where(inArray(sessions.userId, memberIds))
          .orderBy(sessions.id)
      : [],
    db
      .select({ id: grants.id, revoked: grants.revokedAt, ends: grants.endsAt })
      .from(grants)
      .where(eq(grants.accountId, accountId))
      .orderBy(grants.id),
    db
      .select({ id: apiTokens.id, revoked: apiTokens.revokedAt, name: apiTokens.name })
      .from(apiTokens)
      .where(eq(apiTokens.accountId, accountId))
      .orderBy(apiTokens.id),
    db
      .select({
        id: quotaChangeRequests.id,
        status: quotaChangeRequests.status,
        decided: quotaChangeRequests.decidedAt,
      })
      .from(quotaChangeRequests)
      .where(eq(quotaChangeRequests.accountId, accountId))
      .orderBy(quotaChangeRequests.id),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(auditEntries)
      .where(eq(auditEntries.accountId, accountId)),
  ]);
  return JSON.stringify(rows);
}

/** Signs the session's user in again when a call ended it (logout, session management). */
export async function stillSignedIn(session: HttpSession, mePath: string) {
  return (await session.get(mePath)).status === 200;
}
