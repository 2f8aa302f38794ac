'use client';

import { useState, type FormEvent } from 'react';
import { Modal } from '@/components/modal';
import { Alert, Button, TextField } from '@/components/ui';
import { useI18n } from '@/i18n/provider';
import { api, type Bucket } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';

export function DeleteBucketModal({
  bucket,
  onClose,
  onDeleted,
}: {
  bucket: Bucket | null;
  onClose: () => void;
  onDeleted: (bucket: Bucket) => void;
}) {
  return <Body bucket={bucket} onClose={onClose} onDeleted={onDeleted} key={bucket?.id ?? 'none'} />;
}

function Body({
  bucket,
  onClose,
  onDeleted,
}: {
  bucket: Bucket | null;
  onClose: () => void;
  onDeleted: (bucket: Bucket) => void;
}) {
  const { t } = useI18n();
  const [confirmation, setConfirmation] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState('');
  const matches = bucket !== null && confirmation === bucket.name;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!bucket || !matches) return;
    setFormError('');
    setSubmitting(true);
    try {
      await api.deleteBucket(bucket.id);
      onDeleted(bucket);
    } catch (error) {
      // 409 bucket_not_empty: the API says why; keep the modal open.
      setFormError(errorMessage(error, t));
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open={bucket !== null}
      onClose={onClose}
      title={t.buckets.deleteTitle}
      testId="bucket-delete-modal"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} testId="bucket-delete-cancel">
            {t.common.cancel}
          </Button>
          <Button
            type="submit"
            form="delete-bucket-form"
            variant="danger"
            disabled={!matches}
            loading={submitting}
            testId="bucket-delete-submit"
          >
            {submitting ? t.buckets.deleting : t.buckets.deleteSubmit}
          </Button>
        </>
      }
    >
      {bucket && (
        <form id="delete-bucket-form" method="post" onSubmit={onSubmit} noValidate className="space-y-5">
          <Alert tone="error" testId="bucket-delete-error">
            {formError}
          </Alert>
          <p className="text-sm text-slate-700">{t.buckets.deleteWarning}</p>
          <TextField
            id="bucket-delete-confirm"
            label={renderConfirmLabel(t.buckets.deleteConfirmLabel, bucket.name)}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            value={confirmation}
            onChange={(e) => setConfirmation(e.target.value)}
            testId="bucket-delete-confirm-input"
            className="font-mono"
          />
        </form>
      )}
    </Modal>
  );
}

/** "Digite {name} para confirmar" with the name in monospace. */
function renderConfirmLabel(template: string, name: string) {
  const [before, after] = template.split('{name}');
  return (
    <>
      {before}
      <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-red-700">{name}</code>
      {after}
    </>
  );
}
