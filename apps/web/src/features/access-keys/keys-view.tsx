'use client';

import { useState } from 'react';
import { Alert, Badge, Button, Card, PageHeader, cx } from '@/components/ui';
import { useCanManageStorage } from '@/features/portal/session';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { api, type AccessKey, type AccessKeySecret, type AccessKeyStatus } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { formatDate } from '@/lib/format';
import { useApiData } from '@/lib/hooks/use-api-data';
import { CreateKeyModal } from './create-key-modal';
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
        <Card className="overflow-hidden">
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="keys-table">
              <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-5 py-3">
                    {t.keys.colAccessKeyId}
                  </th>
                  <th scope="col" className="px-5 py-3">
                    {t.keys.colName}
                  </th>
                  <th scope="col" className="px-5 py-3">
                    {t.keys.colStatus}
                  </th>
                  <th scope="col" className="px-5 py-3">
                    {t.keys.colCreatedAt}
                  </th>
                  <th scope="col" className="px-5 py-3 text-right">
                    <span className="sr-only sm:not-sr-only">{t.common.actions}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {keys.map((key) => (
                  <tr
                    key={key.id}
                    data-testid={`key-row-${key.accessKeyId}`}
                    data-key-name={key.name}
                    data-status={key.status}
                    className={cx(
                      key.id === highlightId && key.secretRevealable
                        ? 'bg-amber-50/60'
                        : 'hover:bg-slate-50/60',
                    )}
                  >
                    <td className="whitespace-nowrap px-5 py-3.5 font-mono font-medium text-slate-900">
                      {key.accessKeyId}
                    </td>
                    <td className="px-5 py-3.5 text-slate-700">{key.name || '—'}</td>
                    <td className="whitespace-nowrap px-5 py-3.5">
                      <Badge tone={statusTone[key.status] ?? 'gray'} testId={`key-status-${key.accessKeyId}`}>
                        {t.keys.status[key.status] ?? key.status}
                      </Badge>
                    </td>
                    <td className="whitespace-nowrap px-5 py-3.5 text-slate-700">
                      {formatDate(key.createdAt)}
                    </td>
                    <td className="whitespace-nowrap px-5 py-3.5 text-right">
                      {canManage && key.status !== 'revoked' && (
                        <div className="flex justify-end gap-1">
                          {key.secretRevealable && (
                            <Button
                              variant="ghostWarning"
                              size="sm"
                              onClick={() => void reveal(key)}
                              loading={revealingId === key.id}
                              testId={`key-reveal-${key.accessKeyId}`}
                            >
                              {t.keys.reveal}
                            </Button>
                          )}
                          <Button
                            variant="ghostDanger"
                            size="sm"
                            aria-label={interpolate(t.keys.revokeAria, { id: key.accessKeyId })}
                            onClick={() => {
                              setNotice('');
                              setActionError('');
                              setRevoking(key);
                            }}
                            testId={`key-revoke-${key.accessKeyId}`}
                          >
                            {t.keys.revoke}
                          </Button>
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
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
      <SecretModal
        secret={secret?.value ?? null}
        mode={secret?.mode ?? 'created'}
        onClose={() => setSecret(null)}
      />
    </>
  );
}
