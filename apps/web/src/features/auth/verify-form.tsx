'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, TextField } from '@/components/ui';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { api, ApiError } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { useHydrated } from '@/lib/hooks/use-hydrated';
import { isValidVerificationCode } from '@/lib/validation';

const RESEND_COOLDOWN_SECONDS = 30;

export function VerifyForm({ signupId, email }: { signupId: string; email: string }) {
  const { t } = useI18n();
  const hydrated = useHydrated();
  const router = useRouter();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState('');
  const [formError, setFormError] = useState('');
  const [errorCode, setErrorCode] = useState('');
  const [info, setInfo] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [resending, setResending] = useState(false);
  const [cooldown, setCooldown] = useState(0);

  useEffect(() => {
    if (cooldown <= 0) return;
    const timer = setTimeout(() => setCooldown((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [cooldown]);

  if (!signupId) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t.verify.title}</h1>
        <Alert tone="error" testId="verify-error">
          {t.verify.missingSignup}
        </Alert>
        <Link href="/cadastro" className="text-sm font-medium text-brand-700 hover:underline">
          {t.verify.restart}
        </Link>
      </div>
    );
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setInfo('');
    setFormError('');
    setErrorCode('');
    if (!isValidVerificationCode(code)) {
      setCodeError(t.verify.errCode);
      return;
    }
    setCodeError('');
    setSubmitting(true);
    try {
      await api.verifySignup({ signupId, code });
      router.push('/cadastro/recebido');
    } catch (error) {
      // The API's message already says how many attempts are left or that a new code is needed.
      if (error instanceof ApiError) {
        setErrorCode(error.code);
        if (error.fields.code) setCodeError(error.fields.code);
      }
      setFormError(errorMessage(error, t));
      setSubmitting(false);
    }
  }

  async function onResend() {
    setInfo('');
    setFormError('');
    setErrorCode('');
    setResending(true);
    try {
      await api.resendSignupCode({ signupId });
      setInfo(t.verify.resent);
      setCode('');
      setCooldown(RESEND_COOLDOWN_SECONDS);
    } catch (error) {
      setFormError(errorMessage(error, t));
    } finally {
      setResending(false);
    }
  }

  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t.verify.title}</h1>
      <p className="mt-1 text-sm text-slate-600" data-testid="verify-subtitle">
        {email ? interpolate(t.verify.subtitle, { email }) : t.verify.subtitleNoEmail}
      </p>

      <form method="post" onSubmit={onSubmit} noValidate className="mt-8 space-y-5" data-testid="verify-form">
        <Alert tone="error" testId="verify-error">
          {formError && (
            <>
              {formError}
              {errorCode === 'email_taken' && (
                <>
                  {' '}
                  <Link href="/entrar" className="font-medium underline">
                    {t.verify.emailTakenLogin}
                  </Link>
                </>
              )}
            </>
          )}
        </Alert>
        <Alert tone="success" testId="verify-info">
          {info}
        </Alert>
        <TextField
          id="code"
          label={t.verify.code}
          hint={t.verify.codeHint}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
          onPaste={(e) => {
            const pasted = e.clipboardData.getData('text').replace(/\D/g, '').slice(0, 6);
            if (pasted) {
              e.preventDefault();
              setCode(pasted);
            }
          }}
          error={codeError}
          testId="verify-code"
          className="text-center font-mono text-2xl tracking-[0.5em]"
        />
        <Button
          disabled={!hydrated}
          type="submit"
          size="lg"
          className="w-full"
          loading={submitting}
          testId="verify-submit"
        >
          {submitting ? t.verify.submitting : t.verify.submit}
        </Button>
        <div className="text-center">
          <Button
            variant="ghost"
            size="sm"
            onClick={onResend}
            loading={resending}
            disabled={cooldown > 0 || !hydrated}
            testId="verify-resend"
          >
            {resending
              ? t.verify.resending
              : cooldown > 0
                ? interpolate(t.verify.resendIn, { seconds: cooldown })
                : t.verify.resend}
          </Button>
        </div>
      </form>
    </div>
  );
}
