'use client';

import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Card, PageHeader, cx } from '@/components/ui';
import { useCanManageStorage } from '@/features/portal/session';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { api, type AccessKey, type AccessKeySecret, type AccessKeyStatus } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { formatDate, formatDateTime } from '@/lib/format';
import { useApiData } from '@/lib/hooks/use-api-data';
import { formatTimeLeft } from './countdown';
import { CreateKeyModal } from './create-key-modal';
import { KeyActionModal, type KeyAction } from './key-action-modal';
import { KeyActionsMenu } from './key-actions-menu';
import { RevokeKeyModal } from './revoke-key-modal';
import { SecretModal } from './secret-modal';

const loadKeys = () => api.listAccessKeys().then((res) => res.items);

const statusTone: Record<AccessKeyStatus, 'green' | 'gray' | 'red' | 'amber'> = {
  active: 'green',
  inactive: 'gray',
  revoked: 'red',
  expired: 'amber',
};

/** `highlightId`: the key the dashboard banner pointed to (its secret can still be revealed). */
export function KeysView({ highlightId }: { highlightId?: string }) {
  const { t } = useI18n();
  const canManage = useCanManageStorage();
  const { data: keys, error, loading, reload } = useApiData(loadKeys);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<AccessKey | null>(null);
  const [secret, setSecret] = useState<{ value: AccessKeySecret; mode: 'created' | 'revealed' } | null>(null);
  const [revealingId, setRevealingId] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [actionError, setActionError] = useState('');
  const [acting, setActing] = useState<{ action: KeyAction; key: AccessKey } | null>(null);
  const inGrace = keys?.some((key) => key.graceEndsAt !== null) ?? false;
  const now = useNow(inGrace);
  const byId = new Map(keys?.map((key) => [key.id, key]) ?? []);

  function clearMessages() {
    setNotice('');
    setActionError('');
  }

  async function reactivate(key: AccessKey) {
    clearMessages();
    try {
      await api.reactivateAccessKey(key.id);
      setNotice(interpolate(t.accessKeys.reactivated, { id: key.accessKeyId }));
    } catch (err) {
      setActionError(errorMessage(err, t));
    } finally {
      void reload();
    }
  }

  const revealable = keys?.find((key) => key.secretRevealable && key.status === 'active');

  async function reveal(key: AccessKey) {
    setNotice('');
    setActionError('');
    setRevealingId(key.id);
    try {
      const value = await api.revealAccessKey(key.id);
      setSecret({ value, mode: 'revealed' });
    } catch (err) {
      // 410: already revealed; the list refresh below hides the button.
      setActionError(errorMessage(err, t));
    } finally {
      setRevealingId(null);
      void reload();
    }
  }

  return (
    <>
      <PageHeader
        title={t.keys.title}
        subtitle={
          keys ? `${t.keys.subtitle} · ${interpolate(t.keys.count, { count: keys.length })}` : t.keys.subtitle
        }
        actions={
          canManage && (
            <Button
              onClick={() => {
                setNotice('');
                setActionError('');
                setCreating(true);
              }}
              testId="key-create-open"
            >
              <svg viewBox="0 0 20 20" fill="currentColor" className="size-4" aria-hidden="true">
                <path d="M10.75 4.75a.75.75 0 0 0-1.5 0v4.5h-4.5a.75.75 0 0 0 0 1.5h4.5v4.5a.75.75 0 0 0 1.5 0v-4.5h4.5a.75.75 0 0 0 0-1.5h-4.5v-4.5Z" />
              </svg>
              {t.keys.create}
            </Button>
          )
        }
      />

      <div className="mb-4 space-y-3">
        <Alert tone="success" testId="keys-notice">
          {notice}
        </Alert>
        <Alert tone="error" testId="keys-action-error">
          {actionError}
        </Alert>
        {!canManage && <Alert tone="info">{t.portal.readOnlyNotice}</Alert>}
        {revealable && canManage && (
          <div
            className="flex flex-col gap-4 rounded-xl border border-amber-300 bg-amber-50 p-5 sm:flex-row sm:items-center sm:justify-between"
            data-testid="first-key-callout"
          >
            <div>
              <p className="font-semibold text-amber-900">{t.dashboard.firstKeyTitle}</p>
              <p className="mt-1 text-sm text-amber-900/90">
                {t.keys.revealBannerHint}{' '}
                <code className="rounded bg-white/70 px-1 font-mono">{revealable.accessKeyId}</code>
              </p>
            </div>
            <Button
              variant="warning"
              className="shrink-0"
              onClick={() => void reveal(revealable)}
              loading={revealingId === revealable.id}
              testId="first-key-reveal"
            >
              {revealingId === revealable.id ? t.keys.revealing : t.keys.reveal}
            </Button>
          </div>
        )}
      </div>

      {error && !keys ? (
        <div className="space-y-3">
          <Alert tone="error" testId="keys-error">
            {errorMessage(error, t)}
          </Alert>
          <Button variant="secondary" onClick={() => void reload()} loading={loading}>
            {t.common.retry}
          </Button>
        </div>
      ) : !keys ? (
        <Card className="p-10 text-center text-sm text-slate-500">
          <span aria-busy="true">{t.common.loading}</span>
        </Card>
      ) : keys.length === 0 ? (
        <Card className="px-6 py-14 text-center" testId="keys-empty">
          <p className="text-base font-medium text-slate-900">{t.keys.empty}</p>
        </Card>
      ) : (
        // No overflow clipping here: the row menus open over what follows.
        <Card>
          <div>
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="keys-table">
              <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="py-3 pl-5 pr-3">
                    {t.accessKeys.colKey}
                  </th>
                  <th scope="col" className="px-3 py-3">
                    {t.keys.colStatus}
                  </th>
                  <th scope="col" className="px-3 py-3">
                    {t.accessKeys.colScope}
                  </th>
                  <th scope="col" className="px-3 py-3">
                    {t.keys.colCreatedAt}
                  </th>
                  <th scope="col" className="px-3 py-3">
                    {t.accessKeys.colExpiry}
                  </th>
                  <th scope="col" className="px-3 py-3">
                    {t.accessKeys.colLastUsed}
                  </th>
                  <th scope="col" className="py-3 pl-3 pr-5 text-right">
                    <span className="sr-only">{t.common.actions}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {keys.map((key) => {
                  const replaced = key.rotatedFromKeyId ? byId.get(key.rotatedFromKeyId) : undefined;
                  return (
                    <tr
                      key={key.id}
                      data-testid={`key-row-${key.accessKeyId}`}
                      data-key-name={key.name}
                      data-status={key.status}
                      className={cx(
                        'align-top',
                        key.id === highlightId && key.secretRevealable
                          ? 'bg-amber-50/60'
                          : 'hover:bg-slate-50/60',
                      )}
                    >
                      <td className="py-3.5 pl-5 pr-3">
                        <p className="font-medium text-slate-900">{key.name || '—'}</p>
                        <p className="mt-0.5 font-mono text-xs text-slate-600">{key.accessKeyId}</p>
                        {key.description && (
                          <p
                            className="mt-1 max-w-xs text-xs text-slate-500"
                            data-testid={`key-description-${key.accessKeyId}`}
                          >
                            {key.description}
                          </p>
                        )}
                        {replaced && (
                          <p className="mt-1 text-xs text-slate-500">
                            {interpolate(t.accessKeys.rotatedFrom, { id: replaced.accessKeyId })}
                          </p>
                        )}
                      </td>
                      <td className="whitespace-nowrap px-3 py-3.5">
                        <Badge
                          tone={statusTone[key.status] ?? 'gray'}
                          testId={`key-status-${key.accessKeyId}`}
                        >
                          {t.keys.status[key.status] ?? key.status}
                        </Badge>
                        {key.graceEndsAt && (
                          <p
                            className="mt-1.5 text-xs font-medium text-amber-800"
                            title={interpolate(t.accessKeys.graceTitle, {
                              date: formatDateTime(key.graceEndsAt),
                            })}
                            data-testid={`key-grace-${key.accessKeyId}`}
                          >
                            {interpolate(t.accessKeys.graceLeft, {
                              left: formatTimeLeft(new Date(key.graceEndsAt).getTime() - now),
                            })}
                          </p>
                        )}
                      </td>
                      <td className="px-3 py-3.5" data-testid={`key-scope-${key.accessKeyId}`}>
                        <ScopeCell scope={key.scope} />
                      </td>
                      <td className="whitespace-nowrap px-3 py-3.5 text-slate-700">
                        {formatDate(key.createdAt)}
                      </td>
                      <td
                        className="whitespace-nowrap px-3 py-3.5 text-slate-700"
                        data-testid={`key-expiry-${key.accessKeyId}`}
                      >
                        {key.expiresAt ? formatDate(key.expiresAt) : t.accessKeys.never}
                      </td>
                      <td className="whitespace-nowrap px-3 py-3.5 text-slate-700">
                        {key.lastUsedAt ? formatDateTime(key.lastUsedAt) : '—'}
                      </td>
                      <td className="whitespace-nowrap py-3.5 pl-3 pr-5 text-right">
                        {canManage && (
                          <KeyActionsMenu
                            accessKey={key}
                            onAction={(action) => {
                              clearMessages();
                              if (action === 'reveal') void reveal(key);
                              else if (action === 'reactivate') void reactivate(key);
                              else if (action === 'revoke') setRevoking(key);
                              else setActing({ action, key });
                            }}
                          />
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Card>
      )}

      <CreateKeyModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(value) => {
          setCreating(false);
          setSecret({ value, mode: 'created' });
          void reload();
        }}
      />
      <RevokeKeyModal
        accessKey={revoking}
        onClose={() => setRevoking(null)}
        onRevoked={async (key) => {
          setRevoking(null);
          await reload();
          setNotice(interpolate(t.keys.revoked, { id: key.accessKeyId }));
        }}
      />
      <KeyActionModal
        target={acting}
        onClose={() => setActing(null)}
        onDone={async (result) => {
          setActing(null);
          if (result.action === 'rotate') {
            setSecret({ value: result.rotated, mode: 'created' });
            setNotice(
              interpolate(t.accessKeys.rotated, {
                newId: result.rotated.key.accessKeyId,
                oldId: result.key.accessKeyId,
                date: result.rotated.previous.graceEndsAt
                  ? formatDateTime(result.rotated.previous.graceEndsAt)
                  : '—',
              }),
            );
          } else {
            setNotice(
              interpolate(result.action === 'endNow' ? t.accessKeys.endedNow : t.accessKeys.deactivated, {
                id: result.key.accessKeyId,
              }),
            );
          }
          await reload();
        }}
      />
      <SecretModal
        secret={secret?.value ?? null}
        mode={secret?.mode ?? 'created'}
        onClose={() => setSecret(null)}
      />
    </>
  );
}

/** Current time, ticking every second only while some key shows a grace countdown. */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}

function ScopeCell({ scope }: { scope: AccessKey['scope'] }) {
  const { t } = useI18n();
  if (scope === null) return <span className="text-slate-700">{t.accessKeys.allBuckets}</span>;
  if (scope.length === 0) return <span className="text-slate-500">{t.accessKeys.noBucketsLeft}</span>;
  return (
    <ul className="space-y-1">
      {scope.map((item) => (
        <li key={item.bucketId} className="flex items-center gap-2 whitespace-nowrap">
          <span className="font-mono text-xs text-slate-800">{item.bucketName}</span>
          <Badge tone={item.access === 'full' ? 'amber' : 'gray'}>{t.accessKeys.access[item.access]}</Badge>
        </li>
      ))}
    </ul>
  );
}
