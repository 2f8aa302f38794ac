'use client';

import { useState, type FormEvent } from 'react';
import { browserSupportsWebAuthn, startRegistration } from '@simplewebauthn/browser';
import { Alert, Button, Card, TextField } from '@/components/ui';
import { useI18n } from '@/i18n/provider';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime } from '@/lib/format';
import { useApiData } from '@/lib/hooks/use-api-data';
import { securityApi } from '@/lib/security-api';

/** Passkeys (WebAuthn) as a second factor: add with the browser ceremony, list, remove. */
/** onChange: the security overview reloads (a first passkey can satisfy the account's 2FA rule). */
export function PasskeysSection({ onChange }: { onChange?: () => Promise<void> } = {}) {
  const { t } = useI18n();
  const { data, reload } = useApiData(() => securityApi.passkeys());
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const items = data?.passkeys ?? [];

  async function onAdd(event: FormEvent) {
    event.preventDefault();
    setError('');
    setNotice('');
    if (!name.trim()) {
      setError(t.passkeys.nameRequired);
      return;
    }
    if (!browserSupportsWebAuthn()) {
      setError(t.passkeys.unsupported);
      return;
    }
    setBusy(true);
    try {
      const options = await securityApi.passkeyOptions();
      let response;
      try {
        response = await startRegistration({
          optionsJSON: options as unknown as Parameters<typeof startRegistration>[0]['optionsJSON'],
        });
      } catch {
        setError(t.passkeys.cancelled);
        return;
      }
      await securityApi.registerPasskey(
        name.trim(),
        response as unknown as Parameters<typeof securityApi.registerPasskey>[1],
      );
      setName('');
      setNotice(t.passkeys.added);
      await reload();
      await onChange?.();
      await onChange?.();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  async function onRemove(id: string) {
    setError('');
    setNotice('');
    try {
      await securityApi.removePasskey(id);
      setNotice(t.passkeys.removed);
    } catch (err) {
      setError(errorMessage(err, t));
    }
    await reload();
  }

  return (
    <Card className="p-5 sm:p-6" testId="passkeys-section">
      <h2 className="mb-2 text-base font-semibold text-slate-900">{t.passkeys.title}</h2>
      <p className="mb-4 text-sm text-slate-600">{t.passkeys.intro}</p>
      <Alert tone="error" className="mb-3" testId="passkeys-error">
        {error}
      </Alert>
      <Alert tone="success" className="mb-3" testId="passkeys-notice">
        {notice}
      </Alert>
      {items.length === 0 ? (
        <p className="mb-4 text-sm text-slate-500" data-testid="passkeys-empty">
          {t.passkeys.empty}
        </p>
      ) : (
        <ul className="mb-4 divide-y divide-slate-100" data-testid="passkeys-list">
          {items.map((p) => (
            <li
              key={p.id}
              className="flex items-center justify-between gap-3 py-2.5"
              data-testid="passkey-row"
            >
              <div className="text-sm">
                <div className="font-medium text-slate-900" data-testid="passkey-name">
                  {p.name}
                </div>
                <div className="text-slate-500">
                  {t.passkeys.created} {formatDateTime(p.createdAt)} ·{' '}
                  {p.lastUsedAt ? `${t.passkeys.lastUsed} ${formatDateTime(p.lastUsedAt)}` : t.passkeys.never}
                </div>
              </div>
              <Button variant="secondary" size="sm" testId="passkey-remove" onClick={() => onRemove(p.id)}>
                {t.passkeys.remove}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={onAdd}
        noValidate
        className="flex flex-wrap items-end gap-3"
        data-testid="passkey-add-form"
      >
        <div className="min-w-[16rem] flex-1">
          <TextField
            id="passkey-name"
            label={t.passkeys.name}
            placeholder={t.passkeys.namePlaceholder}
            maxLength={60}
            value={name}
            onChange={(e) => setName(e.target.value)}
            testId="passkey-name-input"
          />
        </div>
        <Button type="submit" loading={busy} testId="passkey-add">
          {busy ? t.passkeys.adding : t.passkeys.add}
        </Button>
      </form>
    </Card>
  );
}
