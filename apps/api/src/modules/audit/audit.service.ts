import { Injectable } from '@nestjs/common';
import type { Executor } from '@csp/db';
import type { RequestMeta } from '../../common/request-meta';
import type { AccountAuth, StaffAuth } from '../../access/auth.types';
import { AuditRepository } from './audit.repository';

export interface AuditRecord {
  accountId?: string | null;
  actor: { type: 'user' | 'staff' | 'system' | 'anonymous'; id?: string | null };
  /** The grant a staff member acted under, inside the account. */
  grantId?: string | null;
  action: string;
  resourceType?: string;
  resourceId?: string;
  details?: Record<string, unknown>;
  ip?: string | null;
  userAgent?: string | null;
}

/** What changed, for the shorthand recorders below. */
export interface AuditEvent {
  action: string;
  resourceType: string;
  resourceId: string;
  details?: Record<string, unknown>;
}

/** Append-only audit trail. Pass a transaction to record the entry atomically with the change. */
@Injectable()
export class AuditService {
  constructor(private readonly entries: AuditRepository) {}

  /**
   * A change made inside the caller's account: by a customer user (with an API token, its id goes
   * into the details), or by a staff member under a grant (actor = the staff member, with the grant).
   */
  byUser(auth: AccountAuth, meta: RequestMeta, event: AuditEvent, tx?: Executor): Promise<void> {
    const underGrant = auth.kind === 'grant';
    const viaToken = auth.kind === 'user' && auth.apiToken;
    return this.record(
      {
        ...event,
        details: viaToken ? { ...event.details, apiTokenId: viaToken.id } : event.details,
        accountId: auth.accountId,
        actor: underGrant ? { type: 'staff', id: auth.staffId } : { type: 'user', id: auth.userId },
        grantId: underGrant ? auth.grantId : null,
        ip: meta.ip,
        userAgent: meta.userAgent,
      },
      tx,
    );
  }

  /** A change made by a provider staff member, optionally inside a customer account (and grant). */
  byStaff(
    auth: StaffAuth,
    meta: RequestMeta,
    event: AuditEvent & { accountId?: string; grantId?: string },
  ): Promise<void> {
    return this.record({
      ...event,
      actor: { type: 'staff', id: auth.staffId },
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
  }

  /** Records one entry; with `tx`, atomically with the change that transaction makes. */
  async record(entry: AuditRecord, tx?: Executor): Promise<void> {
    await this.entries.insert(
      {
        accountId: entry.accountId ?? null,
        actorType: entry.actor.type,
        actorId: entry.actor.id ?? null,
        grantId: entry.grantId ?? null,
        action: entry.action,
        resourceType: entry.resourceType,
        resourceId: entry.resourceId,
        details: entry.details,
        ip: entry.ip ?? null,
        userAgent: entry.userAgent ?? null,
      },
      tx,
    );
  }
}
