'use client';

import { useState } from 'react';
import { Alert, Badge, Button, Card, Spinner, cx, focusRing } from '@/components/ui';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { api, type AccountStatus, type StaffAccount } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime, formatGigabytes } from '@/lib/format';
import { useApiData } from '@/lib/hooks/use-api-data';
import { formatDocument, formatPhone } from '@/lib/validation';
import { RejectModal } from './reject-modal';

type Tab = 'pending' | 'all';

type ActionState =
  { kind: 'approving' } | { kind: 'approved' } | { kind: 'failed'; message: string } | { kind: 'rejected' };

const statusTone: Record<AccountStatus, 'green' | 'gray' | 'red' | 'amber' | 'blue'> = {
  pending_approval: 'amber',
  active: 'green',
  read_only: 'blue',
  suspended: 'red',
  rejected: 'red',
  canceled: 'gray',
};

export function SignupsView() {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('pending');
  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t.staff.signupsTitle}</h1>
        <div
          role="group"
          aria-label={t.staff.signupsTitle}
          className="inline-flex rounded-lg bg-slate-200 p-1"
        >
          {(['pending', 'all'] as const).map((value) => (
            <button
              key={value}
              type="button"
              aria-pressed={tab === value}
              onClick={() => setTab(value)}
              data-testid={value === 'pending' ? 'staff-tab-pending' : 'staff-tab-all'}
              className={cx(
                'rounded-md px-4 py-1.5 text-sm font-medium transition-colors',
                focusRing,
                tab === value ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-600 hover:text-slate-900',
              )}
            >
              {value === 'pending' ? t.staff.tabPending : t.staff.tabAll}
            </button>
          ))}
        </div>
      </div>
      <AccountList tab={tab} key={tab} />
    </>
  );
}

function AccountList({ tab }: { tab: Tab }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApiData(
    () => api.staffListAccounts(tab === 'pending' ? 'pending_approval' : undefined).then((res) => res.items),
    '/staff/entrar',
  );
  const [actions, setActions] = useState<Record<string, ActionState>>({});
  const [rejecting, setRejecting] = useState<StaffAccount | null>(null);

  const setAction = (id: string, state: ActionState) => setActions((prev) => ({ ...prev, [id]: state }));

  async function approve(account: StaffAccount) {
    setAction(account.id, { kind: 'approving' });
    try {
      await api.staffApproveAccount(account.id);
      setAction(account.id, { kind: 'approved' });
    } catch (err) {
      // 502 provisioning_failed: approving again completes the provisioning.
      setAction(account.id, { kind: 'failed', message: errorMessage(err, t) });
    }
  }

  if (!data) {
    return error ? (
      <div className="space-y-3">
        <Alert tone="error" testId="staff-accounts-error">
          {errorMessage(error, t)}
        </Alert>
        <Button variant="secondary" onClick={() => void reload()} loading={loading}>
          {t.common.retry}
        </Button>
      </div>
    ) : (
      <Card className="p-10 text-center text-sm text-slate-500">
        <span aria-busy="true">{t.common.loading}</span>
      </Card>
    );
  }

  const effectiveStatus = (account: StaffAccount): AccountStatus => {
    const state = actions[account.id];
    if (state?.kind === 'approved') return 'active';
    if (state?.kind === 'rejected') return 'rejected';
    return account.status;
  };
  const pendingCount = data.filter((a) => effectiveStatus(a) === 'pending_approval').length;

  return (
    <section aria-labelledby="accounts-heading">
      <h2
        id="accounts-heading"
        className="mb-4 text-base font-semibold text-slate-700"
        data-testid="staff-list-title"
      >
        {tab === 'pending'
          ? interpolate(t.staff.pendingTitle, { count: pendingCount })
          : interpolate(t.staff.allTitle, { count: data.length })}
      </h2>
      {data.length === 0 ? (
        <Card className="px-6 py-14 text-center text-sm text-slate-500" testId="staff-accounts-empty">
          {tab === 'pending' ? t.staff.empty : t.staff.emptyAll}
        </Card>
      ) : (
        <ul className="space-y-4">
          {data.map((account) => (
            <li key={account.id}>
              <AccountCard
                account={account}
                status={effectiveStatus(account)}
                action={actions[account.id]}
                onApprove={() => void approve(account)}
                onReject={() => setRejecting(account)}
              />
            </li>
          ))}
        </ul>
      )}
      <RejectModal
        account={rejecting}
        onClose={() => setRejecting(null)}
        onRejected={(account) => {
          setRejecting(null);
          setAction(account.id, { kind: 'rejected' });
        }}
      />
    </section>
  );
}

function AccountCard({
  account,
  status,
  action,
  onApprove,
  onReject,
}: {
  account: StaffAccount;
  status: AccountStatus;
  action: ActionState | undefined;
  onApprove: () => void;
  onReject: () => void;
}) {
  const { t, lang } = useI18n();
  const key = account.email;
  const plan = account.planName
    ? account.quotaBytes
      ? `${account.planName} (${formatGigabytes(account.quotaBytes, lang)})`
      : account.planName
    : t.staff.noPlan;
  const canDecide = status === 'pending_approval';
  const approving = action?.kind === 'approving';

  return (
    <Card className="p-6" testId={`pending-account-${key}`}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 className="text-lg font-semibold text-slate-900">{account.name}</h3>
          <p className="mt-0.5 font-mono text-sm text-slate-600" data-testid={`account-document-${key}`}>
            {account.documentType.toUpperCase()}: {formatDocument(account.document)}
          </p>
          {account.documentInUse && canDecide && (
            <p
              className="mt-1 text-sm font-medium text-amber-700"
              data-testid={`account-document-in-use-${key}`}
            >
              {t.staff.documentInUse}
            </p>
          )}
        </div>
        <Badge tone={statusTone[status] ?? 'gray'} testId={`account-badge-${key}`}>
          {t.staff.status[status] ?? status}
        </Badge>
      </div>

      <dl className="mt-4 grid gap-x-8 gap-y-3 text-sm sm:grid-cols-2">
        <Item label={t.staff.email} value={account.email} />
        <Item label={t.staff.phone} value={formatPhone(account.phone)} />
        <Item label={t.staff.requestedAt} value={formatDateTime(account.createdAt)} />
        <Item label={t.staff.plan} value={plan} />
        <div className="sm:col-span-2">
          <dt className="text-xs uppercase tracking-wide text-slate-500">{t.staff.owner}</dt>
          <dd className="mt-0.5 text-slate-900">
            {account.ownerName}
            <span className="block text-slate-600">{account.ownerEmail}</span>
          </dd>
        </div>
        {status === 'rejected' && account.rejectionReason && (
          <div className="sm:col-span-2">
            <Item label={t.staff.rejectReason} value={account.rejectionReason} />
          </div>
        )}
      </dl>

      {(canDecide || action) && (
        <div className="mt-5 flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
          {canDecide && (
            <>
              <Button
                variant="success"
                onClick={onApprove}
                loading={approving}
                testId={`account-approve-${key}`}
              >
                {action?.kind === 'failed' ? t.common.retry : t.staff.approve}
              </Button>
              <Button
                variant="secondary"
                onClick={onReject}
                disabled={approving}
                testId={`account-reject-${key}`}
              >
                {t.staff.reject}
              </Button>
            </>
          )}
          <div role="status" aria-live="polite" className="text-sm" data-testid={`account-status-${key}`}>
            {action?.kind === 'approving' && (
              <span className="inline-flex items-center gap-2 text-slate-600">
                <Spinner className="size-4" />
                {t.staff.approving}
              </span>
            )}
            {action?.kind === 'approved' && (
              <span className="font-medium text-emerald-700">{t.staff.approved}</span>
            )}
            {action?.kind === 'rejected' && (
              <span className="font-medium text-slate-700">{t.staff.rejected}</span>
            )}
          </div>
        </div>
      )}
      {action?.kind === 'failed' && (
        <div className="mt-3">
          <Alert tone="error" testId={`account-error-${key}`}>
            {interpolate(t.staff.approveFailed, { message: action.message })}
          </Alert>
        </div>
      )}
    </Card>
  );
}

function Item({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 break-words text-slate-900">{value}</dd>
    </div>
  );
}
