'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { Alert, Button, TextField } from '@/components/ui';
import { useI18n } from '@/i18n/provider';
import { ApiError } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { securityApi } from '@/lib/security-api';
import { PasswordChecklist } from './password-checklist';

function BackToLogin({ href = '/entrar' }: { href?: string }) {
  const { t } = useI18n();
  return (
    <p className="mt-8 text-center text-sm">
      <Link
        href={href}
        className="text-brand-700 underline-offset-2 hover:underline"
        data-testid="back-to-login"
      >
        {t.recover.backToLogin}
      </Link>
    </p>
  );
}

export function ForgotPasswordForm() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [submitting, setSubmitting] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError('');
    setFieldError('');
    if (!email.trim()) {
      setFieldError(t.login.emailRequired);
      return;
    }
    setSubmitting(true);
    try {
      await securityApi.forgotPassword(email.trim());
      setSent(true);
    } catch (err) {
      setError(errorMessage(err, t));
      if (err instanceof ApiError && err.fields.email) setFieldError(err.fields.email);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t.recover.title}</h1>
      <p className="mt-1 text-sm text-slate-600">{t.recover.subtitle}</p>
      {sent ? (
        <Alert tone="success" className="mt-8" testId="forgot-sent">
          {t.recover.sent}
        </Alert>
      ) : (
        <form onSubmit={onSubmit} noValidate className="mt-8 space-y-5" data-testid="forgot-form">
          <Alert tone="error" testId="forgot-error">
            {error}
          </Alert>
          <TextField
            id="email"
            type="email"
            label={t.recover.email}
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fieldError}
            testId="forgot-email"
          />
          <Button type="submit" size="lg" className="w-full" loading={submitting} testId="forgot-submit">
            {submitting ? t.recover.submitting : t.recover.submit}
          </Button>
        </form>
      )}
      <BackToLogin />
    </div>
  );
}

export function ResetPasswordForm({ token, loginHref }: { token: string; loginHref?: string }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError('');
    setFieldErrors({});
    if (password !== confirm) {
      setFieldErrors({ confirm: t.recover.mismatch });
      return;
    }
    setSubmitting(true);
    try {
      await securityApi.resetPassword(token, password);
      setDone(true);
    } catch (err) {
      setError(errorMessage(err, t));
      if (err instanceof ApiError) setFieldErrors(err.fields);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t.recover.resetTitle}</h1>
      <p className="mt-1 text-sm text-slate-600">{t.recover.resetSubtitle}</p>
      {!token ? (
        <Alert tone="error" className="mt-8" testId="reset-error">
          {t.recover.missingToken}
        </Alert>
      ) : done ? (
        <Alert tone="success" className="mt-8" testId="reset-done">
          {t.recover.resetDone}
        </Alert>
      ) : (
        <form onSubmit={onSubmit} noValidate className="mt-8 space-y-5" data-testid="reset-form">
          <Alert tone="error" testId="reset-error">
            {error}
          </Alert>
          <TextField
            id="password"
            type="password"
            label={t.recover.password}
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={fieldErrors.password}
            testId="reset-password"
            aria-describedby="reset-rules"
          />
          <PasswordChecklist id="reset-rules" password={password} />
          <TextField
            id="confirm"
            type="password"
            label={t.recover.confirm}
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            error={fieldErrors.confirm}
            testId="reset-confirm"
          />
          <Button type="submit" size="lg" className="w-full" loading={submitting} testId="reset-submit">
            {t.recover.resetSubmit}
          </Button>
        </form>
      )}
      <BackToLogin href={loginHref} />
    </div>
  );
}
