'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, TextField } from '@/components/ui';
import { CopyButton } from '@/components/copy-button';
import { useI18n } from '@/i18n/provider';
import { errorMessage } from '@/lib/error-message';
import { securityApi, type TotpSetup } from '@/lib/security-api';

/** Mandatory staff 2FA: the first login lands here and nothing else answers until it is done. */
export function StaffTotpEnrolment() {
  const { t } = useI18n();
  const router = useRouter();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    securityApi
      .staffStartTotp()
      .then(setSetup)
      .catch((err: unknown) => setError(errorMessage(err, t)));
  }, [t]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      setCodes((await securityApi.staffConfirmTotp(code.trim())).recoveryCodes);
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <h1 className="text-xl font-semibold text-slate-900">{t.staffSecurity.enrolTitle}</h1>
      <p className="mt-1 text-sm text-slate-600">{t.staffSecurity.enrolIntro}</p>
      <Alert tone="error" className="mt-4" testId="staff-totp-error">
        {error}
      </Alert>
      {codes ? (
        <div className="mt-6 space-y-4" data-testid="staff-recovery-codes">
          <p className="text-sm text-slate-700">{t.securityPage.recoveryIntro}</p>
          <ul className="grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-sm text-slate-900">
            {codes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <CopyButton value={codes.join('\n')} label={t.common.copy} showText />
          <Button
            className="w-full"
            testId="staff-totp-continue"
            onClick={() => {
              router.replace('/staff');
              router.refresh();
            }}
          >
            {t.staffSecurity.continue}
          </Button>
        </div>
      ) : (
        setup && (
          <form onSubmit={onSubmit} className="mt-6 space-y-4" data-testid="staff-totp-setup">
            <div className="flex justify-center">
              <img
                src={setup.qrDataUrl}
                alt="QR code"
                width={200}
                height={200}
                className="rounded-lg border border-slate-200"
              />
            </div>
            <p className="text-sm text-slate-600">{t.securityPage.scan}</p>
            <div>
              <p className="text-xs font-medium text-slate-500">{t.securityPage.secretLabel}</p>
              <p className="mt-1 break-all font-mono text-sm text-slate-900" data-testid="staff-totp-secret">
                {setup.secret}
              </p>
            </div>
            <TextField
              id="staff-totp-code"
              label={t.securityPage.confirmCode}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              className="font-mono tracking-[0.3em]"
              testId="staff-totp-code"
            />
            <Button type="submit" className="w-full" loading={busy} testId="staff-totp-confirm">
              {t.securityPage.confirm}
            </Button>
          </form>
        )
      )}
    </div>
  );
}
