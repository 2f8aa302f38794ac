'use client';

import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Badge, Button, Card, PageHeader, TextField } from '@/components/ui';
import { CopyButton } from '@/components/copy-button';
import { PasswordChecklist } from '@/features/auth/password-checklist';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { ApiError } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime } from '@/lib/format';
import { useApiData } from '@/lib/hooks/use-api-data';
import { securityApi, type TotpSetup } from '@/lib/security-api';
import { useSession } from '@/features/portal/session';
import { PasskeysSection } from './passkeys-section';

export function Section({
  title,
  aside,
  children,
  testId,
}: {
  title: string;
  aside?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card className="p-5 sm:p-6" testId={testId}>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        {aside}
      </div>
      {children}
    </Card>
  );
}

/** Resolves to undefined instead of throwing: sections stay usable when another one fails (e.g. 403 while 2FA is required). */
const safe = <T,>(p: Promise<T>) =>
  p.catch((err: unknown) =>
    err instanceof ApiError && err.status === 403 ? undefined : Promise.reject(err),
  );

export function SecurityView() {
  const { t } = useI18n();
  const overview = useApiData(() => securityApi.overview());
  const ov = overview.data;
  const { user } = useSession();
  // Either factor satisfies an account that requires 2FA: TOTP or a registered passkey.
  const blocked = Boolean(ov?.accountRequiresTwoFactor && !ov.twoFactorEnabled && !ov.hasPasskey);
  return (
    <>
      <PageHeader title={t.securityPage.title} subtitle={t.securityPage.subtitle} />
      {blocked && (
        <Alert tone="warning" className="mb-6" testId="two-factor-required">
          {t.securityPage.requiredByAccount}
        </Alert>
      )}
      <div className="grid gap-6">
        {user.role === 'owner' && ov && !blocked && (
          <AccountPolicySection required={ov.accountRequiresTwoFactor} reload={overview.reload} />
        )}
        <TwoFactorSection overview={ov} reload={overview.reload} />
        <PasskeysSection onChange={overview.reload} />
        {ov && !blocked && (
          <>
            <PasswordSection />
            <SessionsSection />
            <HistorySection />
          </>
        )}
      </div>
    </>
  );
}

/** Owner only: require a second factor (TOTP or passkey) from every member of the account. */
function AccountPolicySection({ required, reload }: { required: boolean; reload: () => Promise<void> }) {
  const { t } = useI18n();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function toggle() {
    setBusy(true);
    setError('');
    try {
      await securityApi.setTwoFactorPolicy(!required);
      await reload();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section
      title={t.securityPage.policyTitle}
      testId="account-policy-section"
      aside={
        <Badge tone={required ? 'green' : 'gray'} testId="account-policy-status">
          {required ? t.securityPage.policyOn : t.securityPage.policyOff}
        </Badge>
      }
    >
      <Alert tone="error" className="mb-4">
        {error}
      </Alert>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <p className="max-w-2xl text-sm text-slate-600">{t.securityPage.policyIntro}</p>
        <Button
          variant={required ? 'secondary' : 'primary'}
          onClick={toggle}
          disabled={busy}
          testId="account-policy-toggle"
        >
          {required ? t.securityPage.policyDisable : t.securityPage.policyEnable}
        </Button>
      </div>
    </Section>
  );
}

function TwoFactorSection({
  overview,
  reload,
}: {
  overview: { twoFactorEnabled: boolean; recoveryCodesRemaining: number } | undefined;
  reload: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [manage, setManage] = useState<'disable' | 'regenerate' | null>(null);
  const [password, setPassword] = useState('');

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError('');
    try {
      await action();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  const enabled = overview?.twoFactorEnabled;
  return (
    <Section
      title={t.securityPage.twoFactorTitle}
      testId="two-factor-section"
      aside={
        overview && (
          <Badge tone={enabled ? 'green' : 'gray'} testId="two-factor-status">
            {enabled ? t.securityPage.twoFactorOn : t.securityPage.twoFactorOff}
          </Badge>
        )
      }
    >
      <Alert tone="error" className="mb-4" testId="two-factor-error">
        {error}
      </Alert>
      {codes && (
        <div className="mb-4 rounded-lg border border-amber-200 bg-amber-50 p-4" data-testid="recovery-codes">
          <p className="text-sm font-medium text-amber-900">{t.securityPage.recoveryTitle}</p>
          <p className="mt-1 text-sm text-amber-900">{t.securityPage.recoveryIntro}</p>
          <ul className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-sm text-slate-900 sm:grid-cols-5">
            {codes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <div className="mt-3">
            <CopyButton value={codes.join('\n')} label={t.common.copy} showText />
          </div>
        </div>
      )}
      {!enabled && !setup && (
        <div className="flex flex-wrap items-center justify-between gap-4">
          <p className="max-w-xl text-sm text-slate-600">{t.securityPage.twoFactorIntro}</p>
          <Button
            loading={busy}
            testId="two-factor-enable"
            onClick={() => run(async () => setSetup(await securityApi.startTotp()))}
          >
            {t.securityPage.enable}
          </Button>
        </div>
      )}
      {!enabled && setup && (
        <form
          className="grid gap-6 sm:grid-cols-[220px_1fr]"
          data-testid="totp-setup"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void run(async () => {
              const result = await securityApi.confirmTotp(code.trim());
              setCodes(result.recoveryCodes);
              setSetup(null);
              setCode('');
              await reload();
            });
          }}
        >
          <img
            src={setup.qrDataUrl}
            alt="QR code"
            width={220}
            height={220}
            className="rounded-lg border border-slate-200"
            data-testid="totp-qr"
          />
          <div className="space-y-4">
            <p className="text-sm text-slate-600">{t.securityPage.scan}</p>
            <div>
              <p className="text-xs font-medium text-slate-500">{t.securityPage.secretLabel}</p>
              <p className="mt-1 break-all font-mono text-sm text-slate-900" data-testid="totp-secret">
                {setup.secret}
              </p>
            </div>
            <TextField
              id="totp-code"
              label={t.securityPage.confirmCode}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              className="max-w-[12rem] font-mono tracking-[0.3em]"
              testId="totp-code"
            />
            <div className="flex gap-2">
              <Button type="submit" loading={busy} testId="totp-confirm">
                {t.securityPage.confirm}
              </Button>
              <Button type="button" variant="secondary" onClick={() => setSetup(null)}>
                {t.securityPage.cancel}
              </Button>
            </div>
          </div>
        </form>
      )}
      {enabled && (
        <div className="space-y-4">
          <p className="text-sm text-slate-600" data-testid="recovery-remaining">
            {interpolate(t.securityPage.recoveryRemaining, { count: overview.recoveryCodesRemaining })}
          </p>
          {!manage && (
            <div className="flex flex-wrap gap-2">
              <Button
                variant="secondary"
                onClick={() => setManage('regenerate')}
                testId="recovery-regenerate"
              >
                {t.securityPage.regenerate}
              </Button>
              <Button variant="secondary" onClick={() => setManage('disable')} testId="two-factor-disable">
                {t.securityPage.disable}
              </Button>
            </div>
          )}
          {manage && (
            <form
              className="grid max-w-md gap-4"
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                void run(async () => {
                  if (manage === 'disable') await securityApi.disableTwoFactor(password, code.trim());
                  else
                    setCodes(
                      (await securityApi.regenerateRecoveryCodes(password, code.trim())).recoveryCodes,
                    );
                  setManage(null);
                  setPassword('');
                  setCode('');
                  await reload();
                });
              }}
            >
              <p className="text-sm text-slate-600">{t.securityPage.disableIntro}</p>
              <TextField
                id="manage-password"
                type="password"
                label={t.securityPage.currentPassword}
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
              <TextField
                id="manage-code"
                label={t.securityPage.confirmCode}
                inputMode="numeric"
                maxLength={6}
                value={code}
                onChange={(e) => setCode(e.target.value)}
                className="max-w-[12rem] font-mono tracking-[0.3em]"
              />
              <div className="flex gap-2">
                <Button type="submit" variant={manage === 'disable' ? 'danger' : 'primary'} loading={busy}>
                  {manage === 'disable' ? t.securityPage.disable : t.securityPage.regenerate}
                </Button>
                <Button type="button" variant="secondary" onClick={() => setManage(null)}>
                  {t.securityPage.cancel}
                </Button>
              </div>
            </form>
          )}
        </div>
      )}
    </Section>
  );
}

/** Own password change; the staff security page passes its own call. */
export function PasswordSection({
  change = securityApi.changePassword,
}: {
  change?: (current: string, next: string) => Promise<unknown>;
} = {}) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError('');
    setFields({});
    setDone(false);
    try {
      await change(current, next);
      setDone(true);
      setCurrent('');
      setNext('');
    } catch (err) {
      setError(errorMessage(err, t));
      if (err instanceof ApiError) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title={t.securityPage.passwordTitle} testId="password-section">
      <form onSubmit={onSubmit} noValidate className="grid max-w-md gap-4">
        <Alert tone="error" testId="password-error">
          {error}
        </Alert>
        <Alert tone="success" testId="password-done">
          {done ? t.securityPage.passwordChanged : ''}
        </Alert>
        <TextField
          id="current-password"
          type="password"
          label={t.securityPage.currentPassword}
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={fields.currentPassword}
          testId="current-password"
        />
        <TextField
          id="new-password"
          type="password"
          label={t.securityPage.newPassword}
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={fields.newPassword}
          testId="new-password"
          aria-describedby="new-password-rules"
        />
        <PasswordChecklist id="new-password-rules" password={next} />
        <div>
          <Button type="submit" loading={busy} testId="password-submit">
            {t.securityPage.changePassword}
          </Button>
        </div>
      </form>
    </Section>
  );
}

function SessionsSection() {
  const { t } = useI18n();
  const { data, reload } = useApiData(() => safe(securityApi.sessions()));
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const items = data?.items ?? [];

  async function act(action: () => Promise<unknown>) {
    setError('');
    setNotice('');
    try {
      await action();
    } catch (err) {
      setError(errorMessage(err, t));
    }
    await reload();
  }

  return (
    <Section
      title={t.securityPage.sessionsTitle}
      testId="sessions-section"
      aside={
        items.length > 1 && (
          <Button
            variant="secondary"
            size="sm"
            testId="sessions-end-others"
            onClick={() =>
              act(async () => {
                const r = await securityApi.endOtherSessions();
                setNotice(interpolate(t.securityPage.sessionsEnded, { count: r.ended }));
              })
            }
          >
            {t.securityPage.endOthers}
          </Button>
        )
      }
    >
      <Alert tone="error" className="mb-3" testId="sessions-error">
        {error}
      </Alert>
      <Alert tone="success" className="mb-3" testId="sessions-notice">
        {notice}
      </Alert>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-2 pr-4 font-medium">{t.securityPage.device}</th>
              <th className="py-2 pr-4 font-medium">{t.securityPage.ip}</th>
              <th className="py-2 pr-4 font-medium">{t.securityPage.lastSeen}</th>
              <th className="py-2" />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((s) => (
              <tr key={s.id} data-testid="session-row" data-current={s.current}>
                <td className="py-2.5 pr-4 text-slate-900">
                  {s.device}
                  {s.place && <span className="text-slate-500"> · {s.place}</span>}
                </td>
                <td className="py-2.5 pr-4 font-mono text-xs text-slate-600">{s.ip ?? '—'}</td>
                <td className="py-2.5 pr-4 text-slate-600">{formatDateTime(s.lastSeenAt)}</td>
                <td className="py-2.5 text-right">
                  {s.current ? (
                    <Badge tone="blue">{t.securityPage.thisDevice}</Badge>
                  ) : (
                    <Button
                      variant="secondary"
                      size="sm"
                      testId="session-end"
                      onClick={() => act(() => securityApi.endSession(s.id))}
                    >
                      {t.securityPage.end}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

function HistorySection() {
  const { t } = useI18n();
  const { data } = useApiData(() => safe(securityApi.loginHistory()));
  return (
    <Section title={t.securityPage.historyTitle} testId="history-section">
      <div className="max-h-96 overflow-auto">
        <table className="w-full text-left text-sm">
          <thead className="sticky top-0 bg-white text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-2 pr-4 font-medium">{t.securityPage.when}</th>
              <th className="py-2 pr-4 font-medium">{t.securityPage.result}</th>
              <th className="py-2 pr-4 font-medium">{t.securityPage.device}</th>
              <th className="py-2 font-medium">{t.securityPage.ip}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {(data?.items ?? []).map((h) => (
              <tr key={h.id} data-testid="history-row">
                <td className="py-2 pr-4 text-slate-600">{formatDateTime(h.createdAt)}</td>
                <td className="py-2 pr-4">
                  <Badge tone={h.success ? 'green' : 'red'}>
                    {h.success ? t.securityPage.success : t.securityPage.failure}
                  </Badge>
                  {h.reason && (
                    <span className="ml-2 text-xs text-slate-500">
                      {t.securityPage.reasons[h.reason] ?? h.reason}
                    </span>
                  )}
                </td>
                <td className="py-2 pr-4 text-slate-700">{h.device}</td>
                <td className="py-2 font-mono text-xs text-slate-600">{h.ip ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
