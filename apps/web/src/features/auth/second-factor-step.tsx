'use client';

import { useState, type FormEvent } from 'react';
import { Alert, Button, TextField } from '@/components/ui';
import { useI18n } from '@/i18n/provider';
import { ApiError } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';

type Proof = { challengeToken: string; code?: string; recoveryCode?: string };

/**
 * Second login step (customer and staff): a TOTP code or a recovery code; for customers with a
 * passkey, also the "Use passkey" browser ceremony (`signInWithPasskey`).
 */
export function SecondFactorStep<R>({
  challengeToken,
  submit,
  onDone,
  onRestart,
  signInWithPasskey,
  codesAllowed = true,
}: {
  challengeToken: string;
  submit: (body: Proof) => Promise<R>;
  onDone: (result: R) => void;
  onRestart: () => void;
  signInWithPasskey?: () => Promise<R>;
  /** False when the account has only a passkey (no authenticator app, no recovery codes). */
  codesAllowed?: boolean;
}) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'totp' | 'recovery'>('totp');
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [submitting, setSubmitting] = useState(false);

  async function onPasskey() {
    if (!signInWithPasskey) return;
    setSubmitting(true);
    setError('');
    try {
      onDone(await signInWithPasskey());
    } catch (err) {
      setError(err instanceof ApiError ? errorMessage(err, t) : t.secLogin.passkeyFailed);
      setSubmitting(false);
      if (err instanceof ApiError && err.code === 'second_factor_expired') setTimeout(onRestart, 2500);
    }
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!code.trim()) {
      setError(t.secLogin.codeRequired);
      return;
    }
    setSubmitting(true);
    setError('');
    try {
      const body: Proof =
        mode === 'totp'
          ? { challengeToken, code: code.trim() }
          : { challengeToken, recoveryCode: code.trim() };
      onDone(await submit(body));
    } catch (err) {
      setError(errorMessage(err, t));
      setSubmitting(false);
      // A dead challenge (expired, or 5 wrong codes) needs the password again.
      if (err instanceof ApiError && err.code === 'second_factor_expired') setTimeout(onRestart, 2500);
    }
  }

  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t.secLogin.secondFactorTitle}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {codesAllowed ? t.secLogin.secondFactorSubtitle : t.secLogin.passkeySubtitle}
      </p>
      {!codesAllowed && (
        <Alert tone="error" className="mt-8" testId="second-factor-error">
          {error}
        </Alert>
      )}
      {codesAllowed && (
        <form onSubmit={onSubmit} noValidate className="mt-8 space-y-5" data-testid="second-factor-form">
          <Alert tone="error" testId="second-factor-error">
            {error}
          </Alert>
          <TextField
            id="code"
            label={mode === 'totp' ? t.secLogin.code : t.secLogin.recoveryCode}
            autoComplete="one-time-code"
            inputMode={mode === 'totp' ? 'numeric' : 'text'}
            maxLength={mode === 'totp' ? 6 : 16}
            autoFocus
            value={code}
            onChange={(e) => setCode(e.target.value)}
            className={mode === 'totp' ? 'font-mono tracking-[0.4em]' : 'font-mono'}
            testId="second-factor-code"
          />
          <Button
            type="submit"
            size="lg"
            className="w-full"
            loading={submitting}
            testId="second-factor-submit"
          >
            {submitting ? t.secLogin.verifying : t.secLogin.verify}
          </Button>
        </form>
      )}
      {signInWithPasskey && (
        <Button
          type="button"
          variant={codesAllowed ? 'secondary' : 'primary'}
          size="lg"
          className="mt-3 w-full"
          disabled={submitting}
          onClick={onPasskey}
          testId="second-factor-passkey"
        >
          {t.secLogin.usePasskey}
        </Button>
      )}
      <div className="mt-6 flex items-center justify-between text-sm">
        {codesAllowed ? (
          <button
            type="button"
            className="text-brand-700 underline-offset-2 hover:underline"
            onClick={() => {
              setMode(mode === 'totp' ? 'recovery' : 'totp');
              setCode('');
              setError('');
            }}
            data-testid="second-factor-switch"
          >
            {mode === 'totp' ? t.secLogin.useRecovery : t.secLogin.useTotp}
          </button>
        ) : (
          <span />
        )}
        <button
          type="button"
          className="text-slate-500 underline-offset-2 hover:underline"
          onClick={onRestart}
        >
          {t.secLogin.back}
        </button>
      </div>
    </div>
  );
}
