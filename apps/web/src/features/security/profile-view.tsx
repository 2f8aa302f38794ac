'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  FieldShell,
  PageHeader,
  TextField,
  inputClass,
} from '@/components/ui';
import { LANG_COOKIE } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { applyTheme, normalizeTheme } from '@/lib/theme';
import { ApiError } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { useApiData } from '@/lib/hooks/use-api-data';
import { securityApi, type Profile } from '@/lib/security-api';

type Prefs = Profile['notificationPrefs'];
const NOTIFICATION_KEYS = ['newLoginAlert', 'usageAlerts', 'billing', 'productNews'] as const;

export function ProfileView() {
  const { t } = useI18n();
  const router = useRouter();
  const { data } = useApiData(() => securityApi.profile());
  const [form, setForm] = useState<Profile | null>(null);
  const [error, setError] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const timezones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);

  useEffect(() => {
    if (data && !form) setForm(data);
  }, [data, form]);

  if (!form) return <PageHeader title={t.profilePage.title} subtitle={t.profilePage.subtitle} />;
  const set = <K extends keyof Profile>(key: K, value: Profile[K]) => setForm({ ...form, [key]: value });

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    setBusy(true);
    setError('');
    setFields({});
    setSaved(false);
    try {
      const next = await securityApi.updateProfile({
        fullName: form.fullName,
        phone: form.phone?.trim() ? form.phone : null,
        language: form.language,
        timezone: form.timezone,
        theme: form.theme,
        notificationPrefs: form.notificationPrefs,
      });
      setForm(next);
      setSaved(true);
      document.cookie = `${LANG_COOKIE}=${next.language}; path=/; max-age=31536000; samesite=lax`;
      applyTheme(normalizeTheme(next.theme));
      router.refresh();
    } catch (err) {
      setError(errorMessage(err, t));
      if (err instanceof ApiError) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title={t.profilePage.title} subtitle={t.profilePage.subtitle} />
      <Card className="p-5 sm:p-6">
        <form onSubmit={onSubmit} noValidate className="grid max-w-xl gap-5" data-testid="profile-form">
          <Alert tone="error" testId="profile-error">
            {error}
          </Alert>
          <Alert tone="success" testId="profile-saved">
            {saved ? t.profilePage.saved : ''}
          </Alert>
          <TextField
            id="fullName"
            label={t.profilePage.fullName}
            value={form.fullName}
            onChange={(e) => set('fullName', e.target.value)}
            error={fields.fullName}
            testId="profile-name"
          />
          <TextField id="email" label={t.profilePage.email} value={form.email} disabled readOnly />
          <TextField
            id="phone"
            label={t.profilePage.phone}
            value={form.phone ?? ''}
            onChange={(e) => set('phone', e.target.value)}
            error={fields.phone}
            inputMode="tel"
            testId="profile-phone"
          />
          <div className="grid gap-5 sm:grid-cols-2">
            <FieldShell id="language" label={t.profilePage.language} error={fields.language}>
              <select
                id="language"
                className={inputClass(false)}
                value={form.language}
                onChange={(e) => set('language', e.target.value as Profile['language'])}
                data-testid="profile-language"
              >
                <option value="pt-BR">Português (Brasil)</option>
                <option value="en">English</option>
              </select>
            </FieldShell>
            <FieldShell id="timezone" label={t.profilePage.timezone} error={fields.timezone}>
              <select
                id="timezone"
                className={inputClass(Boolean(fields.timezone))}
                value={form.timezone}
                onChange={(e) => set('timezone', e.target.value)}
                data-testid="profile-timezone"
              >
                {timezones.map((tz) => (
                  <option key={tz} value={tz}>
                    {tz}
                  </option>
                ))}
              </select>
            </FieldShell>
          </div>
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">{t.profilePage.theme}</legend>
            <div className="mt-2 flex flex-wrap gap-2">
              {(['light', 'dark', 'system'] as const).map((theme) => (
                <label
                  key={theme}
                  className={`cursor-pointer rounded-lg px-3 py-1.5 text-sm ring-1 ring-inset ${form.theme === theme ? 'bg-brand-50 text-brand-700 ring-brand-600' : 'text-slate-700 ring-slate-300'}`}
                >
                  <input
                    type="radio"
                    name="theme"
                    value={theme}
                    checked={form.theme === theme}
                    onChange={() => set('theme', theme)}
                    className="sr-only"
                  />
                  {t.profilePage.themes[theme]}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="space-y-2">
            <legend className="mb-1 text-sm font-medium text-slate-800">{t.profilePage.notifications}</legend>
            {NOTIFICATION_KEYS.map((key) => (
              <Checkbox
                key={key}
                id={`pref-${key}`}
                label={t.profilePage.notificationTypes[key]}
                checked={form.notificationPrefs[key]}
                onChange={(e) =>
                  set('notificationPrefs', { ...form.notificationPrefs, [key]: e.target.checked } as Prefs)
                }
                testId={`pref-${key}`}
              />
            ))}
          </fieldset>
          <div>
            <Button type="submit" loading={busy} testId="profile-save">
              {t.profilePage.save}
            </Button>
          </div>
        </form>
      </Card>
      <EmailChangeCard onChanged={(email) => setForm({ ...form, email })} />
    </>
  );
}

function EmailChangeCard({ onChanged }: { onChanged: (email: string) => void }) {
  const { t } = useI18n();
  const p = t.profilePage;
  const [newEmail, setNewEmail] = useState('');
  const [password, setPassword] = useState('');
  const [requestId, setRequestId] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError('');
    setFields({});
    try {
      await action();
    } catch (err) {
      setError(errorMessage(err, t));
      if (err instanceof ApiError) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card className="mt-6 p-5 sm:p-6">
      <h2 className="mb-4 text-base font-semibold text-slate-900">{p.changeEmail}</h2>
      <Alert tone="error" className="mb-4" testId="email-change-error">
        {error}
      </Alert>
      <Alert tone="success" className="mb-4" testId="email-change-notice">
        {notice}
      </Alert>
      {requestId ? (
        <form
          className="grid max-w-xl gap-4"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void run(async () => {
              const r = await securityApi.confirmEmailChange(requestId, code.trim());
              onChanged(r.email);
              setRequestId(null);
              setCode('');
              setNewEmail('');
              setNotice(p.emailChanged);
            });
          }}
        >
          <TextField
            id="email-code"
            label={p.code}
            inputMode="numeric"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={fields.code}
            className="max-w-[12rem] font-mono tracking-[0.3em]"
            testId="email-change-code"
          />
          <div>
            <Button type="submit" loading={busy} testId="email-change-confirm">
              {p.confirmEmail}
            </Button>
          </div>
        </form>
      ) : (
        <form
          className="grid max-w-xl gap-4 sm:grid-cols-2"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void run(async () => {
              const r = await securityApi.startEmailChange(newEmail.trim(), password);
              setRequestId(r.requestId);
              setPassword('');
              setNotice(p.codeSent);
            });
          }}
        >
          <TextField
            id="new-email"
            type="email"
            label={p.newEmail}
            value={newEmail}
            onChange={(e) => setNewEmail(e.target.value)}
            error={fields.newEmail}
            testId="email-change-new"
          />
          <TextField
            id="email-password"
            type="password"
            label={p.password}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={fields.password}
            testId="email-change-password"
          />
          <div>
            <Button type="submit" variant="secondary" loading={busy} testId="email-change-start">
              {p.sendCode}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
