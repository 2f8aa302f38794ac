import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppException } from '../../common/app-exception';
import { randomToken, sha256Hex } from '../../common/crypto';
import { AuditService } from '../audit';
import { accountAccessError } from '../../access/account-status';
import type { RequestMeta } from '../../common/request-meta';
import type { UserAuth } from '../../access/auth.types';
import { Permission, roleAllows } from '../../access/permissions';
import { tokenCovers, tokenGrantablePermissions } from '../../access/effective-permissions';
import { ApiTokensRepository } from './api-tokens.repository';

export const API_TOKEN_PREFIX = 'csp_';
/** `csp_` + 32 random bytes, base64url. */
const TOKEN_FORMAT = /^csp_[A-Za-z0-9_-]{43}$/;
const DISPLAY_PREFIX_LENGTH = 12;
const MAX_EXPIRY_MS = 366 * 24 * 60 * 60 * 1000;
const TOUCH_INTERVAL = 60_000;

type Row = NonNullable<Awaited<ReturnType<ApiTokensRepository['find']>>>;

/**
 * API tokens for automation. A token acts as its creator, narrowed to the permissions chosen at
 * creation (a subset of the creator's own), re-checked against the creator's current role on every
 * use. Only the SHA-256 is stored; the token is shown once.
 */
@Injectable()
export class ApiTokensService {
  constructor(
    private readonly tokens: ApiTokensRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Owners see every token of the account (and may revoke them); other members their own. */
  async list(auth: UserAuth) {
    const rows = await this.tokens.list(auth.accountId, this.seesAll(auth) ? undefined : auth.userId);
    const now = new Date();
    return {
      items: rows.map((r) => toApiToken(r, now)),
      grantablePermissions: tokenGrantablePermissions(auth.role),
    };
  }

  async create(
    auth: UserAuth,
    input: { name: string; permissions: Permission[]; expiresAt?: string | null },
    meta: RequestMeta,
  ) {
    const grantable = tokenGrantablePermissions(auth.role);
    const requested = [...new Set(input.permissions)];
    const excess = requested.filter((p) => !grantable.includes(p));
    if (excess.length) {
      throw new AppException(
        400,
        'validation_failed',
        { permissions: excess.join(', ') },
        {
          permissions: 'api_token_permission_exceeds',
        },
      );
    }
    const now = new Date();
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && (expiresAt <= now || expiresAt.getTime() - now.getTime() > MAX_EXPIRY_MS)) {
      throw AppException.validation({ expiresAt: 'api_token_expiry_invalid' });
    }
    const max = this.config.MAX_API_TOKENS_PER_ACCOUNT;
    if ((await this.tokens.countLive(auth.accountId, now)) >= max)
      throw AppException.conflict('api_token_limit_reached', { max });
    const token = API_TOKEN_PREFIX + randomToken(32);
    const { id } = await this.tokens.insert({
      accountId: auth.accountId,
      userId: auth.userId,
      name: input.name,
      prefix: token.slice(0, DISPLAY_PREFIX_LENGTH),
      tokenHash: sha256Hex(token),
      permissions: requested,
      expiresAt,
    });
    await this.audit.byUser(auth, meta, {
      action: 'api_token.created',
      resourceType: 'api_token',
      resourceId: id,
      details: { name: input.name, permissions: requested, expiresAt: expiresAt?.toISOString() ?? null },
    });
    const row = await this.tokens.find(auth.accountId, id);
    return { apiToken: toApiToken(row!, now), token };
  }

  async revoke(auth: UserAuth, id: string, meta: RequestMeta) {
    const row = await this.tokens.find(auth.accountId, id);
    if (!row || (!this.seesAll(auth) && row.token.userId !== auth.userId)) throw AppException.notFound();
    if (await this.tokens.revoke(auth.accountId, id, new Date())) {
      await this.audit.byUser(auth, meta, {
        action: 'api_token.revoked',
        resourceType: 'api_token',
        resourceId: id,
        details: { name: row.token.name, prefix: row.token.prefix },
      });
    }
  }

  /**
   * A token ends with the credentials that made it: a password change or reset and any change of
   * the second factor revoke every token of the user (a token minted by whoever held the old
   * credentials must not outlive their replacement).
   */
  revokeAllOfUser(userId: string): Promise<number> {
    return this.tokens.revokeAllOfUser(userId, new Date());
  }

  /**
   * Authenticates `Authorization: Bearer csp_…` for a customer endpoint. Only endpoints whose
   * permission is in the token's list (and still in its creator's role) are reachable; endpoints
   * without a permission (profile, password, 2FA, sessions, logout) need an interactive session.
   */
  async authenticate(token: string, permission: Permission | null, ip: string): Promise<UserAuth> {
    if (!TOKEN_FORMAT.test(token)) throw AppException.unauthorized('api_token_invalid');
    const row = await this.tokens.findByHash(sha256Hex(token));
    const now = new Date();
    if (!row || row.token.revokedAt || (row.token.expiresAt && row.token.expiresAt <= now)) {
      throw AppException.unauthorized('api_token_invalid');
    }
    if (row.user.status !== 'active') throw AppException.forbidden('user_disabled');
    const accountError = accountAccessError(row.account.status);
    if (accountError) throw AppException.forbidden(accountError);
    // An account that requires 2FA accepts no token of a member who has not enrolled.
    if (row.account.requireTwoFactor && !row.user.totpEnabledAt) throw AppException.forbidden();
    if (!permission) throw AppException.forbidden('api_token_not_allowed');
    const permissions = row.token.permissions as Permission[];
    if (!tokenCovers(permissions, permission) || !roleAllows(row.user.role, permission)) {
      throw AppException.forbidden();
    }
    const last = row.token.lastUsedAt;
    if (!last || now.getTime() - last.getTime() > TOUCH_INTERVAL || row.token.lastUsedIp !== ip) {
      await this.tokens.touch(row.token.id, now, ip);
    }
    return {
      kind: 'user',
      sessionId: row.token.id,
      userId: row.user.id,
      accountId: row.account.id,
      role: row.user.role,
      apiToken: { id: row.token.id, permissions },
    };
  }

  private seesAll(auth: UserAuth) {
    return auth.role === 'owner' && !auth.apiToken;
  }
}

function toApiToken(row: Row, now: Date) {
  const { token } = row;
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    permissions: token.permissions,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    lastUsedIp: token.lastUsedIp,
    revokedAt: token.revokedAt?.toISOString() ?? null,
    status: token.revokedAt
      ? ('revoked' as const)
      : token.expiresAt && token.expiresAt <= now
        ? ('expired' as const)
        : ('active' as const),
    owner: row.owner,
  };
}
