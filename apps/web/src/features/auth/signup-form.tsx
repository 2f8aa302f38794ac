'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, FieldShell, TextField, cx, inputClass } from '@/components/ui';
import { useI18n } from '@/i18n/provider';
import type { Dictionary } from '@/i18n';
import { api, ApiError } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { useHydrated } from '@/lib/hooks/use-hydrated';
import {
  PASSWORD_MAX_LENGTH,
  isValidEmail,
  isValidFullName,
  isValidPassword,
  isValidPhone,
  normalizeDocument,
  parseDocument,
} from '@/lib/validation';
import { PasswordChecklist } from './password-checklist';

type Field = 'fullName' | 'email' | 'document' | 'companyName' | 'phone' | 'password' | 'acceptTerms';

interface Values {
  fullName: string;
  email: string;
  document: string;
  companyName: string;
  phone: string;
  password: string;
  acceptTerms: boolean;
}

/** A CNPJ has 14 characters: from the 12th on, the user is typing one and we ask for the company. */
function looksLikeCnpj(document: string): boolean {
  return normalizeDocument(document).length > 11;
}

function validate(values: Values, t: Dictionary): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!isValidFullName(values.fullName)) errors.fullName = t.signup.errFullName;
  if (!isValidEmail(values.email)) errors.email = t.signup.errEmail;
  if (!values.document.trim()) errors.document = t.signup.errDocumentRequired;
  else if (!parseDocument(values.document)) errors.document = t.signup.errDocument;
  if (looksLikeCnpj(values.document) && !values.companyName.trim())
    errors.companyName = t.signup.errCompanyName;
  if (!isValidPhone(values.phone)) errors.phone = t.signup.errPhone;
  if (!isValidPassword(values.password)) errors.password = t.signup.errPassword;
  if (!values.acceptTerms) errors.acceptTerms = t.signup.errTerms;
  return errors;
}

export function SignupForm() {
  const { t } = useI18n();
  const hydrated = useHydrated();
  const router = useRouter();
  const [values, setValues] = useState<Values>({
    fullName: '',
    email: '',
    document: '',
    companyName: '',
    phone: '',
    password: '',
    acceptTerms: false,
  });
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [showPassword, setShowPassword] = useState(false);

  const clientErrors = validate(values, t);
  const errorFor = (field: Field): string | undefined =>
    serverErrors[field] ?? (submitted || touched[field] ? clientErrors[field] : undefined);

  function set<K extends Field>(field: K, value: Values[K]) {
    setValues((prev) => ({ ...prev, [field]: value }));
    if (serverErrors[field]) {
      setServerErrors((prev) => {
        const next = { ...prev };
        delete next[field];
        return next;
      });
    }
  }
  const blur = (field: Field) => () => setTouched((prev) => ({ ...prev, [field]: true }));

  const document = parseDocument(values.document);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setFormError('');
    if (Object.keys(clientErrors).length > 0) {
      setFormError(t.errors.fixFields);
      const first = (
        ['fullName', 'email', 'document', 'companyName', 'phone', 'password', 'acceptTerms'] as const
      ).find((field) => clientErrors[field]);
      if (first) window.document.getElementById(first)?.focus();
      return;
    }
    setSubmitting(true);
    try {
      const email = values.email.trim();
      const result = await api.signup({
        fullName: values.fullName.trim().replace(/\s+/g, ' '),
        email,
        document: values.document.trim(),
        ...(looksLikeCnpj(values.document) ? { companyName: values.companyName.trim() } : {}),
        phone: values.phone.trim(),
        password: values.password,
        acceptTerms: true,
      });
      const query = new URLSearchParams({ id: result.signupId, email: result.email ?? email });
      router.push(`/cadastro/verificar?${query.toString()}`);
    } catch (error) {
      setFormError(errorMessage(error, t));
      if (error instanceof ApiError) setServerErrors(error.fields);
      setSubmitting(false);
    }
  }

  const passwordError = errorFor('password');
  // "Fix the highlighted fields" goes away by itself once nothing is highlighted any more.
  const shownFormError =
    formError === t.errors.fixFields && Object.keys(clientErrors).length === 0 ? '' : formError;

  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t.signup.title}</h1>
      <p className="mt-1 text-sm text-slate-600">{t.signup.subtitle}</p>

      <form method="post" onSubmit={onSubmit} noValidate className="mt-8 space-y-5" data-testid="signup-form">
        <Alert tone="error" testId="signup-error">
          {shownFormError}
        </Alert>
        <TextField
          id="fullName"
          label={t.signup.fullName}
          autoComplete="name"
          required
          maxLength={200}
          value={values.fullName}
          onChange={(e) => set('fullName', e.target.value)}
          onBlur={blur('fullName')}
          error={errorFor('fullName')}
          testId="signup-fullname"
        />
        <TextField
          id="email"
          type="email"
          label={t.signup.email}
          hint={t.signup.emailHint}
          autoComplete="email"
          inputMode="email"
          required
          maxLength={254}
          value={values.email}
          onChange={(e) => set('email', e.target.value)}
          onBlur={blur('email')}
          error={errorFor('email')}
          testId="signup-email"
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            id="document"
            label={t.signup.document}
            hint={
              document
                ? document.type === 'cpf'
                  ? t.signup.documentDetectedCpf
                  : t.signup.documentDetectedCnpj
                : t.signup.documentHint
            }
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
            maxLength={24}
            value={values.document}
            onChange={(e) => set('document', e.target.value)}
            onBlur={blur('document')}
            error={errorFor('document')}
            testId="signup-document"
          />
          <TextField
            id="phone"
            type="tel"
            label={t.signup.phone}
            hint={t.signup.phoneHint}
            autoComplete="tel"
            inputMode="tel"
            required
            maxLength={20}
            value={values.phone}
            onChange={(e) => set('phone', e.target.value)}
            onBlur={blur('phone')}
            error={errorFor('phone')}
            testId="signup-phone"
          />
        </div>
        {looksLikeCnpj(values.document) && (
          <TextField
            id="companyName"
            label={t.signup.companyName}
            hint={t.signup.companyNameHint}
            autoComplete="organization"
            required
            maxLength={160}
            value={values.companyName}
            onChange={(e) => set('companyName', e.target.value)}
            onBlur={blur('companyName')}
            error={errorFor('companyName')}
            testId="signup-company"
          />
        )}
        <FieldShell
          id="password"
          label={t.signup.password}
          required
          error={passwordError}
          testId="signup-password"
          trailing={
            <button
              type="button"
              onClick={() => setShowPassword((v) => !v)}
              aria-pressed={showPassword}
              aria-controls="password"
              data-testid="signup-password-toggle"
              className="rounded text-xs font-medium text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
            >
              {showPassword ? t.signup.hidePassword : t.signup.showPassword}
            </button>
          }
        >
          <input
            id="password"
            name="password"
            type={showPassword ? 'text' : 'password'}
            autoComplete="new-password"
            required
            maxLength={PASSWORD_MAX_LENGTH}
            value={values.password}
            onChange={(e) => set('password', e.target.value)}
            onBlur={blur('password')}
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={cx('password-rules', passwordError && 'password-error') || undefined}
            className={inputClass(Boolean(passwordError))}
            data-testid="signup-password"
          />
          <PasswordChecklist id="password-rules" password={values.password} />
        </FieldShell>
        <Checkbox
          id="acceptTerms"
          label={t.signup.acceptTerms}
          checked={values.acceptTerms}
          onChange={(e) => set('acceptTerms', e.target.checked)}
          error={errorFor('acceptTerms')}
          testId="signup-terms"
        />
        <Button
          disabled={!hydrated}
          type="submit"
          size="lg"
          className="w-full"
          loading={submitting}
          testId="signup-submit"
        >
          {submitting ? t.signup.submitting : t.signup.submit}
        </Button>
      </form>

      <p className="mt-8 text-center text-sm text-slate-600">
        {t.signup.haveAccount}{' '}
        <Link
          href="/entrar"
          className="font-medium text-brand-700 underline-offset-2 hover:underline"
          data-testid="signup-login-link"
        >
          {t.signup.loginLink}
        </Link>
      </p>
    </div>
  );
}
