'use client';

import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Card, PageHeader, cx, focusRing, inputClass } from '@/components/ui';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { api, type Bucket, type MemberQuery, type TeamInvitation, type TeamMember } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime } from '@/lib/format';
import { useApiData } from '@/lib/hooks/use-api-data';
import { InviteModal } from './invite-modal';
import { BucketsModal, ConfirmModal, RoleModal, TransferModal } from './member-modals';

interface TeamData {
  members: TeamMember[];
  invitations: TeamInvitation[];
  buckets: Bucket[];
}

type Dialog =
  | { kind: 'invite' }
  | { kind: 'role' | 'buckets' | 'transfer'; member: TeamMember }
  | { kind: 'confirm'; message: string; label: string; danger?: boolean; run: () => Promise<void> }
  | null;

const roleTones = { owner: 'blue', admin: 'green', developer: 'gray', external_client: 'amber' } as const;

export function TeamView() {
  const { t } = useI18n();
  const [query, setQuery] = useState<MemberQuery>({});
  const [search, setSearch] = useState('');
  const queryRef = useRef(query);
  queryRef.current = query;
  const { data, error, loading, reload } = useApiData<TeamData>(async () => {
    const [members, invitations, buckets] = await Promise.all([
      api.listTeamMembers(queryRef.current),
      api.listInvitations(),
      api.listBuckets(),
    ]);
    return { members: members.items, invitations: invitations.items, buckets: buckets.items };
  });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState('');
  const [actionError, setActionError] = useState('');

  // Search as you type, a moment after the last key.
  useEffect(() => {
    const timer = setTimeout(() => setQuery((q) => ({ ...q, q: search.trim() || undefined })), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void reload();
  }, [query, reload]);

  async function done(message: string) {
    setDialog(null);
    setActionError('');
    await reload();
    setNotice(message);
  }

  function confirm(message: string, label: string, run: () => Promise<void>, danger = false) {
    setNotice('');
    setDialog({ kind: 'confirm', message, label, danger, run });
  }

  async function quick(run: () => Promise<unknown>, message: string) {
    setNotice('');
    setActionError('');
    try {
      await run();
      await done(message);
    } catch (err) {
      setActionError(errorMessage(err, t));
    }
  }

  const header = (
    <PageHeader
      title={t.team.title}
      subtitle={t.team.subtitle}
      actions={
        <Button
          onClick={() => {
            setNotice('');
            setDialog({ kind: 'invite' });
          }}
          disabled={!data}
          testId="team-invite-open"
        >
          <svg viewBox="0 0 20 20" fill="currentColor" className="size-4" aria-hidden="true">
            <path d="M10.75 4.75a.75.75 0 0 0-1.5 0v4.5h-4.5a.75.75 0 0 0 0 1.5h4.5v4.5a.75.75 0 0 0 1.5 0v-4.5h4.5a.75.75 0 0 0 0-1.5h-4.5v-4.5Z" />
          </svg>
          {t.team.invite}
        </Button>
      }
    />
  );

  if (!data) {
    return (
      <>
        {header}
        {error ? (
          <div className="space-y-3">
            <Alert tone="error" testId="team-error">
              {errorMessage(error, t)}
            </Alert>
            <Button variant="secondary" onClick={() => void reload()} loading={loading} testId="team-retry">
              {t.common.retry}
            </Button>
          </div>
        ) : (
          <Card className="p-10 text-center text-sm text-slate-500">
            <span aria-busy="true">{t.common.loading}</span>
          </Card>
        )}
      </>
    );
  }

  const statusLabel = (status: TeamMember['status']) =>
    status === 'active' ? t.team.statusActive : t.team.statusDisabled;

  return (
    <>
      {header}
      <div className="mb-4 space-y-3">
        <Alert tone="success" testId="team-notice">
          {notice}
        </Alert>
        <Alert tone="error" testId="team-action-error">
          {actionError}
        </Alert>
      </div>

      <section aria-labelledby="members-title" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="members-title" className="text-lg font-semibold text-slate-900">
            {t.team.membersTitle}{' '}
            <span className="text-sm font-normal text-slate-500">
              · {interpolate(t.team.memberCount, { count: data.members.length })}
            </span>
          </h2>
          <div className="flex flex-wrap gap-2">
            <div className="w-64">
              <input
                type="search"
                aria-label={t.team.filterSearch}
                placeholder={t.team.filterSearch}
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                data-testid="team-filter-search"
                className={inputClass(false)}
              />
            </div>
            <div className="w-48">
              <select
                aria-label={t.team.filterRole}
                value={query.role ?? ''}
                onChange={(e) =>
                  setQuery((q) => ({ ...q, role: (e.target.value || undefined) as MemberQuery['role'] }))
                }
                data-testid="team-filter-role"
                className={inputClass(false)}
              >
                <option value="">
                  {t.team.filterRole}: {t.team.filterAll}
                </option>
                {(['owner', 'admin', 'developer', 'external_client'] as const).map((role) => (
                  <option key={role} value={role}>
                    {t.portal.roles[role]}
                  </option>
                ))}
              </select>
            </div>
            <div className="w-44">
              <select
                aria-label={t.team.filterStatus}
                value={query.status ?? ''}
                onChange={(e) =>
                  setQuery((q) => ({ ...q, status: (e.target.value || undefined) as MemberQuery['status'] }))
                }
                data-testid="team-filter-status"
                className={inputClass(false)}
              >
                <option value="">
                  {t.team.filterStatus}: {t.team.filterAll}
                </option>
                <option value="active">{t.team.statusActive}</option>
                <option value="disabled">{t.team.statusDisabled}</option>
              </select>
            </div>
          </div>
        </div>

        {/* No overflow clipping here: the row menus open over what follows. */}
        <Card>
          <div>
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="team-members-table">
              <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="min-w-64 px-4 py-3">
                    {t.team.colMember}
                  </th>
                  <th scope="col" className="px-4 py-3">
                    {t.team.colRole}
                  </th>
                  <th scope="col" className="px-4 py-3">
                    {t.team.colStatus}
                  </th>
                  <th scope="col" className="px-4 py-3">
                    {t.team.colBuckets}
                  </th>
                  <th scope="col" className="px-4 py-3">
                    {t.team.colLastAccess}
                  </th>
                  <th scope="col" className="px-4 py-3 text-right">
                    <span className="sr-only">{t.common.actions}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {data.members.length === 0 && (
                  <tr>
                    <td
                      colSpan={6}
                      className="px-5 py-8 text-center text-slate-500"
                      data-testid="team-no-members"
                    >
                      {t.team.noMembers}
                    </td>
                  </tr>
                )}
                {data.members.map((member) => (
                  <tr key={member.id} data-testid={`member-row-${member.email}`} className="align-top">
                    <td className="px-4 py-3.5">
                      <p className="font-medium text-slate-900">
                        {member.fullName}
                        {member.isYou && (
                          <span className="ml-1.5 text-xs font-normal text-slate-500">({t.team.you})</span>
                        )}
                      </p>
                      <p className="break-all text-xs text-slate-500">{member.email}</p>
                    </td>
                    <td className="whitespace-nowrap px-4 py-3.5">
                      <Badge tone={roleTones[member.role]} testId={`member-role-${member.email}`}>
                        {t.portal.roles[member.role]}
                      </Badge>
                    </td>
                    <td className="whitespace-nowrap px-4 py-3.5">
                      <Badge
                        tone={member.status === 'active' ? 'green' : 'red'}
                        testId={`member-status-${member.email}`}
                      >
                        {statusLabel(member.status)}
                      </Badge>
                    </td>
                    <td className="px-4 py-3.5 text-slate-700">
                      {member.role !== 'external_client' ? (
                        <span className="text-slate-500">{t.team.allBuckets}</span>
                      ) : member.buckets.length === 0 ? (
                        <span className="text-slate-500">{t.team.noBuckets}</span>
                      ) : (
                        <ul className="space-y-1">
                          {member.buckets.map((b) => (
                            <li key={b.bucketId} className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
                              <span className="break-all font-mono text-xs">{b.name}</span>
                              <Badge tone={b.access === 'full' ? 'amber' : 'gray'}>
                                {t.team.access[b.access]}
                              </Badge>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="whitespace-nowrap px-4 py-3.5 text-slate-700">
                      {member.lastAccessAt ? formatDateTime(member.lastAccessAt) : t.common.never}
                    </td>
                    <td className="whitespace-nowrap px-4 py-3.5 text-right">
                      {!member.isYou && member.role !== 'owner' && (
                        <MemberActions
                          member={member}
                          onRole={() => setDialog({ kind: 'role', member })}
                          onBuckets={() => setDialog({ kind: 'buckets', member })}
                          onTransfer={() => setDialog({ kind: 'transfer', member })}
                          onDeactivate={() =>
                            confirm(
                              interpolate(t.team.confirmDeactivate, { name: member.fullName }),
                              t.team.deactivate,
                              async () => {
                                await api.deactivateMember(member.id);
                                await done(interpolate(t.team.deactivated, { name: member.fullName }));
                              },
                              true,
                            )
                          }
                          onReactivate={() =>
                            void quick(
                              () => api.reactivateMember(member.id),
                              interpolate(t.team.reactivated, { name: member.fullName }),
                            )
                          }
                          onLogout={() =>
                            confirm(
                              interpolate(t.team.confirmLogout, { name: member.fullName }),
                              t.team.forceLogout,
                              async () => {
                                await api.forceLogoutMember(member.id);
                                await done(interpolate(t.team.loggedOut, { name: member.fullName }));
                              },
                            )
                          }
                          onRemove={() =>
                            confirm(
                              interpolate(t.team.confirmRemove, { name: member.fullName }),
                              t.team.remove,
                              async () => {
                                await api.removeMember(member.id);
                                await done(interpolate(t.team.removed, { name: member.fullName }));
                              },
                              true,
                            )
                          }
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      </section>

      <section aria-labelledby="invitations-title" className="mt-10 space-y-3">
        <h2 id="invitations-title" className="text-lg font-semibold text-slate-900">
          {t.team.pendingTitle}
        </h2>
        {data.invitations.length === 0 ? (
          <Card className="px-6 py-8 text-center text-sm text-slate-500" testId="invitations-empty">
            {t.team.pendingEmpty}
          </Card>
        ) : (
          <Card className="overflow-hidden">
            <div className="overflow-x-auto">
              <table
                className="min-w-full divide-y divide-slate-200 text-sm"
                data-testid="team-invitations-table"
              >
                <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                  <tr>
                    <th scope="col" className="px-4 py-3">
                      {t.team.colEmail}
                    </th>
                    <th scope="col" className="px-4 py-3">
                      {t.team.colRole}
                    </th>
                    <th scope="col" className="px-4 py-3">
                      {t.team.colStatus}
                    </th>
                    <th scope="col" className="px-4 py-3">
                      {t.team.colExpires}
                    </th>
                    <th scope="col" className="px-4 py-3 text-right">
                      {t.team.colSent}
                    </th>
                    <th scope="col" className="px-4 py-3 text-right">
                      <span className="sr-only">{t.common.actions}</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 bg-white">
                  {data.invitations.map((invitation) => (
                    <tr
                      key={invitation.id}
                      data-testid={`invitation-row-${invitation.email}`}
                      className="align-top"
                    >
                      <td className="px-4 py-3.5">
                        <p className="font-medium text-slate-900">{invitation.email}</p>
                        {invitation.buckets.length > 0 && (
                          <p className="mt-0.5 text-xs text-slate-500">
                            {invitation.buckets
                              .map((b) => `${b.name} (${t.team.access[b.access]})`)
                              .join(', ')}
                          </p>
                        )}
                      </td>
                      <td className="whitespace-nowrap px-4 py-3.5">
                        <Badge tone={roleTones[invitation.role]}>{t.portal.roles[invitation.role]}</Badge>
                      </td>
                      <td className="whitespace-nowrap px-4 py-3.5">
                        <Badge
                          tone={invitation.status === 'pending' ? 'blue' : 'red'}
                          testId={`invitation-status-${invitation.email}`}
                        >
                          {invitation.status === 'pending' ? t.team.pending : t.team.expired}
                        </Badge>
                      </td>
                      <td className="whitespace-nowrap px-4 py-3.5 text-slate-700">
                        {formatDateTime(invitation.expiresAt)}
                      </td>
                      <td className="whitespace-nowrap px-4 py-3.5 text-right tabular-nums text-slate-700">
                        {invitation.sendCount}
                      </td>
                      <td className="whitespace-nowrap px-4 py-3.5 text-right">
                        <div className="flex justify-end gap-1">
                          <Button
                            variant="ghost"
                            size="sm"
                            onClick={() =>
                              void quick(
                                () => api.resendInvitation(invitation.id),
                                interpolate(t.team.resent, { email: invitation.email }),
                              )
                            }
                            testId={`invitation-resend-${invitation.email}`}
                          >
                            {t.team.resend}
                          </Button>
                          <Button
                            variant="ghostDanger"
                            size="sm"
                            onClick={() =>
                              void quick(
                                () => api.cancelInvitation(invitation.id),
                                interpolate(t.team.canceled, { email: invitation.email }),
                              )
                            }
                            testId={`invitation-cancel-${invitation.email}`}
                          >
                            {t.team.cancelInvite}
                          </Button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
        )}
      </section>

      <InviteModal
        open={dialog?.kind === 'invite'}
        buckets={data.buckets}
        onClose={() => setDialog(null)}
        onInvited={(invitation) => void done(interpolate(t.team.invited, { email: invitation.email }))}
      />
      {dialog?.kind === 'role' && (
        <RoleModal
          member={dialog.member}
          buckets={data.buckets}
          onClose={() => setDialog(null)}
          onDone={(m) => void done(interpolate(t.team.roleChanged, { name: m.fullName }))}
        />
      )}
      {dialog?.kind === 'buckets' && (
        <BucketsModal
          member={dialog.member}
          buckets={data.buckets}
          onClose={() => setDialog(null)}
          onDone={(m) => void done(interpolate(t.team.bucketsSaved, { name: m.fullName }))}
        />
      )}
      {dialog?.kind === 'transfer' && (
        <TransferModal
          member={dialog.member}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            // The caller is an admin now: the team page is no longer theirs.
            window.location.assign('/painel');
          }}
        />
      )}
      {dialog?.kind === 'confirm' && (
        <ConfirmModal
          message={dialog.message}
          confirmLabel={dialog.label}
          danger={dialog.danger}
          onClose={() => setDialog(null)}
          onConfirm={dialog.run}
        />
      )}
    </>
  );
}

/** The row's actions, in a small menu. */
function MemberActions({
  member,
  onRole,
  onBuckets,
  onTransfer,
  onDeactivate,
  onReactivate,
  onLogout,
  onRemove,
}: {
  member: TeamMember;
  onRole: () => void;
  onBuckets: () => void;
  onTransfer: () => void;
  onDeactivate: () => void;
  onReactivate: () => void;
  onLogout: () => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDetailsElement>(null);
  const id = member.email;

  useEffect(() => {
    const close = (event: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(event.target as Node)) ref.current.open = false;
    };
    document.addEventListener('click', close);
    return () => document.removeEventListener('click', close);
  }, []);

  const item = (label: string, testId: string, action: () => void, tone: 'normal' | 'danger' = 'normal') => (
    <button
      type="button"
      role="menuitem"
      data-testid={`${testId}-${id}`}
      onClick={() => {
        if (ref.current) ref.current.open = false;
        action();
      }}
      className={cx(
        'block w-full px-4 py-2 text-left text-sm',
        focusRing,
        tone === 'danger' ? 'text-red-700 hover:bg-red-50' : 'text-slate-700 hover:bg-slate-100',
      )}
    >
      {label}
    </button>
  );

  return (
    <details ref={ref} className="relative inline-block text-left">
      <summary
        data-testid={`member-actions-${id}`}
        aria-label={interpolate(t.team.actionsFor, { name: member.fullName })}
        className={cx(
          'inline-flex cursor-pointer list-none items-center gap-1 rounded-lg px-2.5 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 [&::-webkit-details-marker]:hidden',
          focusRing,
        )}
      >
        {t.common.actions}
        <svg viewBox="0 0 20 20" fill="currentColor" className="size-4" aria-hidden="true">
          <path
            fillRule="evenodd"
            d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z"
            clipRule="evenodd"
          />
        </svg>
      </summary>
      <div
        role="menu"
        className="absolute right-0 z-20 mt-1 w-60 overflow-hidden rounded-lg border border-slate-200 bg-white py-1 shadow-lg"
      >
        {item(t.team.changeRole, 'member-role-open', onRole)}
        {member.role === 'external_client' && item(t.team.editBuckets, 'member-buckets-open', onBuckets)}
        {member.role === 'admin' &&
          member.status === 'active' &&
          item(t.team.transfer, 'member-transfer-open', onTransfer)}
        {member.status === 'active' && item(t.team.forceLogout, 'member-logout', onLogout)}
        {member.status === 'active'
          ? item(t.team.deactivate, 'member-deactivate', onDeactivate, 'danger')
          : item(t.team.reactivate, 'member-reactivate', onReactivate)}
        {item(t.team.remove, 'member-remove', onRemove, 'danger')}
      </div>
    </details>
  );
}
