import { Inject, Injectable, Logger } from '@nestjs/common';
import { buildScopedPolicy, isServiceAccountNotFound, type IamPolicyDocument } from '@csp/minio-admin';
import type { Executor } from '@csp/db';
import { AppException } from '../../../common/app-exception';
import { Clock } from '../../../common/clock';
import { newAccessKeyId, newSecretKey, SecretBox } from '../../../common/crypto';
import { pendingSecretAad } from '../provisioning/provisioning.service';
import { SECRET_BOX } from '../../../common/secret-box.provider';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AuditService } from '../../audit';
import type { RequestMeta } from '../../../common/request-meta';
import type { AccountAuth } from '../../../access/auth.types';
import { ResourceAccessService } from '../../../access/resource-access.service';
import { AccessKeysRepository, type AccessKeyRow, type StoredScopeItem } from './access-keys.repository';
import { InjectStorageAdmin, storageNames } from '../storage.clients';
import type { StorageAdmin } from '../storage-admin.port';
import { ProvisioningRepository } from '../provisioning/provisioning.repository';

/** MinIO refuses inline policies above this size. */
const MAX_INLINE_POLICY_BYTES = 4096;
const HOUR_MS = 3_600_000;
/** MinIO refuses a service-account expiration more than 365 days ahead ("invalid service account expiration"). */
const MAX_EXPIRY_MS = 365 * 24 * HOUR_MS;
const NAME_MAX = 64;
const ROTATED_SUFFIX = / \(\d{4}-\d{2}-\d{2}\)$/;

export interface CreateKeyInput {
  name: string;
  description?: string | null;
  expiresAt?: string | null;
  scope?: StoredScopeItem[] | null;
}

type BucketNames = Map<string, string>;

/**
 * Access keys are MinIO service accounts of the account's storage user; secrets are shown once.
 *
 * Scope: a key without scope follows the account policy (every bucket, present and future). A
 * scoped key carries an inline policy naming its buckets with Read or Full access, which MinIO
 * intersects with the account policy: it can only narrow. When a scoped bucket is deleted the
 * account policy stops naming it, so the key simply loses it (the list hides deleted buckets).
 *
 * Lifecycle: active <-> inactive (MinIO status off/on), expired (MinIO refuses the key once its
 * expiration passes; the worker records it), revoked (deleted on MinIO, row kept for history).
 * Rotation makes a new key with the same description, scope and expiry and gives the old one a
 * grace period, after which the worker deactivates it (`deactivateDueKeys`).
 */
@Injectable()
export class AccessKeysService {
  private readonly logger = new Logger('AccessKeys');

  constructor(
    private readonly provisioningRows: ProvisioningRepository,
    private readonly keys: AccessKeysRepository,
    private readonly audit: AuditService,
    @InjectStorageAdmin() private readonly storageAdmin: StorageAdmin,
    @Inject(SECRET_BOX) private readonly secrets: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly access: ResourceAccessService,
  ) {}

  async list(accountId: string) {
    const [rows, names] = await Promise.all([
      this.keys.listAccessKeys(accountId),
      this.keys.liveBucketNames(accountId),
    ]);
    return { items: rows.filter((r) => r.provisioned).map((r) => toAccessKey(r, names)) };
  }

  async create(auth: AccountAuth, input: CreateKeyInput, meta: RequestMeta) {
    await this.requireActiveAccount(auth.accountId);
    // Rotation is not capped: its replacement key takes the place of the old one.
    const max = this.config.MAX_ACCESS_KEYS_PER_ACCOUNT;
    if ((await this.keys.countUsableAccessKeys(auth.accountId)) >= max)
      throw AppException.conflict('access_key_limit_reached', { max });
    const expiresAt = parseExpiry(input.expiresAt);
    const scope = await this.resolveScope(auth, input.scope ?? null);
    const issued = await this.issue(auth, {
      name: input.name,
      description: input.description?.trim() || null,
      expiresAt,
      scope,
      rotatedFromKeyId: null,
    });
    await this.audit.byUser(auth, meta, {
      action: 'access_key.created',
      resourceType: 'access_key',
      resourceId: issued.row.id,
      details: {
        accessKeyId: issued.row.accessKeyId,
        name: issued.row.name,
        expiresAt: expiresAt?.toISOString() ?? null,
        scope: scope.items,
      },
    });
    return this.withSecret(issued.row, issued.secret, scope.names);
  }

  /** The first key's secret, kept sealed since approval, handed out exactly once. */
  async revealInitial(auth: AccountAuth, keyId: string, meta: RequestMeta) {
    const row = await this.keys.findAccessKey(auth.accountId, keyId);
    if (!row) throw AppException.notFound();
    const sealed = await this.keys.takePendingSecret(auth.accountId, keyId);
    if (!sealed) throw AppException.gone('secret_already_revealed');
    await this.audit.byUser(auth, meta, {
      action: 'access_key.secret_revealed',
      resourceType: 'access_key',
      resourceId: row.id,
      details: { accessKeyId: row.accessKeyId },
    });
    const names = await this.keys.liveBucketNames(auth.accountId);
    return this.withSecret(
      { ...row, pendingSecret: null },
      this.secrets.open(sealed, pendingSecretAad(row.accessKeyId)),
      names,
    );
  }

  /** Turns the key off on MinIO; also how a customer ends a rotation's grace period early. */
  async deactivate(auth: AccountAuth, keyId: string, meta: RequestMeta) {
    return this.keys.withKeyLock(keyId, async (tx) => {
      const row = await this.findUsable(auth.accountId, keyId, tx);
      const names = await this.keys.liveBucketNames(auth.accountId, tx);
      if (row.status === 'inactive') return toAccessKey(row, names);
      await this.setMinioStatus(row, 'off');
      const updated =
        (await this.keys.markDeactivated(auth.accountId, row.id, tx)) ?? (await this.reload(row, tx));
      await this.audit.byUser(
        auth,
        meta,
        {
          action: 'access_key.deactivated',
          resourceType: 'access_key',
          resourceId: row.id,
          details: { accessKeyId: row.accessKeyId, endedGrace: row.graceEndsAt !== null },
        },
        tx,
      );
      return toAccessKey(updated, names);
    });
  }

  async reactivate(auth: AccountAuth, keyId: string, meta: RequestMeta) {
    return this.keys.withKeyLock(keyId, async (tx) => {
      const row = await this.findUsable(auth.accountId, keyId, tx);
      const names = await this.keys.liveBucketNames(auth.accountId, tx);
      if (row.status === 'active') return toAccessKey(row, names);
      if (row.expiresAt && row.expiresAt.getTime() <= Date.now())
        throw AppException.conflict('access_key_expired');
      await this.setMinioStatus(row, 'on');
      const updated =
        (await this.keys.markReactivated(auth.accountId, row.id, tx)) ?? (await this.reload(row, tx));
      await this.audit.byUser(
        auth,
        meta,
        {
          action: 'access_key.reactivated',
          resourceType: 'access_key',
          resourceId: row.id,
          details: { accessKeyId: row.accessKeyId },
        },
        tx,
      );
      return toAccessKey(updated, names);
    });
  }

  /**
   * Makes the replacement key now (same description, scope and expiry) and starts the old key's
   * grace period. One replacement per key: a second rotation of the same key answers 409.
   */
  async rotate(auth: AccountAuth, keyId: string, meta: RequestMeta) {
    await this.requireActiveAccount(auth.accountId);
    const row = await this.findUsable(auth.accountId, keyId);
    if (row.status !== 'active') throw AppException.conflict('access_key_not_active');
    if (row.expiresAt && row.expiresAt.getTime() <= Date.now())
      throw AppException.conflict('access_key_expired');
    if (row.graceEndsAt) throw AppException.conflict('access_key_already_rotated');
    // Deleted buckets drop out of the scope; an empty scope stays empty (it never widens to "all").
    const stored = parseScope(row.scope);
    const scope = await this.resolveScope(auth, stored === null ? null : stored, {
      dropMissing: true,
    });
    const graceEndsAt = new Date(this.clock.now().getTime() + this.config.KEY_ROTATION_GRACE_SECONDS * 1000);
    const claimed = await this.keys.claimRotation(auth.accountId, row.id, graceEndsAt);
    if (!claimed) throw AppException.conflict('access_key_already_rotated');
    let issued: Awaited<ReturnType<AccessKeysService['issue']>>;
    try {
      issued = await this.issue(auth, {
        name: rotatedName(row.name, new Date()),
        description: row.description,
        expiresAt: row.expiresAt,
        scope,
        rotatedFromKeyId: row.id,
      });
    } catch (error) {
      await this.keys.releaseRotation(auth.accountId, row.id);
      throw error;
    }
    await this.audit.byUser(auth, meta, {
      action: 'access_key.rotated',
      resourceType: 'access_key',
      resourceId: row.id,
      details: {
        accessKeyId: row.accessKeyId,
        newKeyId: issued.row.id,
        newAccessKeyId: issued.row.accessKeyId,
        graceEndsAt: claimed.graceEndsAt?.toISOString() ?? null,
      },
    });
    return {
      ...this.withSecret(issued.row, issued.secret, scope.names),
      previous: toAccessKey(claimed, scope.names),
    };
  }

  /** Revokes for good: the service account is deleted on MinIO, the row stays for history. */
  async revoke(auth: AccountAuth, keyId: string, meta: RequestMeta) {
    await this.keys.withKeyLock(keyId, async (tx) => {
      const row = await this.keys.findAccessKey(auth.accountId, keyId, tx);
      if (!row) throw AppException.notFound();
      if (row.status === 'revoked') return;
      try {
        await this.storageAdmin.deleteServiceAccount(row.accessKeyId);
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode !== 404) {
          this.logger.warn(`key ${row.accessKeyId} not revoked: ${(error as Error).message}`);
          throw new AppException(503, 'storage_unavailable');
        }
      }
      await this.keys.markRevoked(auth.accountId, row.id, tx);
      await this.audit.byUser(
        auth,
        meta,
        {
          action: 'access_key.revoked',
          resourceType: 'access_key',
          resourceId: row.id,
          details: {
            accessKeyId: row.accessKeyId,
            endedGrace: row.graceEndsAt !== null && row.status === 'active',
          },
        },
        tx,
      );
    });
  }

  /**
   * The worker's sweep: records keys past their expiry as `expired` (MinIO already refuses them),
   * then turns off keys whose rotation grace has ended. Safe to run concurrently and repeatedly:
   * each row changes only if it is still due. A MinIO failure leaves the key for the next run.
   */
  async deactivateDueKeys() {
    const expired = await this.keys.markExpired();
    for (const row of expired) {
      // MinIO already refuses an expired key; turning it off too keeps MinIO's status in line with
      // the row (what the reconciler expects). MinIO may have dropped it already: best effort.
      await this.storageAdmin
        .updateServiceAccount(row.accessKeyId, { newStatus: 'off' })
        .catch(() => undefined);
      await this.audit.record({
        accountId: row.accountId,
        actor: { type: 'system' },
        action: 'access_key.expired',
        resourceType: 'access_key',
        resourceId: row.id,
        details: { accessKeyId: row.accessKeyId, expiresAt: row.expiresAt?.toISOString() ?? null },
      });
    }
    let deactivated = 0;
    let failed = 0;
    // Rotation graces are business time (ADR 0008); key expiry is MinIO's, on real time.
    const now = this.clock.now();
    for (const due of await this.keys.dueForGraceEnd(now)) {
      const row = await this.keys.withKeyLock(due.id, async (tx) => {
        try {
          await this.setMinioStatus(due, 'off');
        } catch {
          failed += 1;
          return null;
        }
        return this.keys.markGraceEnded(due.id, now, tx);
      });
      if (!row) continue;
      deactivated += 1;
      await this.audit.record({
        accountId: row.accountId,
        actor: { type: 'system' },
        action: 'access_key.grace_ended',
        resourceType: 'access_key',
        resourceId: row.id,
        details: { accessKeyId: row.accessKeyId },
      });
    }
    return { expired: expired.length, deactivated, failed };
  }

  // ------------------------------------------------------------------ helpers

  private async requireActiveAccount(accountId: string) {
    const account = await this.provisioningRows.findAccount(accountId);
    if (account?.status !== 'active') throw AppException.forbidden();
  }

  /** A key of the account that exists on MinIO and is not revoked or expired. */
  private async findUsable(accountId: string, keyId: string, tx?: Executor) {
    const row = await this.keys.findAccessKey(accountId, keyId, tx);
    if (!row || !row.provisioned) throw AppException.notFound();
    if (row.status === 'revoked') throw AppException.conflict('access_key_revoked');
    if (row.status === 'expired') throw AppException.conflict('access_key_expired');
    return row;
  }

  private async reload(row: AccessKeyRow, tx?: Executor) {
    return (await this.keys.findAccessKey(row.accountId, row.id, tx)) ?? row;
  }

  private async setMinioStatus(row: AccessKeyRow, status: 'on' | 'off') {
    try {
      await this.storageAdmin.updateServiceAccount(row.accessKeyId, { newStatus: status });
    } catch (error) {
      if (isServiceAccountNotFound(error)) {
        // MinIO has no such service account: the key was revoked (the row may say so only now) or
        // is drift for the reconciler; either way it cannot be turned on or off.
        this.logger.warn(`key ${row.accessKeyId} not turned ${status}: MinIO has no such service account`);
        throw AppException.conflict('access_key_revoked');
      }
      this.logger.warn(`key ${row.accessKeyId} not turned ${status}: ${(error as Error).message}`);
      throw new AppException(503, 'storage_unavailable');
    }
  }

  /**
   * Rewrites the inline policy of every scoped key of the account from its stored scope and the
   * account's live buckets. Inline policies name buckets, so before a deleted bucket's name may be
   * used again (by anyone) the former owner's keys must stop naming it: bucket creation calls this
   * for every account that once held the name. `onlyNaming` limits it to the keys whose scope
   * names one of those bucket ids. Returns how many keys were rewritten.
   */
  async refreshScopedPolicies(accountId: string, onlyNaming?: readonly string[]): Promise<number> {
    const names = await this.keys.liveBucketNames(accountId);
    let rewritten = 0;
    for (const row of await this.keys.listAccessKeys(accountId)) {
      const scope = parseScope(row.scope);
      if (!row.provisioned || row.status === 'revoked' || scope === null) continue;
      // With `onlyNaming`, just the keys whose scope names one of those buckets (the others'
      // policies do not change).
      if (onlyNaming && !scope.some((s) => onlyNaming.includes(s.bucketId))) continue;
      const policy = buildScopedPolicy(
        scope
          .filter((s) => names.has(s.bucketId))
          .map((s) => ({ bucket: names.get(s.bucketId)!, access: s.access })),
      );
      try {
        await this.storageAdmin.updateServiceAccount(row.accessKeyId, { newPolicy: policy });
      } catch (error) {
        // A key MinIO no longer has (being revoked right now, or drift the reconciler reports)
        // names no bucket: nothing to rewrite.
        if (isServiceAccountNotFound(error)) continue;
        throw error;
      }
      rewritten++;
    }
    return rewritten;
  }

  /**
   * Checks the chosen buckets against those the caller reaches (ResourceAccessService) and builds
   * the inline policy. `items: null` = every bucket (no inline policy). With `dropMissing`
   * (rotation), buckets deleted since are left out instead of refused.
   */
  private async resolveScope(
    auth: AccountAuth,
    requested: StoredScopeItem[] | null,
    options: { dropMissing?: boolean } = {},
  ): Promise<{ items: StoredScopeItem[] | null; names: BucketNames; policy?: IamPolicyDocument }> {
    const names = await this.keys.liveBucketNames(auth.accountId);
    if (requested === null) return { items: null, names };
    const normalized = requested.map((s) => ({ bucketId: s.bucketId.toLowerCase(), access: s.access }));
    const reach = await this.access.buckets(
      auth,
      'see',
      normalized.map((s) => s.bucketId),
    );
    const missing = normalized.filter((s) => !reach.has(s.bucketId));
    if (missing.length > 0 && !options.dropMissing)
      throw AppException.badRequest('access_key_bucket_not_found');
    const items = normalized.filter((s) => reach.has(s.bucketId));
    const policy = buildScopedPolicy(
      items.map((s) => ({ bucket: reach.get(s.bucketId)!.bucket.name, access: s.access })),
    );
    if (Buffer.byteLength(JSON.stringify(policy)) > MAX_INLINE_POLICY_BYTES)
      throw AppException.badRequest('access_key_scope_too_large');
    return { items, names, policy };
  }

  /**
   * Writes the row first (unprovisioned), then the service account on MinIO, then marks the row
   * provisioned. A MinIO failure removes the row: nothing is left half-made.
   */
  private async issue(
    auth: AccountAuth,
    input: {
      name: string;
      description: string | null;
      expiresAt: Date | null;
      scope: { items: StoredScopeItem[] | null; policy?: IamPolicyDocument };
      rotatedFromKeyId: string | null;
    },
  ) {
    const secret = newSecretKey();
    const row = await this.keys.insertAccessKey({
      accountId: auth.accountId,
      accessKeyId: newAccessKeyId(),
      name: input.name,
      description: input.description,
      expiresAt: input.expiresAt,
      scope: input.scope.items,
      rotatedFromKeyId: input.rotatedFromKeyId,
      createdByUserId: auth.userId,
    });
    if (!row) throw new AppException(503, 'storage_unavailable');
    try {
      await this.storageAdmin.addServiceAccount({
        targetUser: storageNames.user(auth.accountId),
        accessKey: row.accessKeyId,
        secretKey: secret,
        ...(input.scope.policy ? { policy: input.scope.policy } : {}),
        ...(input.expiresAt ? { expiration: input.expiresAt } : {}),
      });
    } catch (error) {
      this.logger.warn(`key ${row.accessKeyId} not created: ${(error as Error).message}`);
      await this.keys.deleteAccessKeyRow(auth.accountId, row.id);
      throw new AppException(503, 'storage_unavailable');
    }
    await this.keys.markKeyProvisioned(row.id);
    return { row: { ...row, provisioned: true }, secret };
  }

  private withSecret(row: AccessKeyRow, secret: string, names: BucketNames) {
    return {
      key: toAccessKey(row, names),
      secretAccessKey: secret,
      s3Endpoint: this.config.s3PublicEndpoint,
      region: this.config.S3_REGION,
    };
  }
}

function parseExpiry(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  const ahead = date.getTime() - Date.now();
  if (Number.isNaN(ahead) || ahead < HOUR_MS || ahead > MAX_EXPIRY_MS)
    throw AppException.validation({ expiresAt: 'access_key_expiry_invalid' });
  return date;
}

/** The stored scope, defensively: null (all buckets) or a list of bucket grants. */
function parseScope(value: unknown): StoredScopeItem[] | null {
  if (!Array.isArray(value)) return null;
  return value.filter(
    (v): v is StoredScopeItem =>
      typeof v === 'object' &&
      v !== null &&
      typeof (v as StoredScopeItem).bucketId === 'string' &&
      ((v as StoredScopeItem).access === 'read' || (v as StoredScopeItem).access === 'full'),
  );
}

/**
 * "backup" -> "backup (2026-11-23)", the rotation day (language-neutral: names are data); a second
 * rotation replaces the date. The list links the new key to the one it replaces.
 */
export function rotatedName(name: string, now: Date): string {
  const suffix = ` (${now.toISOString().slice(0, 10)})`;
  const base = name.replace(ROTATED_SUFFIX, '');
  return base.slice(0, NAME_MAX - suffix.length).trimEnd() + suffix;
}

function iso(date: Date | null) {
  return date?.toISOString() ?? null;
}

function toAccessKey(row: AccessKeyRow, names: BucketNames) {
  const scope = parseScope(row.scope);
  return {
    id: row.id,
    accessKeyId: row.accessKeyId,
    name: row.name,
    description: row.description,
    status: row.status,
    scope:
      scope === null
        ? null
        : scope
            .filter((s) => names.has(s.bucketId))
            .map((s) => ({ bucketId: s.bucketId, bucketName: names.get(s.bucketId)!, access: s.access })),
    createdAt: row.createdAt.toISOString(),
    expiresAt: iso(row.expiresAt),
    graceEndsAt: row.status === 'active' ? iso(row.graceEndsAt) : null,
    rotatedFromKeyId: row.rotatedFromKeyId,
    deactivatedAt: iso(row.deactivatedAt),
    revokedAt: iso(row.revokedAt),
    lastUsedAt: iso(row.lastUsedAt),
    secretRevealable: row.pendingSecret !== null && row.status === 'active',
  };
}
