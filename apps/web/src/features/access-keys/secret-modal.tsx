'use client';

import { useEffect, useState } from 'react';
import { CopyButton } from '@/components/copy-button';
import { Modal } from '@/components/modal';
import { Button, Checkbox, cx, inputClass } from '@/components/ui';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { api, type AccessKeySecret } from '@/lib/api';
import { BRAND_NAME } from '@/lib/brand';
import {
  awsConfigFile,
  awsCredentialsFile,
  credentialsJson,
  envFile,
  profileName,
  rcloneConfigFile,
  resticEnvFile,
  type CredentialFile,
  type S3Credentials,
} from '@/lib/credential-files';
import { downloadFile } from '@/lib/download';

export interface SecretModalProps {
  secret: AccessKeySecret | null;
  mode: 'created' | 'revealed';
  onClose: () => void;
}

/** PRD F4.2: shown once; it only closes after the user confirms the credentials are saved. */
export function SecretModal(props: SecretModalProps) {
  return <Body {...props} key={props.secret?.key.id ?? 'none'} />;
}

function Body({ secret, mode, onClose }: SecretModalProps) {
  const { t } = useI18n();
  const k = t.accessKeys;
  const [saved, setSaved] = useState(false);
  // restic needs a bucket in its repository URL: the key's buckets, or (all-bucket keys) the account's.
  const scopedNames = secret?.key.scope?.map((s) => s.bucketName) ?? null;
  const [accountBuckets, setAccountBuckets] = useState<string[]>([]);
  const bucketOptions = scopedNames ?? accountBuckets;
  const [resticBucket, setResticBucket] = useState<string | null>(null);
  const chosenBucket = resticBucket ?? bucketOptions[0] ?? '';

  useEffect(() => {
    if (!secret || secret.key.scope !== null) return;
    let live = true;
    api
      .listBuckets()
      .then((res) => live && setAccountBuckets(res.items.map((b) => b.name)))
      .catch(() => undefined); // the file then carries a placeholder bucket
    return () => {
      live = false;
    };
  }, [secret]);

  const credentials: S3Credentials | null = secret && {
    brandName: BRAND_NAME,
    endpoint: secret.s3Endpoint,
    region: secret.region,
    accessKeyId: secret.key.accessKeyId,
    secretAccessKey: secret.secretAccessKey,
  };

  const downloads: Array<{ label: string; make: (c: S3Credentials) => CredentialFile; testId: string }> = [
    { label: t.secret.downloadEnv, make: envFile, testId: 'secret-download-env' },
    { label: t.secret.downloadJson, make: credentialsJson, testId: 'secret-download-json' },
    {
      label: t.secret.downloadAwsCredentials,
      make: awsCredentialsFile,
      testId: 'secret-download-aws-credentials',
    },
    { label: t.secret.downloadAwsConfig, make: awsConfigFile, testId: 'secret-download-aws-config' },
    { label: k.downloadRclone, make: rcloneConfigFile, testId: 'secret-download-rclone' },
    {
      label: k.downloadRestic,
      make: (c) => resticEnvFile(c, chosenBucket || null),
      testId: 'secret-download-restic',
    },
  ];

  return (
    <Modal
      open={secret !== null}
      onClose={() => {
        if (saved) onClose();
      }}
      dismissible={false}
      size="xl"
      testId="secret-modal"
      title={
        <span className="flex items-center gap-2">
          <svg viewBox="0 0 20 20" fill="currentColor" className="size-6 text-emerald-600" aria-hidden="true">
            <path
              fillRule="evenodd"
              d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.86-9.86a.75.75 0 1 0-1.07-1.05L9.1 10.87 7.2 8.98a.75.75 0 0 0-1.06 1.06l2.43 2.43c.3.3.77.29 1.06-.01l4.22-4.32Z"
              clipRule="evenodd"
            />
          </svg>
          {mode === 'created' ? t.secret.createdTitle : t.secret.revealedTitle}
        </span>
      }
      footer={
        <div className="flex w-full flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <Checkbox
            id="secret-saved"
            label={t.secret.savedCheckbox}
            checked={saved}
            onChange={(e) => setSaved(e.target.checked)}
            testId="secret-saved-checkbox"
          />
          <div className="flex items-center gap-3">
            {!saved && <span className="text-xs text-slate-500">{t.secret.closeHint}</span>}
            <Button onClick={onClose} disabled={!saved} testId="secret-modal-close">
              {t.secret.close}
            </Button>
          </div>
        </div>
      }
    >
      {secret && credentials && (
        <div className="space-y-6">
          <div
            role="alert"
            className="flex gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm font-medium text-amber-900"
            data-testid="secret-warning"
          >
            <svg
              viewBox="0 0 20 20"
              fill="currentColor"
              className="mt-0.5 size-5 shrink-0 text-amber-600"
              aria-hidden="true"
            >
              <path
                fillRule="evenodd"
                d="M8.49 2.5c.66-1.15 2.36-1.15 3.02 0l6.28 10.92c.66 1.15-.17 2.58-1.5 2.58H3.71c-1.33 0-2.16-1.43-1.5-2.58L8.49 2.5ZM10 6.75a.75.75 0 0 1 .75.75v3.5a.75.75 0 0 1-1.5 0V7.5a.75.75 0 0 1 .75-.75ZM10 15a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
                clipRule="evenodd"
              />
            </svg>
            <span>{t.secret.warning}</span>
          </div>

          <dl className="space-y-4">
            <SecretValue
              label={t.secret.accessKeyId}
              value={secret.key.accessKeyId}
              testId="secret-access-key-id"
              copyTestId="secret-copy-access-key-id"
            />
            <SecretValue
              label={t.secret.secretAccessKey}
              value={secret.secretAccessKey}
              testId="secret-secret-access-key"
              copyTestId="secret-copy-secret"
            />
            <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
              <SecretValue label={t.secret.endpoint} value={secret.s3Endpoint} testId="secret-endpoint" />
              <SecretValue label={t.secret.region} value={secret.region} testId="secret-region" />
            </div>
          </dl>

          <div>
            <h3 className="text-sm font-semibold text-slate-800">{t.secret.saveToFile}</h3>
            <div className="mt-2 flex flex-wrap gap-2">
              {downloads.map((item) => (
                <Button
                  key={item.testId}
                  variant="secondary"
                  size="sm"
                  testId={item.testId}
                  onClick={() => downloadFile(item.make(credentials))}
                >
                  <svg viewBox="0 0 20 20" fill="currentColor" className="size-4" aria-hidden="true">
                    <path d="M10.75 2.75a.75.75 0 0 0-1.5 0v8.61L6.3 8.24a.75.75 0 1 0-1.1 1.02l4.25 4.5a.75.75 0 0 0 1.1 0l4.25-4.5a.75.75 0 0 0-1.1-1.02l-2.95 3.12V2.75Z" />
                    <path d="M3.5 12.75a.75.75 0 0 0-1.5 0v2.5A2.75 2.75 0 0 0 4.75 18h10.5A2.75 2.75 0 0 0 18 15.25v-2.5a.75.75 0 0 0-1.5 0v2.5c0 .69-.56 1.25-1.25 1.25H4.75c-.69 0-1.25-.56-1.25-1.25v-2.5Z" />
                  </svg>
                  {item.label}
                </Button>
              ))}
            </div>
            <div className="mt-3 max-w-sm">
              <label htmlFor="secret-restic-bucket" className="block text-xs font-medium text-slate-700">
                {k.resticBucketLabel}
              </label>
              <select
                id="secret-restic-bucket"
                value={chosenBucket}
                onChange={(e) => setResticBucket(e.target.value)}
                data-testid="secret-restic-bucket"
                className={cx(inputClass(false), 'mt-1 py-1.5')}
              >
                {bucketOptions.length === 0 && <option value="">{k.resticNoBucket}</option>}
                {bucketOptions.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
            <ul className="mt-3 list-disc space-y-1 pl-4 text-xs text-slate-500">
              <li>
                {interpolate(k.awsHint, { profile: profileName(BRAND_NAME), endpoint: secret.s3Endpoint })}
              </li>
              <li>{interpolate(k.rcloneHint, { profile: profileName(BRAND_NAME) })}</li>
              <li>{k.resticHint}</li>
            </ul>
          </div>
        </div>
      )}
    </Modal>
  );
}

function SecretValue({
  label,
  value,
  testId,
  copyTestId,
}: {
  label: string;
  value: string;
  testId: string;
  copyTestId?: string;
}) {
  return (
    <div className="min-w-0">
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd className="mt-1 flex items-center gap-2">
        <code
          className="min-w-0 flex-1 select-all break-all rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-sm text-slate-900"
          data-testid={testId}
        >
          {value}
        </code>
        {copyTestId && <CopyButton value={value} label={label} testId={copyTestId} showText />}
      </dd>
    </div>
  );
}
