'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { useRouter } from 'next/navigation';
import { Modal } from '@/components/modal';
import { Alert, Badge, Button, Card, PageHeader, cx } from '@/components/ui';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { ApiError } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime } from '@/lib/format';
import {
  reconcilerApi,
  type ReconcilerFinding,
  type ReconcilerRun,
  type ReconcilerRunSummary,
} from '@/lib/reconciler-api';
import { findingValue } from './finding-value';

const PAGE = 20;

/** Staff page: run the database-vs-MinIO check now, list recent runs, read one run's findings. */
export function ReconcilerView() {
  const { t } = useI18n();
  const r = t.reconciler;
  const router = useRouter();
  const [runs, setRuns] = useState<ReconcilerRunSummary[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReconcilerRun | null>(null);
  const [busy, setBusy] = useState<'report' | 'repair' | null>(null);
  const [confirmRepair, setConfirmRepair] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState('');

  const fail = useCallback(
    (err: unknown) => {
      if (err instanceof ApiError && err.isUnauthorized) {
        router.replace('/staff/entrar');
        return;
      }
      setError(errorMessage(err, t));
    },
    [router, t],
  );

  const loadPage = useCallback(
    async (after: string | null) => {
      try {
        const page = await reconcilerApi.list({ limit: PAGE, cursor: after ?? undefined });
        setRuns((prev) => (after && prev ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (err) {
        fail(err);
      }
    },
    [fail],
  );

  useEffect(() => {
    void loadPage(null);
  }, [loadPage]);

  async function start(repair: boolean) {
    setConfirmRepair(false);
    setBusy(repair ? 'repair' : 'report');
    setError('');
    try {
      const run = await reconcilerApi.run(repair);
      setSelected(run);
      await loadPage(null);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(null);
    }
  }

  async function open(id: string) {
    setError('');
    try {
      setSelected(await reconcilerApi.get(id));
    } catch (err) {
      fail(err);
    }
  }

  return (
    <>
      <PageHeader
        title={r.title}
        subtitle={r.subtitle}
        actions={
          <>
            <Button
              variant="secondary"
              onClick={() => void start(false)}
              loading={busy === 'report'}
              disabled={busy !== null}
              testId="reconciler-run-report"
            >
              {busy === 'report' ? r.running : r.runReport}
            </Button>
            <Button
              onClick={() => setConfirmRepair(true)}
              loading={busy === 'repair'}
              disabled={busy !== null}
              testId="reconciler-run-repair"
            >
              {busy === 'repair' ? r.running : r.runRepair}
            </Button>
          </>
        }
      />

      <Alert tone="error" className="mb-4" testId="reconciler-error">
        {error}
      </Alert>

      {selected && <RunDetail run={selected} />}

      <h2 className="mb-3 text-lg font-semibold text-slate-900">{r.recentRuns}</h2>
      {runs === null ? (
        <Card className="p-10 text-center text-sm text-slate-500">{t.common.loading}</Card>
      ) : runs.length === 0 ? (
        <Card className="px-6 py-14 text-center text-slate-700" testId="reconciler-no-runs">
          {r.noRuns}
        </Card>
      ) : (
        <Card className="overflow-hidden">
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="reconciler-runs">
              <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-3">
                    {r.colStarted}
                  </th>
                  <th scope="col" className="px-4 py-3">
                    {r.colTrigger}
                  </th>
                  <th scope="col" className="px-4 py-3">
                    {r.colMode}
                  </th>
                  <th scope="col" className="px-4 py-3">
                    {r.colStatus}
                  </th>
                  <th scope="col" className="px-4 py-3 text-right">
                    {r.colAccounts}
                  </th>
                  <th scope="col" className="px-4 py-3 text-right">
                    {r.colFindings}
                  </th>
                  <th scope="col" className="px-4 py-3 text-right">
                    {r.colRepaired}
                  </th>
                  <th scope="col" className="px-4 py-3 text-right">
                    {r.colOpen}
                  </th>
                  <th scope="col" className="px-4 py-3">
                    <span className="sr-only">{t.common.actions}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {runs.map((run) => (
                  <RunRow
                    key={run.id}
                    run={run}
                    current={selected?.id === run.id}
                    onOpen={() => void open(run.id)}
                  />
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
            loading={loadingMore}
            testId="reconciler-load-more"
            onClick={() => {
              setLoadingMore(true);
              void loadPage(cursor).finally(() => setLoadingMore(false));
            }}
          >
            {r.loadMore}
          </Button>
        </div>
      )}

      <Modal
        open={confirmRepair}
        onClose={() => setConfirmRepair(false)}
        title={r.repairConfirmTitle}
        testId="reconciler-repair-modal"
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirmRepair(false)}>
              {t.common.cancel}
            </Button>
            <Button onClick={() => void start(true)} testId="reconciler-repair-confirm">
              {r.repairConfirm}
            </Button>
          </>
        }
      >
        <p className="text-sm text-slate-700">{r.repairConfirmText}</p>
      </Modal>
    </>
  );
}

function StatusBadge({ status }: { status: ReconcilerRunSummary['status'] }) {
  const { t } = useI18n();
  const tone = status === 'succeeded' ? 'green' : status === 'failed' ? 'red' : 'blue';
  return (
    <Badge tone={tone} testId="reconciler-run-status">
      {t.reconciler.status[status]}
    </Badge>
  );
}

function modeLabel(run: ReconcilerRunSummary, r: ReturnType<typeof useI18n>['t']['reconciler']) {
  return run.repair ? r.mode.repair : r.mode.report;
}

function RunRow({
  run,
  current,
  onOpen,
}: {
  run: ReconcilerRunSummary;
  current: boolean;
  onOpen: () => void;
}) {
  const { t } = useI18n();
  const r = t.reconciler;
  return (
    <tr data-testid={`reconciler-run-${run.id}`} className={current ? 'bg-brand-50/60' : undefined}>
      <td className="whitespace-nowrap px-4 py-3 text-slate-700">{formatDateTime(run.startedAt)}</td>
      <td className="px-4 py-3 text-slate-700">
        <p>{r.trigger[run.trigger]}</p>
        {run.startedBy && (
          <p className="text-xs text-slate-500">{interpolate(r.byStaff, { name: run.startedBy.fullName })}</p>
        )}
      </td>
      <td className="px-4 py-3 text-slate-700">{modeLabel(run, r)}</td>
      <td className="px-4 py-3">
        <StatusBadge status={run.status} />
      </td>
      <td className="px-4 py-3 text-right tabular-nums text-slate-700">{run.checkedAccounts}</td>
      <td className="px-4 py-3 text-right tabular-nums text-slate-700">{run.findingCount}</td>
      <td className="px-4 py-3 text-right tabular-nums text-emerald-700">{run.repairedCount}</td>
      <td
        className={cx(
          'px-4 py-3 text-right tabular-nums',
          run.openCount > 0 ? 'font-semibold text-amber-800' : 'text-slate-700',
        )}
      >
        {run.openCount}
      </td>
      <td className="px-4 py-3 text-right">
        <Button
          variant="ghost"
          size="sm"
          onClick={onOpen}
          disabled={current}
          aria-label={`${r.view}: ${formatDateTime(run.startedAt)}`}
          testId="reconciler-run-view"
        >
          {current ? r.viewing : r.view}
        </Button>
      </td>
    </tr>
  );
}

function RunDetail({ run }: { run: ReconcilerRun }) {
  const { t } = useI18n();
  const r = t.reconciler;
  // Findings grouped by account (in the order they were found); unowned buckets last.
  const groups = useMemo(() => {
    const byAccount = new Map<string, ReconcilerFinding[]>();
    for (const f of run.findings) {
      const key = f.accountId ?? '';
      byAccount.set(key, [...(byAccount.get(key) ?? []), f]);
    }
    const names = new Map(run.accounts.map((a) => [a.id, a.name]));
    return [...byAccount.entries()]
      .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : 0))
      .map(([id, findings]) => ({
        id,
        title: id === '' ? r.noAccount : (names.get(id) ?? interpolate(r.accountUnknown, { id })),
        findings,
      }));
  }, [run, r]);

  return (
    <Card className="mb-8 p-5" testId="reconciler-run-detail">
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold text-slate-900">
            {interpolate(r.runTitle, { date: formatDateTime(run.startedAt) })}
          </h2>
          <p className="mt-1 text-sm text-slate-600" data-testid="reconciler-run-summary">
            {r.trigger[run.trigger]}
            {run.startedBy ? ` ${interpolate(r.byStaff, { name: run.startedBy.fullName })}` : ''} ·{' '}
            {modeLabel(run, r)} ·{' '}
            {interpolate(r.runSummary, {
              accounts: run.checkedAccounts,
              findings: run.findingCount,
              repaired: run.repairedCount,
            })}
          </p>
        </div>
        <StatusBadge status={run.status} />
      </div>
      {run.error && (
        <Alert tone="error" className="mb-4">
          {interpolate(r.runError, { error: run.error })}
        </Alert>
      )}
      {run.findings.length === 0 ? (
        <Alert tone="success" testId="reconciler-no-findings">
          {r.noFindings}
        </Alert>
      ) : (
        <div className="space-y-6">
          {groups.map((group) => (
            <section
              key={group.id || 'none'}
              aria-label={group.title}
              data-testid="reconciler-account-group"
              data-account-id={group.id}
            >
              <h3 className="mb-2 text-sm font-semibold text-slate-800">
                {group.title}
                {group.id && (
                  <span className="ml-2 font-mono text-xs font-normal text-slate-500">{group.id}</span>
                )}
              </h3>
              <div className="overflow-x-auto rounded-lg border border-slate-200">
                <table className="min-w-full divide-y divide-slate-200 text-sm">
                  <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                    <tr>
                      <th scope="col" className="px-3 py-2">
                        {r.colKind}
                      </th>
                      <th scope="col" className="px-3 py-2">
                        {r.colResource}
                      </th>
                      <th scope="col" className="px-3 py-2">
                        {r.colExpected}
                      </th>
                      <th scope="col" className="px-3 py-2">
                        {r.colActual}
                      </th>
                      <th scope="col" className="px-3 py-2">
                        {r.colResult}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100 bg-white align-top">
                    {group.findings.map((f, i) => (
                      <FindingRow key={`${f.kind}-${f.resource}-${i}`} finding={f} />
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
        </div>
      )}
    </Card>
  );
}

function FindingRow({ finding }: { finding: ReconcilerFinding }) {
  const { t } = useI18n();
  const r = t.reconciler;
  const [tone, label] = finding.repaired
    ? (['green', r.result.repaired] as const)
    : finding.repairError
      ? (['red', r.result.failed] as const)
      : finding.repairable
        ? (['amber', r.result.pending] as const)
        : (['gray', r.result.reportOnly] as const);
  return (
    <tr data-testid={`reconciler-finding-${finding.kind}`} data-resource={finding.resource}>
      <td className="px-3 py-2 font-medium text-slate-900">{r.kinds[finding.kind]}</td>
      <td className="max-w-[14rem] break-all px-3 py-2 font-mono text-xs text-slate-700">
        {finding.resource}
      </td>
      <td className="max-w-[18rem] break-words px-3 py-2 text-slate-700">
        {findingValue(finding.expected, r.values)}
      </td>
      <td className="max-w-[18rem] break-words px-3 py-2 text-slate-700">
        {findingValue(finding.actual, r.values)}
      </td>
      <td className="px-3 py-2">
        <Badge tone={tone} testId="reconciler-finding-result">
          {label}
        </Badge>
        {finding.repairError && <p className="mt-1 text-xs text-red-700">{finding.repairError}</p>}
      </td>
    </tr>
  );
}
