'use client';

import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Card, PageHeader, TextField, inputClass } from '@/components/ui';
import { useI18n } from '@/i18n/provider';
import { ApiError } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime } from '@/lib/format';
import { useApiData } from '@/lib/hooks/use-api-data';
import { securityApi, type StaffMemberItem } from '@/lib/security-api';

type Role = StaffMemberItem['role'];
const ROLES: Role[] = ['super_admin', 'support', 'partner'];

/** Super admins manage the provider's staff. */
export function StaffTeamView() {
  const { t } = useI18n();
  const s = t.staffSecurity;
  const { data, reload } = useApiData(() => securityApi.staffMembers(), '/staff/entrar');
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('support');
  const [error, setError] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  async function act(action: () => Promise<unknown>, message = '') {
    setError('');
    setNotice('');
    try {
      await action();
      setNotice(message);
    } catch (err) {
      setError(errorMessage(err, t));
      if (err instanceof ApiError) setFields(err.fields);
    }
    await reload();
  }

  async function onCreate(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setFields({});
    await act(async () => {
      await securityApi.staffCreateMember({ fullName, email, role });
      setFullName('');
      setEmail('');
    }, s.added);
    setBusy(false);
  }

  return (
    <>
      <PageHeader title={s.teamTitle} subtitle={s.teamSubtitle} />
      <Alert tone="error" className="mb-4" testId="staff-team-error">
        {error}
      </Alert>
      <Alert tone="success" className="mb-4" testId="staff-team-notice">
        {notice}
      </Alert>
      <Card className="mb-6 p-5 sm:p-6">
        <form
          onSubmit={onCreate}
          noValidate
          className="grid items-end gap-4 sm:grid-cols-[1fr_1fr_12rem_auto]"
        >
          <TextField
            id="staff-new-name"
            label={s.name}
            value={fullName}
            onChange={(e) => setFullName(e.target.value)}
            error={fields.fullName}
            testId="staff-new-name"
          />
          <TextField
            id="staff-new-email"
            type="email"
            label={s.email}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fields.email}
            testId="staff-new-email"
          />
          <div className="space-y-1.5">
            <label htmlFor="staff-new-role" className="block text-sm font-medium text-slate-800">
              {s.role}
            </label>
            <select
              id="staff-new-role"
              className={inputClass(false)}
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
              data-testid="staff-new-role"
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {s.roles[r]}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" loading={busy} testId="staff-new-submit">
            {busy ? s.adding : s.add}
          </Button>
        </form>
      </Card>
      <Card className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-5 py-3 font-medium">{s.name}</th>
              <th className="px-5 py-3 font-medium">{s.role}</th>
              <th className="px-5 py-3 font-medium">{s.twoFactor}</th>
              <th className="px-5 py-3 font-medium">{s.status}</th>
              <th className="px-5 py-3 font-medium">{t.securityPage.lastSeen}</th>
              <th className="px-5 py-3" />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {(data?.items ?? []).map((m) => (
              <tr key={m.id} data-testid={`staff-member-${m.email}`}>
                <td className="px-5 py-3">
                  <p className="font-medium text-slate-900">{m.fullName}</p>
                  <p className="text-xs text-slate-500">{m.email}</p>
                </td>
                <td className="px-5 py-3">
                  <select
                    aria-label={s.role}
                    className={`${inputClass(false)} py-1`}
                    value={m.role}
                    onChange={(e) => act(() => securityApi.staffSetMemberRole(m.id, e.target.value as Role))}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {s.roles[r]}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="px-5 py-3">
                  <Badge tone={m.twoFactorEnabled ? 'green' : 'amber'}>
                    {m.twoFactorEnabled ? s.yes : s.no}
                  </Badge>
                </td>
                <td className="px-5 py-3">
                  <Badge tone={m.status === 'active' ? 'green' : 'gray'}>
                    {m.status === 'active' ? s.active : s.disabled}
                  </Badge>
                </td>
                <td className="px-5 py-3 text-slate-600">
                  {m.lastLoginAt ? formatDateTime(m.lastLoginAt) : '—'}
                </td>
                <td className="px-5 py-3 text-right">
                  {m.status === 'active' ? (
                    <Button
                      size="sm"
                      variant="ghostDanger"
                      onClick={() => act(() => securityApi.staffDisableMember(m.id))}
                    >
                      {s.disable}
                    </Button>
                  ) : (
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={() => act(() => securityApi.staffEnableMember(m.id))}
                    >
                      {s.enable}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
