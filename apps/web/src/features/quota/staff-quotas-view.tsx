'use client';

import { useState, type FormEvent } from 'react';
import { Modal } from '@/components/modal';
import {
  Alert,
  Badge,
  Button,
  Card,
  FieldShell,
  PageHeader,
  TextAreaField,
  TextField,
  cx,
  focusRing,
  inputClass,
} from '@/components/ui';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { api, ApiError, type StaffAccount } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime, formatGigabytes, formatNumber } from '@/lib/format';
import { useApiData } from '@/lib/hooks/use-api-data';
import { quotaApi, type StaffQuotaRequest } from '@/lib/quota-api';
import { requestStatusTone } from './quota-view';

const GB = 1e9;
type Tab = 'pending' | 'all';

/** Staff: quota change requests (approve / reject with a reason) and the manual quota adjustment. */
export function StaffQuotasView() {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('pending');
  const [version, setVersion] = useState(0);
  return (
    <>
      <PageHeader title={t.staffQuota.title} subtitle={t.staffQuota.subtitle} />
      <div className="space-y-8">
        <section>
          <div
            role="group"
            aria-label={t.staffQuota.title}
            className="mb-4 inline-flex rounded-lg bg-slate-200 p-1"
          >
            {(['pending', 'all'] as const).map((value) => (
              <button
                key={value}
                type="button"
                aria-pressed={tab === value}
                onClick={() => setTab(value)}
                data-testid={`staff-quota-tab-${value}`}
                className={cx(
                  'rounded-md px-4 py-1.5 text-sm font-medium transition-colors',
                  focusRing,
                  tab === value ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-600 hover:text-slate-900',
                )}
              >
                {value === 'pending' ? t.staffQuota.tabPending : t.staffQuota.tabAll}
              </button>
            ))}
          </div>
          <RequestList tab={tab} key={`${tab}-${version}`} />
        </section>
        <SetQuotaCard onDone={() => setVersion((v) => v + 1)} />
      </div>
    </>
  );
}

function RequestList({ tab }: { tab: Tab }) {
  const { t, lang } = useI18n();
  const { data, error, reload } = useApiData(
    () => quotaApi.staffList(tab === 'pending' ? 'pending' : undefined).then((res) => res.items),
    '/staff/entrar',
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState('');
  const [rejecting, setRejecting] = useState<StaffQuotaRequest | null>(null);
  const gb = (bytes: number) => formatGigabytes(bytes, lang);

  async function approve(item: StaffQuotaRequest) {
    setActionError('');
    setBusy(item.id);
    try {
      await quotaApi.staffApprove(item.id);
      await reload();
    } catch (err) {
      setActionError(errorMessage(err, t));
    } finally {
      setBusy(null);
    }
  }

  if (error) {
    return (
      <Alert tone="error" testId="staff-quota-error">
        {errorMessage(error, t)}
      </Alert>
    );
  }
  if (!data) return <div className="h-32 animate-pulse rounded-xl bg-slate-200/70" aria-busy="true" />;

  return (
    <>
      <Alert tone="error" className="mb-4" testId="staff-quota-action-error">
        {actionError}
      </Alert>
      <Card className="overflow-hidden">
        {data.length === 0 ? (
          <p className="px-6 py-6 text-sm text-slate-500" data-testid="staff-quota-empty">
            {t.staffQuota.empty}
          </p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-3">
                    {t.staffQuota.colAccount}
                  </th>
                  <th scope="col" className="px-4 py-3">
                    {t.staffQuota.colRequest}
                  </th>
                  <th scope="col" className="px-4 py-3">
                    {t.staffQuota.colUsage}
                  </th>
                  <th scope="col" className="px-4 py-3">
                    {t.staffQuota.colReason}
                  </th>
                  <th scope="col" className="px-4 py-3">
                    {t.staffQuota.colStatus}
                  </th>
                  <th scope="col" className="px-4 py-3 text-right">
                    {t.staffQuota.colActions}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.map((item) => (
                  <tr key={item.id} data-testid={`staff-quota-row-${item.accountName}`}>
                    <td className="px-4 py-3">
                      <p className="font-medium text-slate-900">{item.accountName}</p>
                      <p className="text-xs text-slate-500">
                        {interpolate(t.staffQuota.requestedBy, {
                          name: item.requestedByName ?? '—',
                          date: formatDateTime(item.createdAt),
                        })}
                      </p>
                    </td>
                    <td className="whitespace-nowrap px-4 py-3 text-slate-700">
                      {gb(item.currentBytes)} →{' '}
                      <span className="font-semibold text-slate-900">{gb(item.requestedBytes)}</span>
                    </td>
                    <td className="whitespace-nowrap px-4 py-3 text-slate-700">
                      {item.accountUsageBytes === null ? '—' : gb(item.accountUsageBytes)} /{' '}
                      {gb(item.accountQuotaBytes)}
                      {item.accountWritesBlocked && (
                        <span className="ml-2">
                          <Badge tone="red">{t.staffQuota.blocked}</Badge>
                        </span>
                      )}
                    </td>
                    <td className="max-w-xs px-4 py-3 text-slate-600">{item.reason}</td>
                    <td className="px-4 py-3">
                      <Badge
                        tone={requestStatusTone[item.status]}
                        testId={`staff-quota-status-${item.accountName}`}
                      >
                        {t.quota.status[item.status]}
                      </Badge>
                      {item.decidedByName && item.decidedAt && (
                        <p className="mt-1 text-xs text-slate-500">
                          {interpolate(t.staffQuota.decidedBy, {
                            name: item.decidedByName,
                            date: formatDateTime(item.decidedAt),
                          })}
                        </p>
                      )}
                      {item.decisionReason && (
                        <p className="mt-1 text-xs text-slate-600">{item.decisionReason}</p>
                      )}
                    </td>
                    <td className="whitespace-nowrap px-4 py-3 text-right">
                      {item.status === 'pending' && (
                        <div className="inline-flex gap-2">
                          <Button
                            size="sm"
                            onClick={() => void approve(item)}
                            loading={busy === item.id}
                            testId={`staff-quota-approve-${item.accountName}`}
                          >
                            {busy === item.id ? t.staffQuota.approving : t.staffQuota.approve}
                          </Button>
                          <Button
                            size="sm"
                            variant="secondary"
                            onClick={() => setRejecting(item)}
                            disabled={busy === item.id}
                            testId={`staff-quota-reject-${item.accountName}`}
                          >
                            {t.staffQuota.reject}
                          </Button>
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <RejectQuotaModal
        item={rejecting}
        key={rejecting?.id ?? 'none'}
        onClose={() => setRejecting(null)}
        onRejected={async () => {
          setRejecting(null);
          await reload();
        }}
        gbText={rejecting ? formatNumber(rejecting.requestedBytes / GB, lang, 2) : ''}
      />
    </>
  );
}

function RejectQuotaModal({
  item,
  onClose,
  onRejected,
  gbText,
}: {
  item: StaffQuotaRequest | null;
  onClose: () => void;
  onRejected: () => Promise<void>;
  gbText: string;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState('');
  const [formError, setFormError] = useState('');
  const [submitting, setSubmitting] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!item) return;
    setFormError('');
    if (reason.trim().length < 3) return setReasonError(t.quota.reasonInvalid);
    setReasonError('');
    setSubmitting(true);
    try {
      await quotaApi.staffReject(item.id, reason.trim());
      await onRejected();
    } catch (error) {
      setFormError(errorMessage(error, t));
      if (error instanceof ApiError && error.fields.reason) setReasonError(error.fields.reason);
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open={item !== null}
      onClose={onClose}
      title={t.staffQuota.rejectTitle}
      description={
        item ? interpolate(t.staffQuota.rejectText, { name: item.accountName, gb: gbText }) : undefined
      }
      testId="staff-quota-reject-modal"
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t.common.cancel}
          </Button>
          <Button
            type="submit"
            form="staff-quota-reject-form"
            variant="danger"
            loading={submitting}
            testId="staff-quota-reject-submit"
          >
            {submitting ? t.staffQuota.rejecting : t.staffQuota.rejectSubmit}
          </Button>
        </>
      }
    >
      <form id="staff-quota-reject-form" method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        <Alert tone="error">{formError}</Alert>
        <TextAreaField
          id="staff-quota-reject-reason"
          label={t.staffQuota.rejectReason}
          required
          autoFocus
          rows={4}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={reasonError}
          testId="staff-quota-reject-reason"
        />
      </form>
    </Modal>
  );
}

function SetQuotaCard({ onDone }: { onDone: () => void }) {
  const { t, lang } = useI18n();
  const { data: accounts } = useApiData(
    () => api.staffListAccounts('active').then((res) => res.items),
    '/staff/entrar',
  );
  const [accountId, setAccountId] = useState('');
  const [gb, setGb] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ account?: string; quotaGb?: string; reason?: string }>({});
  const [formError, setFormError] = useState('');
  const [done, setDone] = useState('');
  const [submitting, setSubmitting] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError('');
    setDone('');
    const quotaGb = Number(gb.trim());
    const next: typeof errors = {};
    if (!accountId) next.account = t.staffQuota.accountRequired;
    if (!/^\d+$/.test(gb.trim()) || quotaGb < 1 || quotaGb > 1_000_000) next.quotaGb = t.quota.gbInvalid;
    if (reason.trim().length < 3 || reason.trim().length > 500) next.reason = t.quota.reasonInvalid;
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    setSubmitting(true);
    try {
      await quotaApi.staffSetQuota(accountId, { quotaGb, reason: reason.trim() });
      const name = accounts?.find((a: StaffAccount) => a.id === accountId)?.name ?? '';
      setDone(interpolate(t.staffQuota.setDone, { name, gb: formatNumber(quotaGb, lang) }));
      setGb('');
      setReason('');
      onDone();
    } catch (error) {
      setFormError(errorMessage(error, t));
      if (error instanceof ApiError)
        setErrors({ quotaGb: error.fields.quotaGb, reason: error.fields.reason });
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Card className="p-6" testId="staff-quota-set-card">
      <h2 className="text-base font-semibold text-slate-900">{t.staffQuota.setTitle}</h2>
      <p className="mt-1 text-sm text-slate-600">{t.staffQuota.setText}</p>
      <form method="post" onSubmit={onSubmit} noValidate className="mt-4 grid max-w-xl gap-4">
        <Alert tone="error">{formError}</Alert>
        <Alert tone="success" testId="staff-quota-set-done">
          {done}
        </Alert>
        <FieldShell id="staff-quota-account" label={t.staffQuota.setAccount} error={errors.account} required>
          <select
            id="staff-quota-account"
            className={inputClass(Boolean(errors.account))}
            value={accountId}
            onChange={(e) => {
              setAccountId(e.target.value);
              setErrors((prev) => ({ ...prev, account: undefined }));
            }}
            data-testid="staff-quota-account"
            aria-invalid={errors.account ? true : undefined}
          >
            <option value="">{t.staffQuota.setAccountPlaceholder}</option>
            {(accounts ?? []).map((a: StaffAccount) => (
              <option key={a.id} value={a.id}>
                {interpolate(t.staffQuota.accountOption, {
                  name: a.name,
                  gb: formatNumber(a.quotaBytes / GB, lang, 2),
                })}
              </option>
            ))}
          </select>
        </FieldShell>
        <TextField
          id="staff-quota-gb"
          label={t.staffQuota.setQuotaGb}
          inputMode="numeric"
          required
          value={gb}
          onChange={(e) => {
            setGb(e.target.value);
            setErrors((prev) => ({ ...prev, quotaGb: undefined }));
          }}
          error={errors.quotaGb}
          testId="staff-quota-gb"
        />
        <TextAreaField
          id="staff-quota-reason"
          label={t.staffQuota.setReason}
          required
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setErrors((prev) => ({ ...prev, reason: undefined }));
          }}
          error={errors.reason}
          testId="staff-quota-reason"
        />
        <div>
          <Button type="submit" loading={submitting} testId="staff-quota-set-submit">
            {submitting ? t.staffQuota.setSubmitting : t.staffQuota.setSubmit}
          </Button>
        </div>
      </form>
    </Card>
  );
}
