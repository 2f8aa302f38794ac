'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { Alert, Button, Card, PageHeader, cx, focusRing } from '@/components/ui';
import { CopyButton } from '@/components/copy-button';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { api, type AccessKey, type Dashboard } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import {
  formatDateTime,
  formatGigabytes,
  formatNumber,
  usageLevel,
  usagePercent,
  type UsageLevel,
} from '@/lib/format';
import { useApiData } from '@/lib/hooks/use-api-data';
import { useSession } from '@/features/portal/session';

interface DashboardData {
  dashboard: Dashboard;
  keys: AccessKey[];
}

async function loadDashboard(): Promise<DashboardData> {
  const [dashboard, keys] = await Promise.all([
    api.dashboard(),
    // The banner is a nicety: a failure here must not hide the dashboard.
    api.listAccessKeys().then(
      (res) => res.items,
      () => [] as AccessKey[],
    ),
  ]);
  return { dashboard, keys };
}

const barColors: Record<UsageLevel, string> = {
  ok: 'bg-emerald-500',
  warning: 'bg-amber-400',
  critical: 'bg-red-500',
};

export function DashboardView() {
  const { t, lang } = useI18n();
  const me = useSession();
  const { data, error, loading, reload } = useApiData(loadDashboard);

  const header = <PageHeader title={t.dashboard.title} subtitle={t.dashboard.subtitle} />;

  if (!data) {
    return (
      <>
        {header}
        {error ? (
          <div className="space-y-3">
            <Alert tone="error" testId="dashboard-error">
              {errorMessage(error, t)}
            </Alert>
            <Button
              variant="secondary"
              onClick={() => void reload()}
              loading={loading}
              testId="dashboard-retry"
            >
              {t.common.retry}
            </Button>
          </div>
        ) : (
          <DashboardSkeleton label={t.common.loading} />
        )}
      </>
    );
  }

  const { dashboard, keys } = data;
  const percent =
    typeof dashboard.usagePercent === 'number' && Number.isFinite(dashboard.usagePercent)
      ? Math.round(dashboard.usagePercent * 10) / 10
      : usagePercent(dashboard.usedBytes, dashboard.quotaBytes);
  const level = usageLevel(percent);
  const revealable = keys.find((key) => key.secretRevealable && key.status === 'active');
  const percentText = formatNumber(percent, lang, 1);
  // "Solicitar upgrade de quota" is the Owner's (PRD 4.2).
  const canRequestQuota = me.user.role === 'owner';

  return (
    <>
      {header}
      {revealable && (
        <div
          className="mb-6 flex flex-col gap-4 rounded-xl border border-amber-300 bg-amber-50 p-5 sm:flex-row sm:items-center sm:justify-between"
          data-testid="first-key-banner"
          role="region"
          aria-label={t.dashboard.firstKeyTitle}
        >
          <div className="flex gap-3">
            <svg
              viewBox="0 0 20 20"
              fill="currentColor"
              className="mt-0.5 size-5 shrink-0 text-amber-600"
              aria-hidden="true"
            >
              <path
                fillRule="evenodd"
                d="M8.49 2.5c.66-1.15 2.36-1.15 3.02 0l6.28 10.92c.66 1.15-.17 2.58-1.5 2.58H3.71c-1.33 0-2.16-1.43-1.5-2.58L8.49 2.5ZM10 6.75a.75.75 0 0 1 .75.75v3.5a.75.75 0 0 1-1.5 0V7.5a.75.75 0 0 1 .75-.75ZM10 15a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
                clipRule="evenodd"
              />
            </svg>
            <div>
              <p className="font-semibold text-amber-900">{t.dashboard.firstKeyTitle}</p>
              <p className="mt-1 text-sm text-amber-900/90">{t.dashboard.firstKeyText}</p>
            </div>
          </div>
          <Link
            href={`/painel/chaves?revelar=${encodeURIComponent(revealable.id)}`}
            data-testid="first-key-banner-link"
            className={cx(
              'inline-flex shrink-0 items-center justify-center rounded-lg bg-amber-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-amber-700',
              focusRing,
            )}
          >
            {t.dashboard.firstKeyAction}
          </Link>
        </div>
      )}

      {dashboard.writesBlocked && <WritesBlockedBanner canRequest={canRequestQuota} />}

      <div className="grid gap-6 md:grid-cols-2 xl:grid-cols-4">
        <Card className="p-6 md:col-span-2" testId="dashboard-storage-card">
          <h2 className="text-sm font-medium text-slate-600">{t.dashboard.storageTitle}</h2>
          <p
            className="mt-2 text-3xl font-semibold tracking-tight text-slate-900"
            data-testid="dashboard-storage-used"
          >
            {interpolate(t.dashboard.storageOf, {
              used: formatGigabytes(dashboard.usedBytes, lang),
              quota: formatGigabytes(dashboard.quotaBytes, lang),
            })}
          </p>
          <div
            className="mt-4 h-3 w-full overflow-hidden rounded-full bg-slate-100"
            role="progressbar"
            aria-label={t.dashboard.storageTitle}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.min(100, percent)}
            aria-valuetext={interpolate(t.dashboard.percentUsed, { percent: percentText })}
            data-testid="usage-bar"
            data-level={level}
          >
            <div
              className={cx('h-full rounded-full transition-[width]', barColors[level])}
              style={{ width: `${Math.min(100, Math.max(percent, percent > 0 ? 1 : 0))}%` }}
            />
          </div>
          <div className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
            <span className="font-medium text-slate-700" data-testid="dashboard-usage-percent">
              {interpolate(t.dashboard.percentUsed, { percent: percentText })}
            </span>
            <span className="text-slate-500" data-testid="dashboard-updated-at">
              {dashboard.usageUpdatedAt
                ? interpolate(t.dashboard.updatedAt, { date: formatDateTime(dashboard.usageUpdatedAt) })
                : t.dashboard.notMeasured}
            </span>
          </div>
          {percent >= 80 && (
            <p
              className={cx(
                'mt-4 rounded-lg px-3 py-2 text-sm',
                level === 'critical' ? 'bg-red-50 text-red-800' : 'bg-amber-50 text-amber-900',
              )}
              data-testid="dashboard-quota-warning"
            >
              {interpolate(t.dashboard.quotaWarning, { percent: percentText })}
              {canRequestQuota && (
                <>
                  {' '}
                  <Link
                    href="/painel/quota"
                    className={cx('rounded font-medium underline', focusRing)}
                    data-testid="dashboard-quota-request-link"
                  >
                    {t.quota.dashboardRequestLink}
                  </Link>
                </>
              )}
            </p>
          )}
        </Card>

        <StatCard
          title={t.dashboard.bucketsTitle}
          value={formatNumber(dashboard.bucketCount, lang)}
          href="/painel/buckets"
          linkLabel={t.dashboard.bucketsLink}
          testId="dashboard-bucket-count"
        />
        <StatCard
          title={t.dashboard.keysTitle}
          value={formatNumber(dashboard.accessKeyCount, lang)}
          href="/painel/chaves"
          linkLabel={t.dashboard.keysLink}
          testId="dashboard-key-count"
        />

        <Card className="p-6 md:col-span-2 xl:col-span-4" testId="dashboard-endpoint-card">
          <h2 className="text-sm font-medium text-slate-600">{t.dashboard.endpointTitle}</h2>
          <dl className="mt-3 grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
            <ConnectionValue
              label={t.dashboard.endpoint}
              value={dashboard.s3Endpoint}
              testId="dashboard-endpoint"
            />
            <ConnectionValue label={t.dashboard.region} value={dashboard.region} testId="dashboard-region" />
          </dl>
        </Card>
      </div>
    </>
  );
}

/** Uploads are blocked account-wide (usage reached the quota): say so before anything else. */
function WritesBlockedBanner({ canRequest }: { canRequest: boolean }) {
  const { t } = useI18n();
  return (
    <div
      className="mb-6 flex flex-col gap-3 rounded-xl border border-red-300 bg-red-50 p-5 sm:flex-row sm:items-center sm:justify-between"
      role="alert"
      data-testid="dashboard-writes-blocked"
    >
      <p className="font-semibold text-red-900">{t.quota.dashboardBlocked}</p>
      {canRequest && (
        <Link
          href="/painel/quota"
          className={cx(
            'inline-flex shrink-0 items-center justify-center rounded-lg bg-red-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-red-700',
            focusRing,
          )}
          data-testid="dashboard-writes-blocked-link"
        >
          {t.quota.blockedAction}
        </Link>
      )}
    </div>
  );
}

function StatCard({
  title,
  value,
  href,
  linkLabel,
  testId,
}: {
  title: string;
  value: string;
  href: string;
  linkLabel: string;
  testId: string;
}) {
  return (
    <Card className="flex flex-col p-6">
      <h2 className="text-sm font-medium text-slate-600">{title}</h2>
      <p className="mt-2 text-3xl font-semibold tracking-tight text-slate-900" data-testid={testId}>
        {value}
      </p>
      <Link
        href={href}
        className={cx(
          'mt-auto pt-4 text-sm font-medium text-brand-700 hover:underline',
          focusRing,
          'rounded',
        )}
      >
        {linkLabel} <span aria-hidden="true">→</span>
      </Link>
    </Card>
  );
}

function ConnectionValue({
  label,
  value,
  testId,
}: {
  label: string;
  value: string;
  testId: string;
}): ReactNode {
  return (
    <div className="min-w-0">
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 flex items-center gap-2">
        <code
          className="truncate rounded-md bg-slate-100 px-2 py-1 font-mono text-sm text-slate-800"
          data-testid={testId}
        >
          {value}
        </code>
        <CopyButton value={value} label={label} />
      </dd>
    </div>
  );
}

function DashboardSkeleton({ label }: { label: string }) {
  return (
    <div className="grid gap-6 md:grid-cols-2 xl:grid-cols-4" aria-busy="true" aria-label={label}>
      <div className="h-48 animate-pulse rounded-xl bg-slate-200/70 md:col-span-2" />
      <div className="h-48 animate-pulse rounded-xl bg-slate-200/70" />
      <div className="h-48 animate-pulse rounded-xl bg-slate-200/70" />
    </div>
  );
}
