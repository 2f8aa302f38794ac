'use client';

import Link from 'next/link';
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
  cx,
  focusRing,
  inputClass,
} from '@/components/ui';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { ApiError } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime } from '@/lib/format';
import { governanceApi, type Grant, type GrantStatus, type StaffOption } from '@/lib/governance-api';
import { useApiData } from '@/lib/hooks/use-api-data';
import { endFrom, GRANT_DURATIONS, type GrantDuration } from './duration';
import { GRANTS_CHANGED } from './grant-banner';

export const grantStatusTone: Record<GrantStatus, 'green' | 'gray' | 'red' | 'amber' | 'blue'> = {
  active: 'green',
  scheduled: 'blue',
  ended: 'gray',
  revoked: 'red',
};

const loadGrants = () => governanceApi.listGrants().then((r) => r.items);

/** The Owner's page: grant support access, see what was done under each grant, revoke at once. */
export function GrantsView() {
  const { t } = useI18n();
  const g = t.governance;
  const { data: grants, error, reload } = useApiData(loadGrants);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<Grant | null>(null);
  const [notice, setNotice] = useState('');

  const live = grants?.filter((x) => x.status === 'active' || x.status === 'scheduled') ?? [];
  const past = grants?.filter((x) => x.status === 'ended' || x.status === 'revoked') ?? [];

  return (
    <>
      <PageHeader
        title={g.grants.title}
        subtitle={g.grants.subtitle}
        actions={
          <Button onClick={() => (setNotice(''), setCreating(true))} testId="grant-create-open">
            {g.grants.create}
          </Button>
        }
      />
      <div className="mb-4 space-y-3">
        <Alert tone="success" testId="grants-notice">
          {notice}
        </Alert>
        {error !== undefined && !grants && <Alert tone="error">{errorMessage(error, t)}</Alert>}
      </div>
      {!grants ? (
        <Card className="p-10 text-center text-sm text-slate-500">{t.common.loading}</Card>
      ) : grants.length === 0 ? (
        <Card className="px-6 py-14 text-center text-slate-700" testId="grants-empty">
          {g.grants.empty}
        </Card>
      ) : (
        <div className="space-y-8">
          {live.length > 0 && (
            <GrantTable title={g.grants.active} grants={live} onRevoke={setRevoking} testId="grants-active" />
          )}
          {past.length > 0 && <GrantTable title={g.grants.past} grants={past} testId="grants-past" />}
        </div>
      )}
      <CreateGrantModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={async (grant) => {
          setCreating(false);
          setNotice(
            interpolate(g.grants.created, {
              staff: grant.staff.fullName,
              date: formatDateTime(grant.endsAt),
            }),
          );
          window.dispatchEvent(new Event(GRANTS_CHANGED));
          await reload();
        }}
      />
      <RevokeGrantModal
        grant={revoking}
        onClose={() => setRevoking(null)}
        onRevoked={async (grant) => {
          setRevoking(null);
          setNotice(interpolate(g.grants.revoked, { staff: grant.staff.fullName }));
          window.dispatchEvent(new Event(GRANTS_CHANGED));
          await reload();
        }}
      />
    </>
  );
}

function GrantTable({
  title,
  grants,
  onRevoke,
  testId,
}: {
  title: string;
  grants: Grant[];
  onRevoke?: (grant: Grant) => void;
  testId: string;
}) {
  const { t } = useI18n();
  const g = t.governance;
  return (
    <section>
      <h2 className="mb-3 text-base font-semibold text-slate-900">{title}</h2>
      <Card className="overflow-hidden">
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid={testId}>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
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
                  {g.grants.colReason}
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
                <tr key={grant.id} data-testid={`grant-row-${grant.staff.email}`} data-status={grant.status}>
                  <td className="whitespace-nowrap px-5 py-3.5">
                    <p className="font-medium text-slate-900">{grant.staff.fullName}</p>
                    <p className="text-xs text-slate-500">
                      {grant.staff.email} · {g.kind[grant.kind]}
                    </p>
                  </td>
                  <td className="whitespace-nowrap px-5 py-3.5">
                    <Badge tone={grant.scope === 'full' ? 'amber' : 'blue'}>{g.scope[grant.scope]}</Badge>
                  </td>
                  <td className="whitespace-nowrap px-5 py-3.5 text-slate-700">
                    {formatDateTime(grant.startsAt)}
                    <span className="text-slate-400"> → </span>
                    {formatDateTime(grant.revokedAt ?? grant.endsAt)}
                  </td>
                  <td className="min-w-[14rem] max-w-sm px-5 py-3.5 text-slate-700">
                    <p className="line-clamp-2" title={grant.reason}>
                      {grant.reason}
                    </p>
                    {grant.createdBy && (
                      <p className="text-xs text-slate-500">
                        {interpolate(g.grants.createdBy, { name: grant.createdBy })}
                      </p>
                    )}
                  </td>
                  <td className="whitespace-nowrap px-5 py-3.5">
                    <Badge tone={grantStatusTone[grant.status]} testId={`grant-status-${grant.staff.email}`}>
                      {g.status[grant.status]}
                    </Badge>
                  </td>
                  <td className="whitespace-nowrap px-5 py-3.5 text-right">
                    <div className="flex items-center justify-end gap-1">
                      <Link
                        href={`/painel/auditoria?grantId=${grant.id}`}
                        className={cx(
                          'rounded-lg px-2.5 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50',
                          focusRing,
                        )}
                        data-testid={`grant-activity-${grant.staff.email}`}
                      >
                        {interpolate(g.grants.viewActivity, { count: grant.actionCount })}
                      </Link>
                      {onRevoke && (
                        <Button
                          variant="ghostDanger"
                          size="sm"
                          onClick={() => onRevoke(grant)}
                          testId={`grant-revoke-${grant.staff.email}`}
                        >
                          {g.grants.revoke}
                        </Button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </section>
  );
}

function CreateGrantModal(props: { open: boolean; onClose: () => void; onCreated: (grant: Grant) => void }) {
  return <CreateGrantBody {...props} key={props.open ? 'open' : 'closed'} />;
}

function CreateGrantBody({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (grant: Grant) => void;
}) {
  const { t } = useI18n();
  const g = t.governance;
  const { data: staff } = useApiData<StaffOption[]>(() =>
    open ? governanceApi.supportStaff().then((r) => r.items) : Promise.resolve([]),
  );
  const [staffId, setStaffId] = useState('');
  const [scope, setScope] = useState<'read' | 'full'>('read');
  const [duration, setDuration] = useState<GrantDuration>('h4');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [submitting, setSubmitting] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!staffId) local.staffId = g.grants.staffRequired;
    if (reason.trim().length < 3) local.reason = g.grants.reasonRequired;
    setErrors(local);
    setFormError('');
    if (Object.keys(local).length) return;
    setSubmitting(true);
    try {
      onCreated(
        await governanceApi.createGrant({
          staffId,
          scope,
          reason: reason.trim(),
          endsAt: endFrom(GRANT_DURATIONS[duration]),
        }),
      );
    } catch (error) {
      setFormError(errorMessage(error, t));
      if (error instanceof ApiError) setErrors(error.fields);
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open={open}
      onClose={onClose}
      title={g.grants.createTitle}
      size="lg"
      testId="grant-create-modal"
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t.common.cancel}
          </Button>
          <Button type="submit" form="create-grant-form" loading={submitting} testId="grant-create-submit">
            {submitting ? g.grants.submitting : g.grants.submit}
          </Button>
        </>
      }
    >
      <form id="create-grant-form" onSubmit={onSubmit} noValidate className="space-y-5">
        <Alert tone="error" testId="grant-create-error">
          {formError}
        </Alert>
        <FieldShell id="grant-staff" label={g.grants.staffLabel} required error={errors.staffId}>
          <select
            id="grant-staff"
            data-testid="grant-staff-select"
            className={inputClass(Boolean(errors.staffId))}
            value={staffId}
            onChange={(e) => setStaffId(e.target.value)}
          >
            <option value="">{staff?.length === 0 ? g.grants.noStaff : g.grants.staffPlaceholder}</option>
            {staff?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.fullName} ({s.email})
              </option>
            ))}
          </select>
        </FieldShell>
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-800">{g.grants.scopeLabel}</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {(['read', 'full'] as const).map((value) => (
              <label
                key={value}
                className={cx(
                  'flex cursor-pointer gap-3 rounded-lg border p-3 text-sm',
                  scope === value ? 'border-brand-600 bg-brand-50' : 'border-slate-300 hover:bg-slate-50',
                )}
              >
                <input
                  type="radio"
                  name="grant-scope"
                  value={value}
                  checked={scope === value}
                  onChange={() => setScope(value)}
                  data-testid={`grant-scope-${value}`}
                  className="mt-0.5 accent-brand-600"
                />
                <span>
                  <span className="block font-medium text-slate-900">{g.scope[value]}</span>
                  <span className="text-slate-600">{g.scopeHint[value]}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <FieldShell
          id="grant-duration"
          label={g.grants.durationLabel}
          hint={interpolate(g.grants.startsNow, {
            date: formatDateTime(Date.now() + GRANT_DURATIONS[duration]),
          })}
        >
          <select
            id="grant-duration"
            data-testid="grant-duration-select"
            className={inputClass(false)}
            value={duration}
            onChange={(e) => setDuration(e.target.value as GrantDuration)}
          >
            {(Object.keys(GRANT_DURATIONS) as GrantDuration[]).map((key) => (
              <option key={key} value={key}>
                {g.grants.durations[key]}
              </option>
            ))}
          </select>
        </FieldShell>
        <TextAreaField
          id="grant-reason"
          label={g.grants.reasonLabel}
          hint={g.grants.reasonHint}
          required
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={errors.reason}
          testId="grant-reason-input"
        />
      </form>
    </Modal>
  );
}

function RevokeGrantModal({
  grant,
  onClose,
  onRevoked,
}: {
  grant: Grant | null;
  onClose: () => void;
  onRevoked: (grant: Grant) => void;
}) {
  const { t } = useI18n();
  const g = t.governance;
  const [pending, setPending] = useState(false);
  const [error, setError] = useState('');
  async function revoke() {
    if (!grant) return;
    setPending(true);
    setError('');
    try {
      await governanceApi.revokeGrant(grant.id);
      onRevoked(grant);
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setPending(false);
    }
  }
  return (
    <Modal
      open={grant !== null}
      onClose={onClose}
      title={g.grants.revokeTitle}
      testId="grant-revoke-modal"
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t.common.cancel}
          </Button>
          <Button
            variant="danger"
            onClick={() => void revoke()}
            loading={pending}
            testId="grant-revoke-confirm"
          >
            {pending ? g.grants.revoking : g.grants.revokeSubmit}
          </Button>
        </>
      }
    >
      <Alert tone="error">{error}</Alert>
      <p className="text-sm text-slate-700">
        {interpolate(g.grants.revokeText, { staff: grant?.staff.fullName ?? '' })}
      </p>
    </Modal>
  );
}
