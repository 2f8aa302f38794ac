'use client';

import { useState, type FormEvent } from 'react';
import { Modal } from '@/components/modal';
import { Alert, Button, Checkbox, TextField, cx } from '@/components/ui';
import { RuleIcon } from '@/features/auth/password-checklist';
import { useI18n } from '@/i18n/provider';
import { ApiError, type Bucket } from '@/lib/api';
import { bucketsApi } from '@/lib/buckets-api';
import { errorMessage } from '@/lib/error-message';
import { checkBucketName, validateBucketName, type BucketNameError } from '@/lib/validation';
import {
  checkDrafts,
  LifecycleRulesEditor,
  ruleErrorsFromFields,
  rulesFromDrafts,
  type RuleDraft,
} from './lifecycle-rules-editor';
import {
  checkRetention,
  RetentionFields,
  retentionDraft,
  retentionValue,
  type RetentionDraft,
} from './retention-fields';

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
  const [publicRead, setPublicRead] = useState(false);
  const [objectLock, setObjectLock] = useState(false);
  const [retention, setRetention] = useState<RetentionDraft>(() => retentionDraft(null));
  const [lifecycleRules, setLifecycleRules] = useState<RuleDraft[]>([]);
  const [ruleErrors, setRuleErrors] = useState<Record<string, string>>({});
  const [retentionError, setRetentionError] = useState('');
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
    const s = t.bucketSettings;
    const ruleProblems = checkDrafts(lifecycleRules, {
      actionRequired: s.ruleActionRequired,
      daysInvalid: s.daysInvalid,
    });
    const retentionProblem = objectLock ? checkRetention(retention, s.retentionDaysInvalid) : null;
    setRuleErrors(ruleProblems ?? {});
    setRetentionError(retentionProblem ?? '');
    if (clientError || ruleProblems || retentionProblem) return;
    setSubmitting(true);
    try {
      const bucket = await bucketsApi.create({
        name,
        versioning: versioning || objectLock,
        publicRead,
        objectLock,
        defaultRetention: objectLock ? retentionValue(retention) : null,
        lifecycleRules: rulesFromDrafts(lifecycleRules),
      });
      onCreated(bucket);
    } catch (error) {
      setFormError(errorMessage(error, t));
      if (error instanceof ApiError) {
        if (error.fields.name) setServerFieldError(error.fields.name);
        setRuleErrors(ruleErrorsFromFields(error.fields, 'lifecycleRules'));
        const days = error.fields['defaultRetention.days'] ?? error.fields.defaultRetention;
        if (days) setRetentionError(days);
      }
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open={open}
      onClose={onClose}
      title={t.buckets.createTitle}
      size="lg"
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
        <fieldset className="space-y-4">
          <legend className="mb-3 text-sm font-semibold text-slate-900">
            {t.bucketSettings.optionsTitle}
          </legend>
          <Checkbox
            id="bucket-versioning"
            label={t.buckets.versioningLabel}
            hint={objectLock ? t.bucketSettings.versioningForced : t.buckets.versioningHint}
            checked={versioning || objectLock}
            disabled={objectLock}
            onChange={(e) => setVersioning(e.target.checked)}
            testId="bucket-versioning-checkbox"
          />
          <Checkbox
            id="bucket-public-read"
            label={t.bucketSettings.publicReadLabel}
            hint={t.bucketSettings.publicReadHint}
            checked={publicRead}
            onChange={(e) => setPublicRead(e.target.checked)}
            testId="bucket-public-read-checkbox"
          />
          {publicRead && (
            <Alert tone="warning" testId="bucket-public-read-warning">
              {t.bucketSettings.publicReadWarning}
            </Alert>
          )}
          <Checkbox
            id="bucket-object-lock"
            label={t.bucketSettings.objectLockLabel}
            hint={t.bucketSettings.objectLockHint}
            checked={objectLock}
            onChange={(e) => setObjectLock(e.target.checked)}
            testId="bucket-object-lock-checkbox"
          />
          {objectLock && (
            <div className="pl-7">
              <RetentionFields
                draft={retention}
                onChange={(d) => {
                  setRetention(d);
                  setRetentionError('');
                }}
                error={retentionError || undefined}
                idPrefix="bucket-create"
              />
            </div>
          )}
        </fieldset>
        <fieldset className="border-t border-slate-200 pt-4">
          <legend className="sr-only">{t.bucketSettings.lifecycleTitle}</legend>
          <p className="text-sm font-semibold text-slate-900">{t.bucketSettings.lifecycleTitle}</p>
          <p className="mb-3 mt-1 text-xs text-slate-600">{t.bucketSettings.lifecycleHint}</p>
          <LifecycleRulesEditor
            drafts={lifecycleRules}
            onChange={(d) => {
              setLifecycleRules(d);
              setRuleErrors({});
            }}
            errors={ruleErrors}
            versioning={versioning || objectLock}
            idPrefix="bucket-create"
          />
        </fieldset>
      </form>
    </Modal>
  );
}
