'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert, Button, TextField } from '@/components/ui';
import { useI18n } from '@/i18n/provider';
import { ApiError } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { useHydrated } from '@/lib/hooks/use-hydrated';
import { solveCaptcha } from '@/features/auth/login-form';
import { SecondFactorStep } from '@/features/auth/second-factor-step';
import { securityApi } from '@/lib/security-api';

export function StaffLoginForm() {
  const { t } = useI18n();
  const hydrated = useHydrated();
  const router = useRouter();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [captchaNeeded, setCaptchaNeeded] = useState(false);
  const [challengeToken, setChallengeToken] = useState<string | null>(null);

  function signedIn(enrolmentRequired?: boolean) {
    // /staff sends each role to its home (super admins: sign-ups; support/partners: their grants).
    router.replace(enrolmentRequired ? '/staff/ativar-2fa' : '/staff');
    router.refresh();
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!email.trim()) errors.email = t.login.emailRequired;
    if (!password) errors.password = t.login.passwordRequired;
    setFieldErrors(errors);
    setFormError('');
    if (Object.keys(errors).length > 0) return;
    setSubmitting(true);
    try {
      const captcha = captchaNeeded ? await solveCaptcha(email.trim()) : undefined;
      const result = await securityApi.staffLogin({ email: email.trim(), password, captcha });
      if ('secondFactorRequired' in result) {
        setChallengeToken(result.challengeToken);
        setSubmitting(false);
        return;
      }
      signedIn(result.twoFactorEnrolmentRequired);
    } catch (error) {
      setFormError(errorMessage(error, t));
      if (error instanceof ApiError) {
        setFieldErrors(error.fields);
        const body = error.body as { captchaRequired?: boolean };
        if (body.captchaRequired !== undefined) setCaptchaNeeded(body.captchaRequired);
      }
      setSubmitting(false);
    }
  }

  if (challengeToken) {
    return (
      <SecondFactorStep
        challengeToken={challengeToken}
        submit={(body) => securityApi.staffSecondFactor(body)}
        onDone={() => signedIn(false)}
        onRestart={() => {
          setChallengeToken(null);
          setPassword('');
        }}
      />
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5" data-testid="staff-login-form">
      <Alert tone="error" testId="staff-login-error">
        {formError}
      </Alert>
      <TextField
        id="staff-email"
        type="email"
        label={t.staff.email}
        autoComplete="username"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={fieldErrors.email}
        testId="staff-login-email"
      />
      <TextField
        id="staff-password"
        type="password"
        label={t.staff.password}
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldErrors.password}
        testId="staff-login-password"
      />
      <Button
        disabled={!hydrated}
        type="submit"
        size="lg"
        variant="dark"
        className="w-full"
        loading={submitting}
        testId="staff-login-submit"
      >
        {submitting ? t.staff.submitting : t.staff.submit}
      </Button>
      <p className="text-center text-xs">
        <Link href="/entrar" className="text-slate-500 underline-offset-2 hover:underline">
          {t.staff.customerLink}
        </Link>
      </p>
    </form>
  );
}
