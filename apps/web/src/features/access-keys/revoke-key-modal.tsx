'use client';

import { useState } from 'react';
import { Modal } from '@/components/modal';
import { Alert, Button } from '@/components/ui';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { api, type AccessKey } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';

export function RevokeKeyModal({
  accessKey,
  onClose,
  onRevoked,
}: {
  accessKey: AccessKey | null;
  onClose: () => void;
  onRevoked: (key: AccessKey) => void;
}) {
  return <Body accessKey={accessKey} onClose={onClose} onRevoked={onRevoked} key={accessKey?.id ?? 'none'} />;
}

function Body({
  accessKey,
  onClose,
  onRevoked,
}: {
  accessKey: AccessKey | null;
  onClose: () => void;
  onRevoked: (key: AccessKey) => void;
}) {
  const { t } = useI18n();
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState('');

  async function revoke() {
    if (!accessKey) return;
    setFormError('');
    setSubmitting(true);
    try {
      await api.revokeAccessKey(accessKey.id);
      onRevoked(accessKey);
    } catch (error) {
      setFormError(errorMessage(error, t));
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open={accessKey !== null}
      onClose={onClose}
      title={t.keys.revokeTitle}
      testId="key-revoke-modal"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} testId="key-revoke-cancel">
            {t.common.cancel}
          </Button>
          <Button variant="danger" onClick={revoke} loading={submitting} testId="key-revoke-submit">
            {submitting ? t.keys.revoking : t.keys.revokeSubmit}
          </Button>
        </>
      }
    >
      {accessKey && (
        <div className="space-y-4">
          <Alert tone="error" testId="key-revoke-error">
            {formError}
          </Alert>
          <p className="text-sm text-slate-700">
            {interpolate(t.keys.revokeWarning, { id: accessKey.accessKeyId })}
          </p>
          {accessKey.name && (
            <p className="text-sm text-slate-500">
              {t.keys.colName}: <span className="font-medium text-slate-800">{accessKey.name}</span>
            </p>
          )}
        </div>
      )}
    </Modal>
  );
}
