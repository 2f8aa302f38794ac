'use client';

import { useState, type FormEvent } from 'react';
import { browserSupportsWebAuthn, startAuthentication, startRegistration } from '@simplewebauthn/browser';
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
  // The passkey being removed: removal asks for the password and a second factor.
  const [removing, setRemoving] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
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

  function startRemove(id: string) {
    setError('');
    setNotice('');
    setPassword('');
    setCode('');
    setRemoving(id);
  }

  /** A code is TOTP (6 digits) or a recovery code; without one, a passkey ceremony proves the user. */
  async function proof(): Promise<Parameters<typeof securityApi.removePasskey>[1]> {
    const typed = code.trim();
    if (/^\d{6}$/.test(typed)) return { password, code: typed };
    if (typed) return { password, recoveryCode: typed };
    const options = await securityApi.passkeyReauthOptions();
    const assertion = await startAuthentication({
      optionsJSON: options as unknown as Parameters<typeof startAuthentication>[0]['optionsJSON'],
    });
    return {
      password,
      passkey: assertion as unknown as NonNullable<
        Parameters<typeof securityApi.removePasskey>[1]['passkey']
      >,
    };
  }

  async function onRemove(event: FormEvent) {
    event.preventDefault();
    if (!removing) return;
    setError('');
    setNotice('');
    if (!password) {
      setError(t.passkeys.passwordRequired);
      return;
    }
    setBusy(true);
    try {
      let body;
      try {
        body = await proof();
      } catch (err) {
        setError(
          err instanceof Error && err.name === 'NotAllowedError'
            ? t.passkeys.cancelled
            : errorMessage(err, t),
        );
        return;
      }
      await securityApi.removePasskey(removing, body);
      setRemoving(null);
      setNotice(t.passkeys.removed);
      await reload();
      await onChange?.();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
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
              <Button variant="secondary" size="sm" testId="passkey-remove" onClick={() => startRemove(p.id)}>
                {t.passkeys.remove}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {removing && (
        <form
          onSubmit={onRemove}
          noValidate
          className="mb-4 space-y-3 rounded-md border border-slate-200 p-4"
          data-testid="passkey-remove-form"
        >
          <h3 className="text-sm font-semibold text-slate-900">{t.passkeys.removeTitle}</h3>
          <p className="text-sm text-slate-600">{t.passkeys.removeHint}</p>
          <TextField
            id="passkey-remove-password"
            label={t.passkeys.removePassword}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            testId="passkey-remove-password"
          />
          <TextField
            id="passkey-remove-code"
            label={t.passkeys.removeCode}
            autoComplete="one-time-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            testId="passkey-remove-code"
          />
          <div className="flex gap-2">
            <Button type="submit" variant="danger" size="sm" loading={busy} testId="passkey-remove-confirm">
              {t.passkeys.removeConfirm}
            </Button>
            <Button type="button" variant="secondary" size="sm" onClick={() => setRemoving(null)}>
              {t.passkeys.removeCancel}
            </Button>
          </div>
        </form>
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
