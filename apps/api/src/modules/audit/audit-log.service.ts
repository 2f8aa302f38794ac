import { Injectable } from '@nestjs/common';
import { AppException } from '../../common/app-exception';
import type { Language } from '../../common/messages';
import { can } from '../../access/effective-permissions';
import type { RequestMeta } from '../../common/request-meta';
import type { AccountAuth, StaffAuth } from '../../access/auth.types';
import { Permission } from '../../access/permissions';
import { auditCsv } from './audit-csv';
import { STORAGE_RESOURCE_TYPES } from './audit-log.dto';
import { AuditLogRepository, type AuditFilter } from './audit-log.repository';
import { AuditService } from './audit.service';

export interface AuditQuery {
  from?: string;
  to?: string;
  action?: string;
  actor?: string;
  actorId?: string;
  resourceType?: string;
  staffOnly?: 'true' | 'false';
  grantId?: string;
  cursor?: string;
  limit: number;
  accountId?: string;
}

const EXPORT_MAX_ROWS = 10_000;
const EXPORT_PAGE = 1_000;
/** Keys never shown from details, whatever a recorder put there. */
const SECRET_KEY = /secret|password|passwd|hash|^token$|^code$/i;

type Row = Awaited<ReturnType<AuditLogRepository['page']>>[number];

@Injectable()
export class AuditLogService {
  constructor(
    private readonly log: AuditLogRepository,
    private readonly audit: AuditService,
  ) {}

  /** The account's log: everything for the Owner, storage events only for an Admin (PRD 4.2). */
  async forAccount(auth: AccountAuth, query: AuditQuery) {
    const storageOnly = !can(auth, Permission.AuditRead);
    const rows = await this.log.page(this.filter(query, { accountId: auth.accountId, storageOnly }));
    return this.toPage(rows, query.limit, storageOnly);
  }

  async forStaff(query: AuditQuery) {
    const rows = await this.log.page(this.filter(query, { accountId: query.accountId, storageOnly: false }));
    return this.toPage(rows, query.limit, false);
  }

  async exportForAccount(auth: AccountAuth, query: AuditQuery, lang: Language, meta: RequestMeta) {
    const storageOnly = !can(auth, Permission.AuditRead);
    const entries = await this.collect(this.filter(query, { accountId: auth.accountId, storageOnly }));
    await this.audit.byUser(auth, meta, {
      action: 'audit.exported',
      resourceType: 'audit',
      resourceId: auth.accountId,
      details: { rows: entries.length, filters: describeFilters(query), storageOnly },
    });
    return auditCsv(entries, lang);
  }

  async exportForStaff(auth: StaffAuth, query: AuditQuery, lang: Language, meta: RequestMeta) {
    const entries = await this.collect(
      this.filter(query, { accountId: query.accountId, storageOnly: false }),
    );
    await this.audit.byStaff(auth, meta, {
      action: 'audit.exported',
      resourceType: 'audit',
      resourceId: query.accountId ?? 'all',
      details: { rows: entries.length, filters: describeFilters(query) },
    });
    return auditCsv(entries, lang);
  }

  private async collect(base: AuditFilter) {
    const out: ReturnType<typeof toEntry>[] = [];
    let cursor: string | undefined;
    while (out.length < EXPORT_MAX_ROWS) {
      const rows = await this.log.page({ ...base, cursor, limit: EXPORT_PAGE });
      out.push(...rows.map(toEntry));
      if (rows.length < EXPORT_PAGE) break;
      cursor = rows[rows.length - 1].entry.id;
    }
    return out.slice(0, EXPORT_MAX_ROWS);
  }

  private filter(query: AuditQuery, scope: { accountId?: string; storageOnly: boolean }): AuditFilter {
    const from = query.from ? instant(query.from, 'start') : undefined;
    const to = query.to ? instant(query.to, 'end') : undefined;
    if (from && to && to <= from) throw AppException.validation({ to: 'audit_range_invalid' });
    return {
      accountId: scope.accountId,
      resourceTypes: scope.storageOnly ? STORAGE_RESOURCE_TYPES : undefined,
      from,
      to,
      action: query.action,
      actor: query.actor,
      actorId: query.actorId,
      resourceType: query.resourceType,
      staffOnly: query.staffOnly === 'true',
      grantId: query.grantId,
      cursor: query.cursor,
      // One more than asked tells whether there is a next page.
      limit: query.limit + 1,
    };
  }

  private toPage(rows: Row[], limit: number, storageOnly: boolean) {
    const page = rows.slice(0, limit);
    return {
      items: page.map(toEntry),
      nextCursor: rows.length > limit ? page[page.length - 1].entry.id : null,
      storageOnly,
    };
  }
}

/** A date alone is a day in America/Sao_Paulo (UTC-3, no daylight saving since 2019). */
function instant(value: string, edge: 'start' | 'end'): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = new Date(`${value}T00:00:00-03:00`);
    return edge === 'start' ? start : new Date(start.getTime() + 24 * 60 * 60 * 1000);
  }
  return new Date(value);
}

function describeFilters(query: AuditQuery) {
  const { cursor: _cursor, limit: _limit, ...filters } = query;
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
}

function sanitize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sanitize);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !SECRET_KEY.test(key))
        .map(([key, v]) => [key, sanitize(v)]),
    );
  }
  return value;
}

function toEntry(row: Row) {
  const { entry } = row;
  const person = entry.actorType === 'staff' ? row.staff : entry.actorType === 'user' ? row.user : null;
  return {
    id: entry.id,
    createdAt: entry.createdAt.toISOString(),
    account: row.account?.id ? { id: row.account.id, name: row.account.name } : null,
    actor: {
      type: entry.actorType as 'user' | 'staff' | 'system' | 'anonymous',
      id: entry.actorId,
      name: person?.fullName ?? null,
      email: person?.email ?? null,
    },
    grant: row.grant?.id ? { id: row.grant.id, kind: row.grant.kind, scope: row.grant.scope } : null,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    details: entry.details ? (sanitize(entry.details) as Record<string, unknown>) : null,
    ip: entry.ip,
    userAgent: entry.userAgent,
  };
}
