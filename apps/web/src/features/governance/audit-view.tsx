'use client';

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  FieldShell,
  PageHeader,
  TextField,
  cx,
  focusRing,
  inputClass,
} from '@/components/ui';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { ApiError } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime } from '@/lib/format';
import { auditCsvUrl, governanceApi, type AuditEntry } from '@/lib/governance-api';

interface Filters {
  from: string;
  to: string;
  action: string;
  actor: string;
  resourceType: string;
  staffOnly: boolean;
  grantId: string;
  accountId: string;
}

const EMPTY: Filters = {
  from: '',
  to: '',
  action: '',
  actor: '',
  resourceType: '',
  staffOnly: false,
  grantId: '',
  accountId: '',
};

const PAGE = 50;

/** The actions offered in the filter (the log may hold others; they show by their code). */
export const AUDIT_ACTIONS = [
  'account.signup',
  'account.approved',
  'account.rejected',
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'bucket.created',
  'bucket.deleted',
  'access_key.created',
  'access_key.revoked',
  'access_key.secret_revealed',
  'grant.created',
  'grant.revoked',
  'grant.entered',
  'grant.request',
  'object.download_authorized',
  'api_token.created',
  'api_token.revoked',
  'audit.exported',
] as const;

/** Dictionary keys cannot hold dots (they are paths): `bucket.created` -> `bucket_created`. */
export function dictKey(code: string): string {
  return code.replace(/\./g, '_');
}

function toQuery(f: Filters, staff: boolean) {
  return {
    from: f.from || undefined,
    to: f.to || undefined,
    action: f.action || undefined,
    actor: f.actor.trim() || undefined,
    resourceType: f.resourceType || undefined,
    staffOnly: f.staffOnly ? ('true' as const) : undefined,
    grantId: f.grantId || undefined,
    ...(staff ? { accountId: f.accountId.trim() || undefined } : {}),
  };
}

/** The audit log with filters, pages and CSV: the account's (customer) or the platform's (staff). */
export function AuditView({ scope, grantId }: { scope: 'account' | 'staff'; grantId?: string }) {
  const { t } = useI18n();
  const g = t.governance;
  const a = g.audit;
  const router = useRouter();
  const staff = scope === 'staff';
  const [draft, setDraft] = useState<Filters>({ ...EMPTY, grantId: grantId ?? '' });
  const [applied, setApplied] = useState<Filters>({ ...EMPTY, grantId: grantId ?? '' });
  const [items, setItems] = useState<AuditEntry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [storageOnly, setStorageOnly] = useState(false);
  const [error, setError] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [loading, setLoading] = useState(false);

  const load = useCallback(
    async (filters: Filters, after: string | null) => {
      setLoading(true);
      setError('');
      try {
        const query = { ...toQuery(filters, staff), limit: PAGE, cursor: after ?? undefined };
        const page = staff ? await governanceApi.staffAudit(query) : await governanceApi.audit(query);
        setItems((prev) => (after && prev ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setStorageOnly(page.storageOnly);
        setFieldErrors({});
      } catch (err) {
        if (err instanceof ApiError && err.isUnauthorized) {
          router.replace(staff ? '/staff/entrar' : '/entrar');
          return;
        }
        setError(errorMessage(err, t));
        if (err instanceof ApiError) setFieldErrors(err.fields);
      } finally {
        setLoading(false);
      }
    },
    [router, staff, t],
  );

  useEffect(() => {
    void load(applied, null);
  }, [applied, load]);

  function apply(event: FormEvent) {
    event.preventDefault();
    setApplied({ ...draft });
  }

  const actionLabels = a.actions as Record<string, string>;
  const actionOptions = AUDIT_ACTIONS.map((code) => [code, actionLabels[dictKey(code)] ?? code] as const);
  const csvHref = auditCsvUrl(staff ? '/api/v1/staff/audit' : '/api/v1/audit', toQuery(applied, staff));

  return (
    <>
      <PageHeader
        title={staff ? a.staffTitle : a.title}
        subtitle={staff ? a.staffSubtitle : a.subtitle}
        actions={
          <a
            href={csvHref}
            download
            data-testid="audit-export-csv"
            className={cx(
              'inline-flex items-center gap-2 rounded-lg bg-white px-4 py-2 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50',
              focusRing,
            )}
          >
            <svg
              viewBox="0 0 20 20"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
              className="size-4"
              aria-hidden="true"
            >
              <path
                d="M10 3v9m0 0-3.5-3.5M10 12l3.5-3.5M4 14.5V16a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1v-1.5"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </svg>
            {a.exportCsv}
          </a>
        }
      />

      {storageOnly && (
        <Alert tone="info" className="mb-4" testId="audit-storage-only">
          {a.storageOnly}
        </Alert>
      )}

      <Card className="mb-6 p-5">
        <form onSubmit={apply} noValidate aria-label={a.filters} data-testid="audit-filters">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <TextField
              id="audit-from"
              type="date"
              label={a.from}
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.target.value })}
              error={fieldErrors.from}
              testId="audit-from"
            />
            <TextField
              id="audit-to"
              type="date"
              label={a.to}
              value={draft.to}
              onChange={(e) => setDraft({ ...draft, to: e.target.value })}
              error={fieldErrors.to}
              testId="audit-to"
            />
            <FieldShell id="audit-action" label={a.action}>
              <select
                id="audit-action"
                data-testid="audit-action"
                className={inputClass(false)}
                value={draft.action}
                onChange={(e) => setDraft({ ...draft, action: e.target.value })}
              >
                <option value="">{a.anyAction}</option>
                {actionOptions.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </FieldShell>
            <FieldShell id="audit-resource" label={a.resourceType}>
              <select
                id="audit-resource"
                data-testid="audit-resource"
                className={inputClass(false)}
                value={draft.resourceType}
                onChange={(e) => setDraft({ ...draft, resourceType: e.target.value })}
              >
                <option value="">{a.anyResource}</option>
                {(Object.entries(a.resourceTypes) as Array<[string, string]>).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </FieldShell>
            <TextField
              id="audit-actor"
              label={a.actor}
              value={draft.actor}
              maxLength={200}
              onChange={(e) => setDraft({ ...draft, actor: e.target.value })}
              testId="audit-actor"
            />
            {staff && (
              <TextField
                id="audit-account"
                label={a.accountId}
                value={draft.accountId}
                onChange={(e) => setDraft({ ...draft, accountId: e.target.value })}
                error={fieldErrors.accountId}
                testId="audit-account"
              />
            )}
            <div className="flex items-end pb-2 sm:col-span-2">
              <Checkbox
                id="audit-staff-only"
                label={a.staffOnly}
                checked={draft.staffOnly}
                onChange={(e) => setDraft({ ...draft, staffOnly: e.target.checked })}
                testId="audit-staff-only"
              />
            </div>
          </div>
          <div className="mt-4 flex flex-wrap items-center gap-3">
            <Button type="submit" loading={loading && !cursor} testId="audit-apply">
              {a.apply}
            </Button>
            <Button
              variant="ghost"
              onClick={() => {
                setDraft(EMPTY);
                setApplied(EMPTY);
              }}
              testId="audit-clear"
            >
              {a.clear}
            </Button>
            {applied.grantId && (
              <span className="inline-flex items-center gap-2 rounded-full bg-amber-50 px-3 py-1 text-xs font-medium text-amber-900 ring-1 ring-amber-600/20">
                {interpolate(a.grantFilter, { id: applied.grantId.slice(0, 8) })}
                <button
                  type="button"
                  className={cx('rounded text-amber-800 underline', focusRing)}
                  onClick={() => {
                    setDraft({ ...draft, grantId: '' });
                    setApplied({ ...applied, grantId: '' });
                  }}
                >
                  {a.clearGrant}
                </button>
              </span>
            )}
          </div>
        </form>
      </Card>

      <Alert tone="error" testId="audit-error">
        {error}
      </Alert>

      {items === null ? (
        <Card className="p-10 text-center text-sm text-slate-500">{t.common.loading}</Card>
      ) : items.length === 0 ? (
        <Card className="px-6 py-14 text-center text-slate-700" testId="audit-empty">
          {a.empty}
        </Card>
      ) : (
        <Card className="overflow-hidden">
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="audit-table">
              <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-3">
                    {a.colTime}
                  </th>
                  {staff && (
                    <th scope="col" className="px-4 py-3">
                      {a.colAccount}
                    </th>
                  )}
                  <th scope="col" className="px-4 py-3">
                    {a.colActor}
                  </th>
                  <th scope="col" className="px-4 py-3">
                    {a.colAction}
                  </th>
                  <th scope="col" className="px-4 py-3">
                    {a.colResource}
                  </th>
                  <th scope="col" className="px-4 py-3">
                    {a.colDetails}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white align-top">
                {items.map((entry) => (
                  <AuditRow key={entry.id} entry={entry} staff={staff} />
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
      {cursor && (
        <div className="mt-4 flex justify-center">
          <Button
            variant="secondary"
            onClick={() => void load(applied, cursor)}
            loading={loading}
            testId="audit-load-more"
          >
            {a.loadMore}
          </Button>
        </div>
      )}
    </>
  );
}

function AuditRow({ entry, staff }: { entry: AuditEntry; staff: boolean }) {
  const { t } = useI18n();
  const a = t.governance.audit;
  const actions = a.actions as Record<string, string>;
  const resources = a.resourceTypes as Record<string, string>;
  const actorName =
    entry.actor.name ??
    (entry.actor.type === 'system'
      ? a.system
      : entry.actor.type === 'anonymous'
        ? a.anonymous
        : (entry.actor.id ?? '—'));
  const details = entry.details && Object.keys(entry.details).length ? entry.details : null;
  return (
    <tr
      data-testid={`audit-row-${entry.action}`}
      data-actor-type={entry.actor.type}
      data-grant={entry.grant?.id ?? ''}
      className={entry.grant ? 'bg-amber-50/60' : undefined}
    >
      <td className="px-4 py-3 text-slate-700">
        <p className="whitespace-nowrap">{formatDateTime(entry.createdAt)}</p>
        <p className="mt-0.5 font-mono text-xs text-slate-500" title={`${a.colOrigin}: ${entry.ip ?? '—'}`}>
          {entry.ip ?? '—'}
        </p>
        {entry.userAgent && (
          <p className="max-w-[9rem] truncate text-xs text-slate-400" title={entry.userAgent}>
            {entry.userAgent}
          </p>
        )}
      </td>
      {staff && <td className="px-4 py-3 text-slate-700">{entry.account?.name ?? '—'}</td>}
      <td className="px-4 py-3">
        <p className="font-medium text-slate-900" data-testid="audit-actor-name">
          {actorName}
        </p>
        {entry.actor.email && (
          <p className="max-w-[14rem] truncate text-xs text-slate-500" title={entry.actor.email}>
            {entry.actor.email}
          </p>
        )}
        {entry.actor.type === 'staff' && (
          <p className="mt-1 flex flex-wrap gap-1">
            <Badge tone="amber" testId={entry.grant ? 'audit-via-grant' : undefined}>
              {entry.grant ? a.viaGrant : a.staffBadge}
            </Badge>
          </p>
        )}
      </td>
      <td className="px-4 py-3">
        <p className="font-medium text-slate-900">{actions[dictKey(entry.action)] ?? entry.action}</p>
        <p className="font-mono text-xs text-slate-500">{entry.action}</p>
      </td>
      <td className="px-4 py-3 text-slate-700">
        <p>{entry.resourceType ? (resources[entry.resourceType] ?? entry.resourceType) : '—'}</p>
        {entry.resourceId && (
          <p className="max-w-[10rem] truncate font-mono text-xs text-slate-500" title={entry.resourceId}>
            {entry.resourceId}
          </p>
        )}
      </td>
      <td className="px-4 py-3">
        {details ? (
          <dl className="max-w-xs space-y-0.5 text-xs text-slate-700">
            {Object.entries(details).map(([key, value]) => (
              <div key={key} className="flex gap-1">
                <dt className="shrink-0 text-slate-500">{key}:</dt>
                <dd className="truncate" title={detailText(value)}>
                  {detailText(value)}
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          <span className="text-slate-400">—</span>
        )}
      </td>
    </tr>
  );
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Details as text: instants in the product's date format, the rest as recorded. */
function detailText(value: unknown): string {
  if (typeof value === 'string') return ISO_INSTANT.test(value) ? formatDateTime(value) : value;
  return JSON.stringify(value);
}
