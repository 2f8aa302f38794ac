'use client';

import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Card, PageHeader, TextAreaField, TextField } from '@/components/ui';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { ApiError } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime, formatGigabytes, formatNumber, usagePercent } from '@/lib/format';
import { useApiData } from '@/lib/hooks/use-api-data';
import { quotaApi, type QuotaOverview, type QuotaRequestStatus } from '@/lib/quota-api';
import { UsageBar } from './usage-bar';

const GB = 1e9;

export const requestStatusTone: Record<QuotaRequestStatus, 'green' | 'gray' | 'red' | 'amber'> = {
  pending: 'amber',
  approved: 'green',
  rejected: 'red',
  canceled: 'gray',
};

/** The Owner's quota page: usage against the quota, the write block, a request form and history. */
export function QuotaView() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApiData(quotaApi.overview);
  const header = <PageHeader title={t.quota.title} subtitle={t.quota.subtitle} />;

  if (!data) {
    return (
      <>
        {header}
        {error ? (
          <div className="space-y-3">
            <Alert tone="error" testId="quota-error">
              {errorMessage(error, t)}
            </Alert>
            <Button variant="secondary" onClick={() => void reload()} loading={loading}>
              {t.common.retry}
            </Button>
          </div>
        ) : (
          <div
            className="h-40 animate-pulse rounded-xl bg-slate-200/70"
            aria-busy="true"
            aria-label={t.common.loading}
          />
        )}
      </>
    );
  }

  return (
    <>
      {header}
      <div className="space-y-6">
        <UsageCard overview={data} />
        {data.pending ? (
          <PendingCard overview={data} onChanged={reload} />
        ) : (
          <RequestForm overview={data} onCreated={reload} />
        )}
        <History overview={data} />
      </div>
    </>
  );
}

function UsageCard({ overview }: { overview: QuotaOverview }) {
  const { t, lang } = useI18n();
  const used = overview.usageBytes ?? 0;
  const percent = usagePercent(used, overview.quotaBytes);
  return (
    <Card className="p-6" testId="quota-usage-card">
      <h2 className="text-sm font-medium text-slate-600">{t.quota.currentTitle}</h2>
      <p className="mt-2 text-2xl font-semibold tracking-tight text-slate-900" data-testid="quota-usage">
        {interpolate(t.quota.usageOf, {
          used: formatGigabytes(used, lang),
          quota: formatGigabytes(overview.quotaBytes, lang),
        })}
      </p>
      <UsageBar percent={percent} label={t.quota.currentTitle} className="mt-4" testId="quota-usage-bar" />
      <p className="mt-3 text-sm text-slate-500">
        {formatNumber(percent, lang, 1)}% ·{' '}
        {overview.usageMeasuredAt
          ? interpolate(t.quota.measuredAt, { date: formatDateTime(overview.usageMeasuredAt) })
          : t.quota.notMeasured}
      </p>
      {overview.writesBlocked && (
        <div
          className="mt-4 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900"
          role="alert"
          data-testid="quota-blocked"
        >
          <p className="font-semibold">{t.quota.blockedTitle}</p>
          <p className="mt-1">
            {interpolate(t.quota.blockedText, { date: formatDateTime(overview.writesBlockedAt ?? '') })}
          </p>
        </div>
      )}
    </Card>
  );
}

function RequestForm({ overview, onCreated }: { overview: QuotaOverview; onCreated: () => Promise<void> }) {
  const { t, lang } = useI18n();
  const [gb, setGb] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ requestedGb?: string; reason?: string }>({});
  const [formError, setFormError] = useState('');
  const [submitting, setSubmitting] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError('');
    const requestedGb = Number(gb.trim());
    const next: typeof errors = {};
    if (!/^\d+$/.test(gb.trim()) || requestedGb < 1 || requestedGb > 1_000_000) {
      next.requestedGb = t.quota.gbInvalid;
    }
    if (reason.trim().length < 3 || reason.trim().length > 500) next.reason = t.quota.reasonInvalid;
    setErrors(next);
    if (next.requestedGb || next.reason) return;
    setSubmitting(true);
    try {
      await quotaApi.request({ requestedGb, reason: reason.trim() });
      await onCreated();
    } catch (error) {
      setFormError(errorMessage(error, t));
      if (error instanceof ApiError) {
        setErrors({ requestedGb: error.fields.requestedGb, reason: error.fields.reason });
      }
      setSubmitting(false);
    }
  }

  return (
    <Card className="p-6" testId="quota-request-card">
      <h2 className="text-base font-semibold text-slate-900">{t.quota.requestTitle}</h2>
      <p className="mt-1 text-sm text-slate-600">{t.quota.requestText}</p>
      <form method="post" onSubmit={onSubmit} noValidate className="mt-4 grid max-w-xl gap-4">
        <Alert tone="error" testId="quota-request-error">
          {formError}
        </Alert>
        <TextField
          id="quota-requested-gb"
          label={t.quota.requestedGb}
          hint={interpolate(t.quota.requestedGbHint, {
            gb: formatNumber(overview.quotaBytes / GB, lang, 2),
          })}
          inputMode="numeric"
          required
          value={gb}
          onChange={(e) => {
            setGb(e.target.value);
            setErrors((prev) => ({ ...prev, requestedGb: undefined }));
          }}
          error={errors.requestedGb}
          testId="quota-requested-gb"
        />
        <TextAreaField
          id="quota-reason"
          label={t.quota.reason}
          hint={t.quota.reasonHint}
          required
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setErrors((prev) => ({ ...prev, reason: undefined }));
          }}
          error={errors.reason}
          testId="quota-reason"
        />
        <div>
          <Button type="submit" loading={submitting} testId="quota-request-submit">
            {submitting ? t.quota.submitting : t.quota.submit}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function PendingCard({ overview, onChanged }: { overview: QuotaOverview; onChanged: () => Promise<void> }) {
  const { t, lang } = useI18n();
  const [error, setError] = useState('');
  const [canceling, setCanceling] = useState(false);
  const pending = overview.pending!;

  async function cancel() {
    setError('');
    setCanceling(true);
    try {
      await quotaApi.cancel(pending.id);
      await onChanged();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setCanceling(false);
    }
  }

  return (
    <div
      className="rounded-xl border border-amber-300 bg-amber-50 p-6 shadow-sm"
      data-testid="quota-pending"
      role="region"
      aria-label={t.quota.pendingTitle}
    >
      <h2 className="text-base font-semibold text-amber-900">{t.quota.pendingTitle}</h2>
      <p className="mt-1 text-sm text-amber-900/90">
        {interpolate(t.quota.pendingText, {
          gb: formatNumber(pending.requestedBytes / GB, lang, 2),
          date: formatDateTime(pending.createdAt),
        })}
      </p>
      <p className="mt-2 text-sm italic text-amber-900/80">“{pending.reason}”</p>
      <Alert tone="error" className="mt-3">
        {error}
      </Alert>
      <Button
        variant="secondary"
        className="mt-4"
        onClick={() => void cancel()}
        loading={canceling}
        testId="quota-cancel"
      >
        {canceling ? t.quota.canceling : t.quota.cancel}
      </Button>
    </div>
  );
}

function History({ overview }: { overview: QuotaOverview }) {
  const { t, lang } = useI18n();
  const gb = (bytes: number) => formatGigabytes(bytes, lang);
  return (
    <Card className="overflow-hidden" testId="quota-history">
      <h2 className="border-b border-slate-200 px-6 py-4 text-base font-semibold text-slate-900">
        {t.quota.historyTitle}
      </h2>
      {overview.items.length === 0 ? (
        <p className="px-6 py-6 text-sm text-slate-500">{t.quota.historyEmpty}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-6 py-3">
                  {t.quota.colDate}
                </th>
                <th scope="col" className="px-6 py-3">
                  {t.quota.colFromTo}
                </th>
                <th scope="col" className="px-6 py-3">
                  {t.quota.colReason}
                </th>
                <th scope="col" className="px-6 py-3">
                  {t.quota.colStatus}
                </th>
                <th scope="col" className="px-6 py-3">
                  {t.quota.colDecision}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {overview.items.map((item) => (
                <tr key={item.id} data-testid={`quota-history-${item.id}`}>
                  <td className="whitespace-nowrap px-6 py-3 text-slate-700">
                    {formatDateTime(item.createdAt)}
                  </td>
                  <td className="whitespace-nowrap px-6 py-3 text-slate-700">
                    {gb(item.currentBytes)} →{' '}
                    <span className="font-medium text-slate-900">{gb(item.requestedBytes)}</span>
                  </td>
                  <td className="max-w-xs px-6 py-3 text-slate-600">{item.reason}</td>
                  <td className="px-6 py-3">
                    <Badge tone={requestStatusTone[item.status]} testId={`quota-history-status-${item.id}`}>
                      {t.quota.status[item.status]}
                    </Badge>
                  </td>
                  <td className="max-w-xs px-6 py-3 text-slate-600">
                    {item.decisionReason ?? (item.decidedAt ? formatDateTime(item.decidedAt) : '—')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
