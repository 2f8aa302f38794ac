'use client';

import { useState, type FormEvent } from 'react';
import { Modal } from '@/components/modal';
import { Alert, Button, TextField } from '@/components/ui';
import { useI18n } from '@/i18n/provider';
import { api, ApiError, type AccessKeySecret } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';

const MAX_NAME = 100;

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
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState('');
  const [formError, setFormError] = useState('');
  const [submitting, setSubmitting] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError('');
    const trimmed = name.trim();
    if (!trimmed) return setNameError(t.keys.nameRequired);
    if (trimmed.length > MAX_NAME) return setNameError(t.keys.nameTooLong);
    setNameError('');
    setSubmitting(true);
    try {
      onCreated(await api.createAccessKey({ name: trimmed }));
    } catch (error) {
      setFormError(errorMessage(error, t));
      if (error instanceof ApiError && error.fields.name) setNameError(error.fields.name);
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open={open}
      onClose={onClose}
      title={t.keys.createTitle}
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
          error={nameError}
          testId="key-name-input"
        />
      </form>
    </Modal>
  );
}
