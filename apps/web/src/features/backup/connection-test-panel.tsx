'use client';

import { useState } from 'react';
import { Alert, Button, Checkbox, cx } from '@/components/ui';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { backupApi, type ConnectionTestResult, type ConnectionTestStep } from '@/lib/backup-api';
import { errorMessage } from '@/lib/error-message';

/** "Testar conexão S3": real S3 calls made by the API with the key and the pasted secret. */
export function ConnectionTestPanel({
  canTest,
  accessKeyId,
  secret,
  bucket,
}: {
  canTest: boolean;
  accessKeyId: string | null;
  secret: string;
  bucket: string | null;
}) {
  const { t } = useI18n();
  const [write, setWrite] = useState(true);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<ConnectionTestResult | null>(null);
  const [error, setError] = useState('');

  const missing =
    !accessKeyId || !bucket ? t.backup.testNeedsBucket : !secret ? t.backup.testNeedsSecret : '';

  async function run() {
    if (!accessKeyId || !bucket || !secret) return;
    setRunning(true);
    setError('');
    setResult(null);
    try {
      setResult(await backupApi.testConnection({ accessKeyId, secretAccessKey: secret, bucket, write }));
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setRunning(false);
    }
  }

  return (
    <section aria-labelledby="backup-test-title" className="space-y-4" data-testid="backup-test">
      <div>
        <h2 id="backup-test-title" className="text-base font-semibold text-slate-900">
          {t.backup.testTitle}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t.backup.testHint}</p>
      </div>
      {!canTest ? (
        <Alert tone="info" testId="backup-test-developer">
          {t.backup.testDeveloper}
        </Alert>
      ) : (
        <>
          <Checkbox
            id="backup-test-write"
            label={t.backup.testWrite}
            checked={write}
            onChange={(e) => setWrite(e.target.checked)}
            testId="backup-test-write"
          />
          <div className="flex flex-wrap items-center gap-3">
            <Button
              onClick={() => void run()}
              loading={running}
              disabled={Boolean(missing) || running}
              testId="backup-test-run"
            >
              {running ? t.backup.testRunning : t.backup.testRun}
            </Button>
            {missing && <span className="text-sm text-slate-500">{missing}</span>}
          </div>
          <Alert tone="error" testId="backup-test-error">
            {error}
          </Alert>
          {result && <TestResult result={result} />}
        </>
      )}
    </section>
  );
}

function TestResult({ result }: { result: ConnectionTestResult }) {
  const { t } = useI18n();
  return (
    <div
      className={cx(
        'rounded-lg border p-4',
        result.ok ? 'border-emerald-200 bg-emerald-50/60' : 'border-red-200 bg-red-50/60',
      )}
      data-testid="backup-test-result"
      data-ok={result.ok ? 'true' : 'false'}
      role="status"
    >
      <p className={cx('font-semibold', result.ok ? 'text-emerald-800' : 'text-red-800')}>
        {result.ok ? t.backup.testOk : t.backup.testFailed}
      </p>
      <p className="mt-1 text-sm text-slate-700" data-testid="backup-test-summary">
        {result.summary}
      </p>
      <ol className="mt-3 space-y-2">
        {result.steps.map((step) => (
          <StepRow key={step.step} step={step} showMessage={step.message !== result.summary} />
        ))}
      </ol>
    </div>
  );
}

const statusStyle = {
  ok: { icon: 'M5 10.5l3 3 7-7', className: 'text-emerald-600' },
  failed: { icon: 'M6 6l8 8M14 6l-8 8', className: 'text-red-600' },
  skipped: { icon: 'M5 10h10', className: 'text-slate-400' },
} as const;

/** `showMessage`: false when the summary above already says the same. */
function StepRow({ step, showMessage }: { step: ConnectionTestStep; showMessage: boolean }) {
  const { t } = useI18n();
  const style = statusStyle[step.status];
  return (
    <li
      className="flex gap-3 text-sm"
      data-testid={`backup-test-step-${step.step}`}
      data-status={step.status}
    >
      <svg
        viewBox="0 0 20 20"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        className={cx('mt-0.5 size-4 shrink-0', style.className)}
        aria-hidden="true"
      >
        <path d={style.icon} />
      </svg>
      <div className="min-w-0">
        <p className="text-slate-900">
          <span className="font-medium">{t.backup.steps[step.step]}</span>
          <span className="text-slate-500">
            {' · '}
            {t.backup.stepStatus[step.status]}
            {step.status !== 'skipped' && ` · ${interpolate(t.backup.durationMs, { ms: step.durationMs })}`}
            {step.s3Code && ` · ${step.s3Code}`}
          </span>
        </p>
        {step.status === 'failed' && showMessage && step.message && (
          <p className="mt-0.5 text-red-800">{step.message}</p>
        )}
      </div>
    </li>
  );
}
