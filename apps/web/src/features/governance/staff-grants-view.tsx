'use client';

import { useState, type FormEvent } from 'react';
import { Modal } from '@/components/modal';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  FieldShell,
  PageHeader,
  TextAreaField,
  inputClass,
} from '@/components/ui';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { api, ApiError, type StaffAccount } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime } from '@/lib/format';
import { governanceApi, type Grant, type StaffOption } from '@/lib/governance-api';
import { useApiData } from '@/lib/hooks/use-api-data';
import { endFrom, PARTNER_DURATIONS, type PartnerDuration } from './duration';
import { grantStatusTone } from './grants-view';

const loadMine = () => governanceApi.myGrants().then((r) => r.items);

/** "Minhas autorizações": the staff member's grants and the way into each account. */
export function StaffGrantsView({ canManage }: { canManage: boolean }) {
  const { t } = useI18n();
  const s = t.governance.staffGrants;
  const { data: grants, error } = useApiData(loadMine, '/staff/entrar');
  const [entering, setEntering] = useState<string | null>(null);
  const [enterError, setEnterError] = useState('');

  async function enter(grant: Grant) {
    setEntering(grant.id);
    setEnterError('');
    try {
      await governanceApi.enterGrant(grant.id);
      // A full navigation: the portal renders with the new customer-side session.
      window.location.assign('/painel');
    } catch (err) {
      setEnterError(errorMessage(err, t));
      setEntering(null);
    }
  }

  const current = grants?.filter((g) => g.status === 'active' || g.status === 'scheduled') ?? [];
  const past = grants?.filter((g) => g.status === 'ended' || g.status === 'revoked') ?? [];

  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle} />
      <Alert tone="error" testId="staff-grants-error" className="mb-4">
        {enterError || (error !== undefined && !grants ? errorMessage(error, t) : '')}
      </Alert>
      {!grants ? (
        <Card className="p-10 text-center text-sm text-slate-500">{t.common.loading}</Card>
      ) : current.length === 0 ? (
        <Card className="px-6 py-12 text-center text-slate-700" testId="staff-grants-empty">
          {s.empty}
        </Card>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2" data-testid="staff-grants-list">
          {current.map((grant) => (
            <li key={grant.id}>
              <Card className="flex h-full flex-col gap-3 p-5" testId={`my-grant-${grant.account.name}`}>
                <div className="flex items-start justify-between gap-3">
                  <div>
                    <p className="text-xs uppercase tracking-wide text-slate-500">{s.account}</p>
                    <p className="text-lg font-semibold text-slate-900">{grant.account.name}</p>
                  </div>
                  <div className="flex gap-1">
                    <Badge tone={grant.scope === 'full' ? 'amber' : 'blue'}>
                      {t.governance.scope[grant.scope]}
                    </Badge>
                    <Badge tone={grantStatusTone[grant.status]}>{t.governance.status[grant.status]}</Badge>
                  </div>
                </div>
                <p className="text-sm text-slate-700">{interpolate(s.reason, { reason: grant.reason })}</p>
                <p className="text-sm text-slate-600">
                  {grant.status === 'scheduled'
                    ? interpolate(s.startsAt, { date: formatDateTime(grant.startsAt) })
                    : interpolate(s.until, { date: formatDateTime(grant.endsAt) })}
                </p>
                <div className="mt-auto">
                  <Button
                    onClick={() => void enter(grant)}
                    loading={entering === grant.id}
                    disabled={grant.status !== 'active'}
                    testId={`grant-enter-${grant.account.name}`}
                  >
                    {entering === grant.id ? s.entering : s.enter}
                  </Button>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      {past.length > 0 && (
        <section className="mt-8">
          <h2 className="mb-3 text-base font-semibold text-slate-900">{s.past}</h2>
          <GrantList grants={past} />
        </section>
      )}
      {canManage && <AllGrants />}
    </>
  );
}

function GrantList({ grants, onRevoke }: { grants: Grant[]; onRevoke?: (g: Grant) => void }) {
  const { t } = useI18n();
  const g = t.governance;
  return (
    <Card className="overflow-hidden">
      <div className="overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-5 py-3">
                {g.staffGrants.colAccount}
              </th>
              <th scope="col" className="px-5 py-3">
                {g.grants.colStaff}
              </th>
              <th scope="col" className="px-5 py-3">
                {g.grants.colScope}
              </th>
              <th scope="col" className="px-5 py-3">
                {g.grants.colPeriod}
              </th>
              <th scope="col" className="px-5 py-3">
                {g.grants.colStatus}
              </th>
              <th scope="col" className="px-5 py-3 text-right">
                <span className="sr-only">{t.common.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 bg-white">
            {grants.map((grant) => (
              <tr key={grant.id}>
                <td className="px-5 py-3 font-medium text-slate-900">{grant.account.name}</td>
                <td className="px-5 py-3 text-slate-700">
                  {grant.staff.fullName}{' '}
                  <span className="text-xs text-slate-500">· {g.kind[grant.kind]}</span>
                </td>
                <td className="px-5 py-3">
                  <Badge tone={grant.scope === 'full' ? 'amber' : 'blue'}>{g.scope[grant.scope]}</Badge>
                </td>
                <td className="whitespace-nowrap px-5 py-3 text-slate-700">
                  {formatDateTime(grant.startsAt)} → {formatDateTime(grant.revokedAt ?? grant.endsAt)}
                </td>
                <td className="px-5 py-3">
                  <Badge tone={grantStatusTone[grant.status]}>{g.status[grant.status]}</Badge>
                </td>
                <td className="px-5 py-3 text-right">
                  {onRevoke && (grant.status === 'active' || grant.status === 'scheduled') && (
                    <Button variant="ghostDanger" size="sm" onClick={() => onRevoke(grant)}>
                      {g.grants.revoke}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

const loadAll = () => governanceApi.allGrants().then((r) => r.items);

/** Super admins: every grant, partner assignment and revocation. */
function AllGrants() {
  const { t } = useI18n();
  const s = t.governance.staffGrants;
  const { data: grants, reload } = useApiData(loadAll, '/staff/entrar');
  const [assigning, setAssigning] = useState(false);
  const [notice, setNotice] = useState('');
  return (
    <section className="mt-10" data-testid="staff-all-grants">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold text-slate-900">{s.allTitle}</h2>
          <p className="text-sm text-slate-600">{s.allSubtitle}</p>
        </div>
        <Button onClick={() => (setNotice(''), setAssigning(true))} testId="partner-assign-open">
          {s.assign}
        </Button>
      </div>
      <Alert tone="success" className="mb-3">
        {notice}
      </Alert>
      {grants && grants.length > 0 && (
        <GrantList
          grants={grants}
          onRevoke={async (grant) => {
            await governanceApi.staffRevokeGrant(grant.id).catch(() => undefined);
            setNotice(s.revoked);
            await reload();
          }}
        />
      )}
      {assigning && (
        <AssignPartnerModal
          onClose={() => setAssigning(false)}
          onAssigned={async (count) => {
            setAssigning(false);
            setNotice(interpolate(s.assigned, { count }));
            await reload();
          }}
        />
      )}
    </section>
  );
}

function AssignPartnerModal({
  onClose,
  onAssigned,
}: {
  onClose: () => void;
  onAssigned: (count: number) => void;
}) {
  const { t } = useI18n();
  const g = t.governance;
  const s = g.staffGrants;
  const { data: staff } = useApiData<StaffOption[]>(
    () => governanceApi.assignableStaff().then((r) => r.items),
    '/staff/entrar',
  );
  const { data: accounts } = useApiData<StaffAccount[]>(
    () => api.staffListAccounts('active').then((r) => r.items),
    '/staff/entrar',
  );
  const [staffId, setStaffId] = useState('');
  const [accountIds, setAccountIds] = useState<string[]>([]);
  const [scope, setScope] = useState<'read' | 'full'>('read');
  const [duration, setDuration] = useState<PartnerDuration>('d30');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [submitting, setSubmitting] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!staffId) local.staffId = g.grants.staffRequired;
    if (accountIds.length === 0) local.accountIds = s.accountsRequired;
    if (reason.trim().length < 3) local.reason = g.grants.reasonRequired;
    setErrors(local);
    if (Object.keys(local).length) return;
    setSubmitting(true);
    setFormError('');
    try {
      const res = await governanceApi.assignPartner({
        staffId,
        accountIds,
        scope,
        reason: reason.trim(),
        endsAt: endFrom(PARTNER_DURATIONS[duration]),
      });
      onAssigned(res.items.length);
    } catch (error) {
      setFormError(errorMessage(error, t));
      if (error instanceof ApiError) setErrors(error.fields);
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open
      onClose={onClose}
      title={s.assignTitle}
      size="lg"
      testId="partner-assign-modal"
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t.common.cancel}
          </Button>
          <Button
            type="submit"
            form="assign-partner-form"
            loading={submitting}
            testId="partner-assign-submit"
          >
            {s.assign}
          </Button>
        </>
      }
    >
      <form id="assign-partner-form" onSubmit={onSubmit} noValidate className="space-y-5">
        <Alert tone="error">{formError}</Alert>
        <FieldShell id="partner-staff" label={s.staffLabel} required error={errors.staffId}>
          <select
            id="partner-staff"
            className={inputClass(Boolean(errors.staffId))}
            value={staffId}
            onChange={(e) => setStaffId(e.target.value)}
          >
            <option value="">{g.grants.staffPlaceholder}</option>
            {staff?.map((m) => (
              <option key={m.id} value={m.id}>
                {m.fullName} ({m.email}) · {g.kind[m.role]}
              </option>
            ))}
          </select>
        </FieldShell>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">{s.accountsLabel}</legend>
          <p className="mb-2 text-xs text-slate-500">{s.accountsHint}</p>
          <div className="max-h-48 space-y-2 overflow-y-auto rounded-lg border border-slate-200 p-3">
            {accounts?.map((account) => (
              <Checkbox
                key={account.id}
                id={`partner-account-${account.id}`}
                label={account.name}
                checked={accountIds.includes(account.id)}
                onChange={(e) =>
                  setAccountIds((prev) =>
                    e.target.checked ? [...prev, account.id] : prev.filter((x) => x !== account.id),
                  )
                }
              />
            ))}
          </div>
          {errors.accountIds && <p className="mt-1 text-xs font-medium text-red-700">{errors.accountIds}</p>}
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <FieldShell id="partner-scope" label={g.grants.scopeLabel}>
            <select
              id="partner-scope"
              className={inputClass(false)}
              value={scope}
              onChange={(e) => setScope(e.target.value as 'read' | 'full')}
            >
              <option value="read">{g.scope.read}</option>
              <option value="full">{g.scope.full}</option>
            </select>
          </FieldShell>
          <FieldShell id="partner-duration" label={s.durationLabel}>
            <select
              id="partner-duration"
              className={inputClass(false)}
              value={duration}
              onChange={(e) => setDuration(e.target.value as PartnerDuration)}
            >
              {(Object.keys(PARTNER_DURATIONS) as PartnerDuration[]).map((key) => (
                <option key={key} value={key}>
                  {s.durations[key]}
                </option>
              ))}
            </select>
          </FieldShell>
        </div>
        <TextAreaField
          id="partner-reason"
          label={g.grants.reasonLabel}
          required
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={errors.reason}
        />
      </form>
    </Modal>
  );
}
