'use client';

import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  FieldShell,
  PageHeader,
  cx,
  focusRing,
  inputClass,
} from '@/components/ui';
import { useCanManageStorage } from '@/features/portal/session';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { backupApi } from '@/lib/backup-api';
import { BRAND_NAME } from '@/lib/brand';
import {
  awsConfigFile,
  awsCredentialsFile,
  profileName,
  rcloneConfigFile,
  resticEnvFile,
  type CredentialFile,
  type S3Credentials,
} from '@/lib/credential-files';
import { copyText, downloadFile } from '@/lib/download';
import { errorMessage } from '@/lib/error-message';
import { useApiData } from '@/lib/hooks/use-api-data';
import { imperiusConfigXml } from '@/lib/imperius-config';
import { ConnectionTestPanel } from './connection-test-panel';
import {
  guideCommands,
  PRIMARY_DOWNLOADS,
  SOFTWARE,
  TIER_ONE,
  type DownloadKind,
  type GuideValues,
  type Software,
} from './software';

/** PRD F6.1 "Configurar Software de Backup": guides and files filled with the customer's own values. */
export function BackupView() {
  const { t } = useI18n();
  const canTest = useCanManageStorage();
  const { data: setup, error, loading, reload } = useApiData(backupApi.setup);
  const [software, setSoftware] = useState<Software>('imperius');
  const [bucketChoice, setBucketChoice] = useState<string | null>(null);
  const [keyChoice, setKeyChoice] = useState<string | null>(null);
  // The secret lives only in this component's state: never stored, sent only to run a test.
  const [secret, setSecret] = useState('');
  const [showSecret, setShowSecret] = useState(false);

  const bucket = bucketChoice ?? setup?.buckets[0]?.name ?? null;
  const selectedBucket = setup?.buckets.find((b) => b.name === bucket) ?? null;
  const accessKeyId = keyChoice ?? setup?.accessKeys[0]?.accessKeyId ?? null;
  const remote = profileName(BRAND_NAME);

  const values: GuideValues | null = useMemo(
    () =>
      setup
        ? {
            endpoint: setup.s3Endpoint,
            host: setup.host,
            port: setup.port,
            tls: setup.useSsl ? t.backup.tlsOn : t.backup.tlsOff,
            region: setup.region,
            bucket: bucket ?? t.backup.bucketPlaceholder,
            accessKeyId: accessKeyId ?? t.backup.accessKeyPlaceholder,
            brand: BRAND_NAME,
            remote,
          }
        : null,
    [setup, bucket, accessKeyId, remote, t],
  );

  if (!setup || !values) {
    return (
      <>
        <PageHeader title={t.backup.title} subtitle={t.backup.subtitle} />
        {error ? (
          <div className="space-y-3">
            <Alert tone="error" testId="backup-error">
              {errorMessage(error, t) || t.backup.loadError}
            </Alert>
            <Button variant="secondary" onClick={() => void reload()} loading={loading}>
              {t.common.retry}
            </Button>
          </div>
        ) : (
          <Card className="p-10 text-center text-sm text-slate-500">
            <span aria-busy="true">{t.common.loading}</span>
          </Card>
        )}
      </>
    );
  }

  const credentials: S3Credentials = {
    brandName: BRAND_NAME,
    endpoint: setup.s3Endpoint,
    region: setup.region,
    accessKeyId: values.accessKeyId,
    secretAccessKey: secret || t.backup.secretPlaceholder,
  };
  const files: Record<DownloadKind, { label: string; make: () => CredentialFile }> = {
    imperius: {
      label: t.backup.downloadImperius,
      make: () =>
        imperiusConfigXml({
          displayName: BRAND_NAME,
          endpoint: setup.s3Endpoint,
          region: setup.region,
          accessKeyId: values.accessKeyId,
          secretAccessKey: credentials.secretAccessKey,
          bucket: values.bucket,
        }),
    },
    rclone: { label: t.backup.downloadRclone, make: () => rcloneConfigFile(credentials) },
    restic: { label: t.backup.downloadRestic, make: () => resticEnvFile(credentials, bucket) },
    awsCredentials: { label: t.backup.downloadAwsCredentials, make: () => awsCredentialsFile(credentials) },
    awsConfig: { label: t.backup.downloadAwsConfig, make: () => awsConfigFile(credentials) },
  };
  const primary = PRIMARY_DOWNLOADS[software] ?? [];
  const downloadOrder = [
    ...primary,
    ...(Object.keys(files) as DownloadKind[]).filter((k) => !primary.includes(k)),
  ];

  const copyAll = [
    `${t.backup.endpoint}: ${setup.s3Endpoint}`,
    `${t.backup.port}: ${setup.port}`,
    `${t.backup.tls}: ${values.tls}`,
    `${t.backup.region}: ${setup.region}`,
    `${t.backup.accessKey}: ${values.accessKeyId}`,
    `${t.backup.secret}: ${credentials.secretAccessKey}`,
    `${t.backup.bucket}: ${values.bucket}`,
  ].join('\n');

  const softwareName = t.backup.software[software];
  const commands = guideCommands(software, values);
  const guideValues = { ...values, port: String(values.port) };

  return (
    <>
      <PageHeader title={t.backup.title} subtitle={t.backup.subtitle} />

      <div className="space-y-6">
        <Card className="p-5 sm:p-6">
          <h2 id="backup-software-title" className="text-base font-semibold text-slate-900">
            {t.backup.pickSoftware}
          </h2>
          <div
            role="radiogroup"
            aria-labelledby="backup-software-title"
            className="mt-4 grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5"
          >
            {SOFTWARE.map((id) => {
              const active = id === software;
              return (
                <button
                  key={id}
                  type="button"
                  role="radio"
                  aria-checked={active}
                  onClick={() => setSoftware(id)}
                  data-testid={`backup-software-${id}`}
                  className={cx(
                    'flex min-h-14 flex-col items-start justify-center rounded-lg border px-3 py-2 text-left text-sm transition-colors',
                    focusRing,
                    active
                      ? 'border-brand-600 bg-brand-50 font-semibold text-brand-800 ring-1 ring-brand-600'
                      : 'border-slate-200 bg-white font-medium text-slate-800 hover:border-slate-300 hover:bg-slate-50',
                  )}
                >
                  {t.backup.software[id]}
                  {TIER_ONE.has(id) && (
                    <span className="mt-0.5 text-xs font-normal text-slate-500">{t.backup.recommended}</span>
                  )}
                </button>
              );
            })}
          </div>
          <p
            className="mt-4 text-sm font-medium text-emerald-700"
            data-testid="backup-selected"
            aria-live="polite"
          >
            {interpolate(t.backup.selected, { name: softwareName })}
          </p>
        </Card>

        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
          <Card className="space-y-5 p-5 sm:p-6">
            <div>
              <h2 className="text-base font-semibold text-slate-900">{t.backup.credentialsTitle}</h2>
              <p className="mt-1 text-sm text-slate-600">{t.backup.credentialsHint}</p>
            </div>

            <div className="grid gap-4">
              <FieldShell id="backup-bucket" label={t.backup.bucket}>
                {setup.buckets.length === 0 ? (
                  <p className="text-sm text-slate-600">
                    {t.backup.bucketNone} ·{' '}
                    <Link href="/painel/buckets" className="font-medium text-brand-700 underline">
                      {t.backup.bucketCreate}
                    </Link>
                  </p>
                ) : (
                  <select
                    id="backup-bucket"
                    value={bucket ?? ''}
                    onChange={(e) => setBucketChoice(e.target.value)}
                    data-testid="backup-bucket"
                    className={inputClass(false)}
                  >
                    {setup.buckets.map((b) => (
                      <option key={b.id} value={b.name}>
                        {b.name}
                        {b.objectLock ? ` · ${t.backup.objectLockTag}` : ''}
                      </option>
                    ))}
                  </select>
                )}
              </FieldShell>
              <FieldShell id="backup-key" label={t.backup.accessKey}>
                {setup.accessKeys.length === 0 ? (
                  <p className="text-sm text-slate-600">
                    {t.backup.accessKeyNone} ·{' '}
                    <Link href="/painel/chaves" className="font-medium text-brand-700 underline">
                      {t.backup.accessKeyCreate}
                    </Link>
                  </p>
                ) : (
                  <select
                    id="backup-key"
                    value={accessKeyId ?? ''}
                    onChange={(e) => setKeyChoice(e.target.value)}
                    data-testid="backup-key"
                    className={cx(inputClass(false), 'font-mono')}
                  >
                    {setup.accessKeys.map((k) => (
                      <option key={k.id} value={k.accessKeyId}>
                        {k.accessKeyId}
                        {k.name ? ` (${k.name})` : ''}
                      </option>
                    ))}
                  </select>
                )}
              </FieldShell>
            </div>

            <FieldShell
              id="backup-secret"
              label={t.backup.secret}
              hint={t.backup.secretHint}
              trailing={
                <button
                  type="button"
                  onClick={() => setShowSecret((v) => !v)}
                  className={cx('rounded text-xs font-medium text-brand-700 hover:underline', focusRing)}
                  aria-controls="backup-secret"
                  data-testid="backup-secret-toggle"
                >
                  {showSecret ? t.backup.secretHide : t.backup.secretShow}
                </button>
              }
            >
              <input
                id="backup-secret"
                type={showSecret ? 'text' : 'password'}
                value={secret}
                onChange={(e) => setSecret(e.target.value.trim())}
                autoComplete="off"
                spellCheck={false}
                aria-describedby="backup-secret-hint"
                data-testid="backup-secret"
                className={cx(inputClass(false), 'font-mono')}
              />
            </FieldShell>

            <dl
              className="divide-y divide-slate-100 rounded-lg border border-slate-200 text-sm"
              data-testid="backup-values"
            >
              {[
                [t.backup.endpoint, setup.s3Endpoint, 'endpoint'],
                [t.backup.port, String(setup.port), 'port'],
                [t.backup.tls, values.tls, 'tls'],
                [t.backup.region, setup.region, 'region'],
                [t.backup.accessKey, values.accessKeyId, 'access-key'],
                [t.backup.secret, secret ? '•'.repeat(12) : t.backup.secretPlaceholder, 'secret'],
                [t.backup.bucket, values.bucket, 'bucket'],
              ].map(([label, value, id]) => (
                <div key={id} className="flex items-center justify-between gap-3 px-3.5 py-2.5">
                  <dt className="text-slate-600">{label}</dt>
                  <dd className="truncate font-mono text-slate-900" data-testid={`backup-value-${id}`}>
                    {value}
                  </dd>
                </div>
              ))}
            </dl>
            <CopyAllButton value={copyAll} />
          </Card>

          <div className="space-y-6">
            <Card className="p-5 sm:p-6">
              <h2 className="text-base font-semibold text-slate-900">{t.backup.downloadsTitle}</h2>
              <p className="mt-1 text-sm text-slate-600">{t.backup.downloadsHint}</p>
              <div className="mt-4 flex flex-wrap gap-2">
                {downloadOrder.map((kind) => (
                  <Button
                    key={kind}
                    variant={primary.includes(kind) ? 'primary' : 'secondary'}
                    size="sm"
                    onClick={() => downloadFile(files[kind].make())}
                    testId={`backup-download-${kind}`}
                  >
                    <svg
                      viewBox="0 0 20 20"
                      fill="none"
                      stroke="currentColor"
                      strokeWidth="1.5"
                      className="size-4"
                      aria-hidden="true"
                    >
                      <path
                        d="M10 3v10m0 0-3.5-3.5M10 13l3.5-3.5M4 16.5h12"
                        strokeLinecap="round"
                        strokeLinejoin="round"
                      />
                    </svg>
                    {files[kind].label}
                  </Button>
                ))}
              </div>
              {!secret && (
                <p className="mt-3 text-xs text-amber-800" data-testid="backup-no-secret">
                  {interpolate(t.backup.downloadNoSecret, { placeholder: t.backup.secretPlaceholder })}
                </p>
              )}
            </Card>

            <Card className="p-5 sm:p-6">
              <ConnectionTestPanel
                canTest={canTest}
                accessKeyId={accessKeyId}
                secret={secret}
                bucket={bucket}
              />
            </Card>
          </div>
        </div>

        <Card className="p-5 sm:p-6" testId="backup-guide">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="text-base font-semibold text-slate-900" data-testid="backup-guide-title">
              {interpolate(t.backup.guideTitle, { name: softwareName })}
            </h2>
            {TIER_ONE.has(software) && <Badge tone="blue">{t.backup.recommended}</Badge>}
          </div>
          {software === 'veeam' && selectedBucket && !selectedBucket.objectLock && (
            <Alert tone="warning" className="mt-4" testId="backup-veeam-no-lock">
              {interpolate(t.backup.veeamNoLock, { bucket: selectedBucket.name })}
            </Alert>
          )}
          <ol className="mt-4 list-decimal space-y-2 pl-5 text-sm text-slate-800 marker:font-semibold marker:text-slate-500">
            {t.backup.guides[software].map((step, i) => (
              <li key={i} className="pl-1">
                {interpolate(step, guideValues)}
              </li>
            ))}
          </ol>
          {commands.length > 0 && (
            <div className="mt-5">
              <h3 className="text-sm font-semibold text-slate-900">{t.backup.commandsTitle}</h3>
              <pre
                className="mt-2 overflow-x-auto rounded-lg bg-slate-900 p-4 text-xs leading-relaxed text-slate-100"
                data-testid="backup-commands"
              >
                {commands.join('\n')}
              </pre>
            </div>
          )}
        </Card>

        <Card className="p-5 sm:p-6">
          <h2 className="text-base font-semibold text-slate-900">{t.backup.tipsTitle}</h2>
          <ul className="mt-3 list-disc space-y-2 pl-5 text-sm text-slate-700" data-testid="backup-tips">
            {t.backup.tips.map((tip, i) => (
              <li key={i}>{tip}</li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}

/** "Copiar tudo" (PRD F6.1): every value above as text, with its own live feedback. */
function CopyAllButton({ value }: { value: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <div className="flex items-center gap-3">
      <Button
        variant="secondary"
        size="sm"
        onClick={async () => setState((await copyText(value)) ? 'copied' : 'failed')}
        testId="backup-copy-all"
      >
        <svg
          viewBox="0 0 20 20"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          className="size-4"
          aria-hidden="true"
        >
          <rect x="7" y="7" width="9.5" height="9.5" rx="1.5" />
          <path d="M13 7V4.5A1.5 1.5 0 0 0 11.5 3h-7A1.5 1.5 0 0 0 3 4.5v7A1.5 1.5 0 0 0 4.5 13H7" />
        </svg>
        {t.backup.copyAll}
      </Button>
      <span
        role="status"
        aria-live="polite"
        className={
          state === 'failed'
            ? 'text-xs text-red-700'
            : state === 'copied'
              ? 'text-xs text-emerald-700'
              : 'sr-only'
        }
      >
        {state === 'copied' ? t.common.copied : state === 'failed' ? t.common.copyFailed : ''}
      </span>
    </div>
  );
}
