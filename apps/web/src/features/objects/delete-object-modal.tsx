'use client';

import { useState } from 'react';
import { Modal } from '@/components/modal';
import { Alert, Button } from '@/components/ui';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { deleteObject, transferErrorMessage } from './transfer';

export interface DeleteTarget {
  key: string;
  versionId?: string;
}

export function DeleteObjectModal(props: {
  bucketId: string;
  target: DeleteTarget | null;
  versioning: boolean;
  onClose: () => void;
  onDeleted: (target: DeleteTarget) => void;
}) {
  return <Body {...props} key={props.target ? `${props.target.key}@${props.target.versionId}` : 'none'} />;
}

function Body({
  bucketId,
  target,
  versioning,
  onClose,
  onDeleted,
}: {
  bucketId: string;
  target: DeleteTarget | null;
  versioning: boolean;
  onClose: () => void;
  onDeleted: (target: DeleteTarget) => void;
}) {
  const { t } = useI18n();
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState('');
  const m = t.objects.deleteModal;

  async function confirm() {
    if (!target) return;
    setSubmitting(true);
    setFormError('');
    try {
      await deleteObject(bucketId, target.key, target.versionId);
      onDeleted(target);
    } catch (error) {
      // MinIO answers 403 for a version under object-lock retention, among others.
      setFormError(transferErrorMessage(error, t));
      setSubmitting(false);
    }
  }

  const name = target?.key ?? '';
  const warning = target?.versionId
    ? interpolate(m.warningVersion, { version: target.versionId, name })
    : interpolate(versioning ? m.warningVersioned : m.warning, { name });

  return (
    <Modal
      open={target !== null}
      onClose={onClose}
      title={target?.versionId ? m.titleVersion : m.title}
      testId="object-delete-modal"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} testId="object-delete-cancel">
            {t.common.cancel}
          </Button>
          <Button
            variant="danger"
            onClick={() => void confirm()}
            loading={submitting}
            testId="object-delete-submit"
          >
            {submitting ? m.deleting : m.submit}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        <Alert tone="error" testId="object-delete-error">
          {formError}
        </Alert>
        <p className="text-sm text-slate-700 [overflow-wrap:anywhere]">{warning}</p>
      </div>
    </Modal>
  );
}
