'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, TextField } from '@/components/ui';
import { useI18n } from '@/i18n/provider';
import { ApiError } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { useHydrated } from '@/lib/hooks/use-hydrated';
import { solvePow } from '@/lib/pow';
import { securityApi } from '@/lib/security-api';
import { startAuthentication } from '@simplewebauthn/browser';
import { SecondFactorStep } from './second-factor-step';

type Captcha = { id: string; nonce: string };

/** Fetches a proof-of-work challenge for this e-mail and solves it in the browser. */
export async function solveCaptcha(email: string): Promise<Captcha> {
  const challenge = await securityApi.captcha(email);
  return { id: challenge.id, nonce: await solvePow(challenge.prefix, challenge.difficulty) };
}

/** The "Use passkey" ceremony: options for this login challenge, the browser prompt, the check. */
async function passkeySecondFactor(challengeToken: string) {
  const options = await securityApi.loginPasskeyOptions(challengeToken);
  const assertion = await startAuthentication({
    optionsJSON: options as unknown as Parameters<typeof startAuthentication>[0]['optionsJSON'],
  });
  return securityApi.secondFactor({
    challengeToken,
    passkey: assertion as unknown as NonNullable<Parameters<typeof securityApi.secondFactor>[0]['passkey']>,
  });
}

export function LoginForm() {
  const { t } = useI18n();
  const hydrated = useHydrated();
  const router = useRouter();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [captchaNeeded, setCaptchaNeeded] = useState(false);
  const [solving, setSolving] = useState(false);
  const [challengeToken, setChallengeToken] = useState<string | null>(null);
  const [methods, setMethods] = useState<string[]>([]);

  function signedIn(enrolmentRequired?: boolean) {
    router.replace(enrolmentRequired ? '/painel/seguranca' : '/painel');
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
      let captcha: Captcha | undefined;
      if (captchaNeeded) {
        setSolving(true);
        captcha = await solveCaptcha(email.trim()).finally(() => setSolving(false));
      }
      const result = await securityApi.login({ email: email.trim(), password, remember, captcha });
      if ('secondFactorRequired' in result) {
        setChallengeToken(result.challengeToken);
        setMethods(result.methods);
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
        submit={(body) => securityApi.secondFactor(body)}
        codesAllowed={methods.includes('totp')}
        signInWithPasskey={
          methods.includes('passkey') ? () => passkeySecondFactor(challengeToken) : undefined
        }
        onDone={(result) => signedIn(result.twoFactorEnrolmentRequired)}
        onRestart={() => {
          setChallengeToken(null);
          setPassword('');
        }}
      />
    );
  }

  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t.login.title}</h1>
      <p className="mt-1 text-sm text-slate-600">{t.login.subtitle}</p>

      <form method="post" onSubmit={onSubmit} noValidate className="mt-8 space-y-5" data-testid="login-form">
        <Alert tone="error" testId="login-error">
          {formError}
        </Alert>
        <TextField
          id="email"
          type="email"
          label={t.login.email}
          autoComplete="username"
          inputMode="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldErrors.email}
          testId="login-email"
        />
        <TextField
          id="password"
          type="password"
          label={t.login.password}
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldErrors.password}
          testId="login-password"
        />
        <Checkbox
          id="remember"
          label={t.login.remember}
          checked={remember}
          onChange={(e) => setRemember(e.target.checked)}
          testId="login-remember"
        />
        {captchaNeeded && (
          <p className="text-xs text-slate-500" data-testid="login-captcha-note">
            {solving ? t.secLogin.captchaWorking : t.secLogin.captchaNote}
          </p>
        )}
        <Button
          disabled={!hydrated}
          type="submit"
          size="lg"
          className="w-full"
          loading={submitting}
          testId="login-submit"
        >
          {submitting ? t.login.submitting : t.login.submit}
        </Button>
      </form>

      <p className="mt-4 text-center text-sm">
        <Link
          href="/recuperar-senha"
          className="text-brand-700 underline-offset-2 hover:underline"
          data-testid="login-forgot-link"
        >
          {t.secLogin.forgot}
        </Link>
      </p>
      <p className="mt-6 text-center text-sm text-slate-600">
        {t.login.noAccount}{' '}
        <Link
          href="/cadastro"
          className="font-medium text-brand-700 underline-offset-2 hover:underline"
          data-testid="login-signup-link"
        >
          {t.login.signUpLink}
        </Link>
      </p>
      <p className="mt-3 text-center text-xs">
        <Link href="/staff/entrar" className="text-slate-500 underline-offset-2 hover:underline">
          {t.login.staffLink}
        </Link>
      </p>
    </div>
  );
}
