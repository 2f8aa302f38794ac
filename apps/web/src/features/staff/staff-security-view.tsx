'use client';

import { useState, type FormEvent } from 'react';
import { CopyButton } from '@/components/copy-button';
import { Alert, Button, PageHeader, TextField } from '@/components/ui';
import { PasswordSection, Section } from '@/features/security/security-view';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { errorMessage } from '@/lib/error-message';
import { useApiData } from '@/lib/hooks/use-api-data';
import { securityApi } from '@/lib/security-api';

/** The signed-in staff member's own security: password and recovery codes (2FA is mandatory). */
export function StaffSecurityView() {
  const { t } = useI18n();
  const overview = useApiData(() => securityApi.staffOverview());
  return (
    <>
      <PageHeader title={t.staffSecurity.securityTitle} subtitle={t.staffSecurity.securitySubtitle} />
      <div className="grid gap-6">
        <RecoveryCodesSection remaining={overview.data?.recoveryCodesRemaining} reload={overview.reload} />
        <PasswordSection change={(current, next) => securityApi.staffChangePassword(current, next)} />
      </div>
    </>
  );
}

function RecoveryCodesSection({
  remaining,
  reload,
}: {
  remaining: number | undefined;
  reload: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      setCodes((await securityApi.staffRegenerateRecoveryCodes(password, code.trim())).recoveryCodes);
      setOpen(false);
      setPassword('');
      setCode('');
      await reload();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title={t.securityPage.recoveryTitle} testId="staff-recovery-section">
      <Alert tone="error" className="mb-4" testId="staff-recovery-error">
        {error}
      </Alert>
      {codes && (
        <div className="mb-4 rounded-lg border border-amber-200 bg-amber-50 p-4" data-testid="recovery-codes">
          <p className="text-sm text-amber-900">{t.securityPage.recoveryIntro}</p>
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
      {remaining !== undefined && (
        <p className="mb-4 text-sm text-slate-600" data-testid="staff-recovery-remaining">
          {interpolate(t.securityPage.recoveryRemaining, { count: remaining })}
        </p>
      )}
      {!open ? (
        <Button variant="secondary" onClick={() => setOpen(true)} testId="staff-recovery-regenerate">
          {t.securityPage.regenerate}
        </Button>
      ) : (
        <form className="grid max-w-md gap-4" onSubmit={onSubmit} noValidate>
          <p className="text-sm text-slate-600">{t.staffSecurity.regenerateIntro}</p>
          <TextField
            id="staff-recovery-password"
            type="password"
            label={t.securityPage.currentPassword}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            testId="staff-recovery-password"
          />
          <TextField
            id="staff-recovery-code"
            label={t.securityPage.confirmCode}
            inputMode="numeric"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            className="max-w-[12rem] font-mono tracking-[0.3em]"
            testId="staff-recovery-code"
          />
          <div className="flex gap-2">
            <Button type="submit" loading={busy} testId="staff-recovery-submit">
              {t.securityPage.regenerate}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              {t.securityPage.cancel}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}
