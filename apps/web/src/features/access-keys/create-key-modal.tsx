'use client';

import { useEffect, useState, type FormEvent } from 'react';
import { Modal } from '@/components/modal';
import { Alert, Button, TextField } from '@/components/ui';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { api, ApiError, type AccessKeySecret, type Bucket } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { endOfDayIso, localDate } from './countdown';
import { ScopePicker, type ScopeGrant } from './scope-picker';

// The API's limits (access-keys.dto.ts).
const MAX_NAME = 64;
const MAX_DESCRIPTION = 256;
const MAX_SCOPED_BUCKETS = 20;

export function CreateKeyModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (secret: AccessKeySecret) => void;
}) {
  return <Body open={open} onClose={onClose} onCreated={onCreated} key={open ? 'open' : 'closed'} />;
}

type Errors = Partial<Record<'name' | 'description' | 'expiresAt' | 'scope', string>>;

function Body({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (secret: AccessKeySecret) => void;
}) {
  const { t } = useI18n();
  const k = t.accessKeys;
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [expiry, setExpiry] = useState('');
  const [scopeMode, setScopeMode] = useState<'all' | 'chosen'>('all');
  const [scope, setScope] = useState<ScopeGrant[]>([]);
  const [buckets, setBuckets] = useState<Bucket[] | undefined>(undefined);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState('');
  const [submitting, setSubmitting] = useState(false);

  const today = new Date();
  const minDate = localDate(today, 1);
  const maxDate = localDate(today, 365 - 1);

  useEffect(() => {
    if (!open || scopeMode !== 'chosen' || buckets !== undefined) return;
    api
      .listBuckets()
      .then((res) => setBuckets(res.items))
      .catch((error: unknown) => {
        setBuckets([]);
        setFormError(errorMessage(error, t));
      });
  }, [open, scopeMode, buckets, t]);

  function validate(): Errors {
    const next: Errors = {};
    const trimmed = name.trim();
    if (!trimmed) next.name = t.keys.nameRequired;
    else if (trimmed.length > MAX_NAME) next.name = k.nameTooLong;
    if (description.trim().length > MAX_DESCRIPTION) next.description = k.descriptionTooLong;
    if (expiry && (!endOfDayIso(expiry) || expiry < minDate || expiry > maxDate))
      next.expiresAt = k.expiryInvalid;
    if (scopeMode === 'chosen' && scope.length === 0) next.scope = k.scopePickOne;
    if (scopeMode === 'chosen' && scope.length > MAX_SCOPED_BUCKETS)
      next.scope = interpolate(k.scopeTooMany, { max: MAX_SCOPED_BUCKETS });
    return next;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError('');
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSubmitting(true);
    try {
      onCreated(
        await api.createAccessKey({
          name: name.trim(),
          description: description.trim() || null,
          expiresAt: expiry ? endOfDayIso(expiry) : null,
          scope: scopeMode === 'chosen' ? scope : null,
        }),
      );
    } catch (error) {
      setFormError(errorMessage(error, t));
      if (error instanceof ApiError) {
        const f = error.fields;
        setErrors({ name: f.name, description: f.description, expiresAt: f.expiresAt, scope: f.scope });
      }
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open={open}
      onClose={onClose}
      title={t.keys.createTitle}
      size="lg"
      testId="key-create-modal"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} testId="key-create-cancel">
            {t.common.cancel}
          </Button>
          <Button type="submit" form="create-key-form" loading={submitting} testId="key-create-submit">
            {submitting ? t.keys.creating : t.keys.createSubmit}
          </Button>
        </>
      }
    >
      <form id="create-key-form" method="post" onSubmit={onSubmit} noValidate className="space-y-5">
        <Alert tone="error" testId="key-create-error">
          {formError}
        </Alert>
        <TextField
          id="key-name"
          label={t.keys.nameLabel}
          hint={t.keys.nameHint}
          required
          autoFocus
          autoComplete="off"
          maxLength={MAX_NAME}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          testId="key-name-input"
        />
        <TextField
          id="key-description"
          label={k.descriptionLabel}
          hint={k.descriptionHint}
          autoComplete="off"
          maxLength={MAX_DESCRIPTION}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={errors.description}
          testId="key-description-input"
        />
        <TextField
          id="key-expiry"
          type="date"
          label={k.expiryLabel}
          hint={k.expiryHint}
          min={minDate}
          max={maxDate}
          value={expiry}
          onChange={(e) => setExpiry(e.target.value)}
          error={errors.expiresAt}
          testId="key-expiry-input"
        />
        <ScopePicker
          buckets={buckets}
          mode={scopeMode}
          onModeChange={setScopeMode}
          value={scope}
          onChange={setScope}
          error={errors.scope}
        />
      </form>
    </Modal>
  );
}
