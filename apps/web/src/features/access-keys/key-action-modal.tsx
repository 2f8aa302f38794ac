'use client';

import { useState } from 'react';
import { Modal } from '@/components/modal';
import { Alert, Button } from '@/components/ui';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { api, type AccessKey, type RotatedAccessKey } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';

export type KeyAction = 'rotate' | 'deactivate' | 'endNow';

export type KeyActionResult =
  | { action: 'rotate'; key: AccessKey; rotated: RotatedAccessKey }
  | { action: 'deactivate' | 'endNow'; key: AccessKey };

/** Confirmation of the key actions that change what works: rotate, deactivate, end a grace now. */
export function KeyActionModal({
  target,
  onClose,
  onDone,
}: {
  target: { action: KeyAction; key: AccessKey } | null;
  onClose: () => void;
  onDone: (result: KeyActionResult) => void;
}) {
  return (
    <Body
      target={target}
      onClose={onClose}
      onDone={onDone}
      key={target ? `${target.action}-${target.key.id}` : 'none'}
    />
  );
}

function Body({
  target,
  onClose,
  onDone,
}: {
  target: { action: KeyAction; key: AccessKey } | null;
  onClose: () => void;
  onDone: (result: KeyActionResult) => void;
}) {
  const { t } = useI18n();
  const k = t.accessKeys;
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState('');

  const texts = {
    rotate: { title: k.rotateTitle, body: k.rotateBody, submit: k.rotateSubmit, variant: 'primary' as const },
    deactivate: {
      title: k.deactivateTitle,
      body: k.deactivateBody,
      submit: k.deactivateSubmit,
      variant: 'warning' as const,
    },
    endNow: { title: k.endNowTitle, body: k.endNowBody, submit: k.endNowSubmit, variant: 'warning' as const },
  };
  const text = texts[target?.action ?? 'rotate'];

  async function confirm() {
    if (!target) return;
    setFormError('');
    setSubmitting(true);
    try {
      if (target.action === 'rotate') {
        onDone({ action: 'rotate', key: target.key, rotated: await api.rotateAccessKey(target.key.id) });
      } else {
        await api.deactivateAccessKey(target.key.id);
        onDone({ action: target.action, key: target.key });
      }
    } catch (error) {
      setFormError(errorMessage(error, t));
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open={target !== null}
      onClose={onClose}
      title={text.title}
      testId="key-action-modal"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} testId="key-action-cancel">
            {t.common.cancel}
          </Button>
          <Button variant={text.variant} onClick={confirm} loading={submitting} testId="key-action-submit">
            {submitting ? k.working : text.submit}
          </Button>
        </>
      }
    >
      {target && (
        <div className="space-y-3 text-sm text-slate-700">
          <Alert tone="error" testId="key-action-error">
            {formError}
          </Alert>
          <p>{interpolate(text.body, { id: target.key.accessKeyId })}</p>
          {target.action === 'rotate' && <p className="text-slate-500">{k.rotateEndHint}</p>}
          <p className="text-slate-500">
            {t.keys.colName}: <span className="font-medium text-slate-800">{target.key.name}</span>
          </p>
        </div>
      )}
    </Modal>
  );
}
