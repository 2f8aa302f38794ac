'use client';

import { useState, type FormEvent } from 'react';
import { Modal } from '@/components/modal';
import { Alert, Button, Checkbox, TextField, cx } from '@/components/ui';
import { RuleIcon } from '@/features/auth/password-checklist';
import { useI18n } from '@/i18n/provider';
import { api, ApiError, type Bucket } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { checkBucketName, validateBucketName, type BucketNameError } from '@/lib/validation';

export function CreateBucketModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (bucket: Bucket) => void;
}) {
  return <ModalBody open={open} onClose={onClose} onCreated={onCreated} key={open ? 'open' : 'closed'} />;
}

function ModalBody({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (bucket: Bucket) => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [versioning, setVersioning] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [formError, setFormError] = useState('');
  const [serverFieldError, setServerFieldError] = useState('');

  const checks = checkBucketName(name);
  const clientError = validateBucketName(name);
  const ruleText: Record<BucketNameError, string> = {
    length: t.buckets.ruleLength,
    charset: t.buckets.ruleCharset,
    edges: t.buckets.ruleEdges,
    doubleHyphen: t.buckets.ruleDoubleHyphen,
  };
  const rules = [
    { key: 'charset', ok: checks.charset, label: t.buckets.ruleCharset },
    { key: 'length', ok: checks.length, label: t.buckets.ruleLength },
    { key: 'edges', ok: checks.edges, label: t.buckets.ruleEdges },
    { key: 'double-hyphen', ok: checks.noDoubleHyphen && name.length > 0, label: t.buckets.ruleDoubleHyphen },
  ];
  const fieldError =
    serverFieldError || (clientError && (submitted || name.length > 0) ? ruleText[clientError] : undefined);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setFormError('');
    if (clientError) return;
    setSubmitting(true);
    try {
      const bucket = await api.createBucket({ name, versioning });
      onCreated(bucket);
    } catch (error) {
      setFormError(errorMessage(error, t));
      if (error instanceof ApiError && error.fields.name) setServerFieldError(error.fields.name);
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open={open}
      onClose={onClose}
      title={t.buckets.createTitle}
      testId="bucket-create-modal"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} testId="bucket-create-cancel">
            {t.common.cancel}
          </Button>
          <Button type="submit" form="create-bucket-form" loading={submitting} testId="bucket-create-submit">
            {submitting ? t.buckets.creating : t.buckets.createSubmit}
          </Button>
        </>
      }
    >
      <form id="create-bucket-form" method="post" onSubmit={onSubmit} noValidate className="space-y-5">
        <Alert tone="error" testId="bucket-create-error">
          {formError}
        </Alert>
        <TextField
          id="bucket-name"
          label={t.buckets.nameLabel}
          required
          autoFocus
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={63}
          placeholder="backup-producao"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setServerFieldError('');
          }}
          error={fieldError}
          testId="bucket-name-input"
          aria-describedby="bucket-name-rules"
          className="font-mono"
        />
        <div id="bucket-name-rules" className="rounded-lg bg-slate-50 px-3 py-2.5 text-xs">
          <p className="font-medium text-slate-700">{t.buckets.rulesTitle}</p>
          <ul className="mt-1.5 space-y-1">
            {rules.map((rule) => (
              <li
                key={rule.key}
                data-testid={`bucket-rule-${rule.key}`}
                data-ok={rule.ok}
                className={cx('flex items-center gap-2', rule.ok ? 'text-emerald-700' : 'text-slate-600')}
              >
                <RuleIcon ok={rule.ok} />
                <span>{rule.label}</span>
                <span className="sr-only">({rule.ok ? t.signup.ruleOk : t.signup.ruleMissing})</span>
              </li>
            ))}
            <li className="flex items-center gap-2 text-slate-600">
              <svg
                viewBox="0 0 20 20"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.5"
                className="size-4 shrink-0"
                aria-hidden="true"
              >
                <circle cx="10" cy="10" r="7.25" />
                <path d="M10 9v4.5M10 6.5v.01" strokeLinecap="round" />
              </svg>
              <span>{t.buckets.ruleUnique}</span>
            </li>
          </ul>
        </div>
        <Checkbox
          id="bucket-versioning"
          label={t.buckets.versioningLabel}
          hint={t.buckets.versioningHint}
          checked={versioning}
          onChange={(e) => setVersioning(e.target.checked)}
          testId="bucket-versioning-checkbox"
        />
      </form>
    </Modal>
  );
}
