'use client';

import Link from 'next/link';
import { useEffect, useState, type FormEvent } from 'react';
import { PasswordChecklist } from '@/features/auth/password-checklist';
import { Alert, Badge, Button, Card, TextField } from '@/components/ui';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { api, ApiError, type InvitationPreview } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime } from '@/lib/format';
import { useHydrated } from '@/lib/hooks/use-hydrated';
import { isValidFullName, isValidPassword } from '@/lib/validation';

type State =
  | { kind: 'loading' }
  | { kind: 'invalid'; message: string }
  | { kind: 'ready'; preview: InvitationPreview }
  | { kind: 'done'; email: string };

/** /convite?token=…: who invites, to what, with which role; then name and password. */
export function AcceptInvitationForm({ token }: { token: string }) {
  const { t } = useI18n();
  const hydrated = useHydrated();
  const [state, setState] = useState<State>(token ? { kind: 'loading' } : { kind: 'invalid', message: '' });
  const [fullName, setFullName] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!token) return;
    let live = true;
    api.previewInvitation(token).then(
      (preview) => live && setState({ kind: 'ready', preview }),
      (error: unknown) => live && setState({ kind: 'invalid', message: errorMessage(error, t) }),
    );
    return () => {
      live = false;
    };
  }, [token, t]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!isValidFullName(fullName)) errors.fullName = t.signup.errFullName;
    if (!isValidPassword(password)) errors.password = t.signup.errPassword;
    setFields(errors);
    setFormError('');
    if (Object.keys(errors).length) return;
    setSubmitting(true);
    try {
      const accepted = await api.acceptInvitation({ token, fullName: fullName.trim(), password });
      setState({ kind: 'done', email: accepted.email });
    } catch (error) {
      setFormError(errorMessage(error, t));
      if (error instanceof ApiError) setFields(error.fields);
      setSubmitting(false);
    }
  }

  if (state.kind === 'loading') {
    return (
      <p className="text-sm text-slate-600" aria-busy="true" data-testid="invitation-loading">
        {t.invitation.loading}
      </p>
    );
  }

  if (state.kind === 'invalid') {
    return (
      <div className="space-y-5" data-testid="invitation-invalid">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t.invitation.invalidTitle}</h1>
        <Alert tone="error" testId="invitation-invalid-message">
          {state.message || t.invitation.missingToken}
        </Alert>
        <Link
          href="/entrar"
          className="text-sm font-medium text-brand-700 hover:underline"
          data-testid="invitation-login-link"
        >
          {t.common.backToLogin}
        </Link>
      </div>
    );
  }

  if (state.kind === 'done') {
    return (
      <div className="space-y-5" data-testid="invitation-done">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t.invitation.doneTitle}</h1>
        <Alert tone="success" testId="invitation-done-message">
          {interpolate(t.invitation.done, { email: state.email })}
        </Alert>
        <Link
          href="/entrar"
          data-testid="invitation-sign-in"
          className="inline-flex w-full items-center justify-center rounded-lg bg-brand-600 px-5 py-2.5 text-base font-medium text-white shadow-sm hover:bg-brand-700"
        >
          {t.invitation.signIn}
        </Link>
      </div>
    );
  }

  const { preview } = state;
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t.invitation.title}</h1>
      <Card className="mt-4 space-y-2 p-4 text-sm text-slate-700" testId="invitation-summary">
        <p>
          {preview.invitedByName
            ? interpolate(t.invitation.intro, {
                inviter: preview.invitedByName,
                account: preview.accountName,
              })
            : interpolate(t.invitation.introNoInviter, { account: preview.accountName })}
        </p>
        <p data-testid="invitation-role">
          {interpolate(t.invitation.roleLine, { role: t.portal.roles[preview.role] })}
        </p>
        {preview.buckets.length > 0 && (
          <div>
            <p>{t.invitation.bucketsLine}</p>
            <ul className="mt-1 space-y-1">
              {preview.buckets.map((b) => (
                <li key={b.name} className="flex items-center gap-2">
                  <span className="font-mono text-xs">{b.name}</span>
                  <Badge tone={b.access === 'full' ? 'amber' : 'gray'}>{t.team.access[b.access]}</Badge>
                </li>
              ))}
            </ul>
          </div>
        )}
        <p className="text-xs text-slate-500">
          {interpolate(t.invitation.expiresLine, { date: formatDateTime(preview.expiresAt) })}
        </p>
      </Card>

      <form
        method="post"
        onSubmit={onSubmit}
        noValidate
        className="mt-6 space-y-5"
        data-testid="invitation-form"
      >
        <Alert tone="error" testId="invitation-error">
          {formError}
        </Alert>
        <TextField
          id="invitation-email"
          type="email"
          label={t.invitation.email}
          value={preview.email}
          readOnly
          disabled
          autoComplete="username"
          testId="invitation-email"
        />
        <TextField
          id="invitation-fullname"
          label={t.invitation.fullName}
          autoComplete="name"
          required
          value={fullName}
          onChange={(e) => setFullName(e.target.value)}
          error={fields.fullName}
          testId="invitation-fullname"
        />
        <TextField
          id="invitation-password"
          type="password"
          label={t.invitation.password}
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fields.password}
          aria-describedby="invitation-password-rules"
          testId="invitation-password"
        />
        <PasswordChecklist id="invitation-password-rules" password={password} />
        <Button
          type="submit"
          size="lg"
          className="w-full"
          disabled={!hydrated}
          loading={submitting}
          testId="invitation-submit"
        >
          {submitting ? t.invitation.submitting : t.invitation.submit}
        </Button>
      </form>
    </div>
  );
}
