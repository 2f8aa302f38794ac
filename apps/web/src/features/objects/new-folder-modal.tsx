'use client';

import { useState, type FormEvent } from 'react';
import { Modal } from '@/components/modal';
import { Alert, Button, TextField } from '@/components/ui';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { ApiError } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { objectsApi } from '@/lib/objects-api';

/** The same rules as the API (objects.dto.ts): checked here only to answer before a round trip. */
function folderNameValid(name: string): boolean {
  if (!name || name.startsWith('/')) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return false;
  return name
    .split('/')
    .every(
      (segment, i, all) => (segment !== '' || i === all.length - 1) && segment !== '.' && segment !== '..',
    );
}

export function NewFolderModal(props: {
  open: boolean;
  bucketId: string;
  bucketName: string;
  prefix: string;
  onClose: () => void;
  onCreated: (name: string) => void;
}) {
  return <Body {...props} key={props.open ? 'open' : 'closed'} />;
}

function Body({
  open,
  bucketId,
  bucketName,
  prefix,
  onClose,
  onCreated,
}: {
  open: boolean;
  bucketId: string;
  bucketName: string;
  prefix: string;
  onClose: () => void;
  onCreated: (name: string) => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [formError, setFormError] = useState('');
  const [submitting, setSubmitting] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    setFormError('');
    if (!folderNameValid(trimmed)) {
      setFieldError(t.objects.folderModal.invalid);
      return;
    }
    setFieldError('');
    setSubmitting(true);
    try {
      await objectsApi.createFolder(bucketId, prefix + trimmed);
      onCreated(trimmed.replace(/\/+$/, ''));
    } catch (error) {
      if (error instanceof ApiError && error.fields.prefix) setFieldError(error.fields.prefix);
      else setFormError(errorMessage(error, t));
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open={open}
      onClose={onClose}
      title={t.objects.folderModal.title}
      description={interpolate(t.objects.folderModal.description, { path: `${bucketName}/${prefix}` })}
      testId="folder-modal"
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t.common.cancel}
          </Button>
          <Button type="submit" form="new-folder-form" loading={submitting} testId="folder-submit">
            {submitting ? t.objects.folderModal.creating : t.objects.folderModal.submit}
          </Button>
        </>
      }
    >
      <form id="new-folder-form" method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        <Alert tone="error" testId="folder-error">
          {formError}
        </Alert>
        <TextField
          id="folder-name"
          label={t.objects.folderModal.label}
          hint={t.objects.folderModal.hint}
          error={fieldError}
          autoComplete="off"
          autoFocus
          maxLength={1000}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setFieldError('');
          }}
          testId="folder-name"
        />
      </form>
    </Modal>
  );
}
