'use client';

import { useState, type FormEvent } from 'react';
import { Modal } from '@/components/modal';
import { Alert, Button, TextAreaField } from '@/components/ui';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { api, ApiError, type StaffAccount } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';

export function RejectModal({
  account,
  onClose,
  onRejected,
}: {
  account: StaffAccount | null;
  onClose: () => void;
  onRejected: (account: StaffAccount) => void;
}) {
  return <Body account={account} onClose={onClose} onRejected={onRejected} key={account?.id ?? 'none'} />;
}

function Body({
  account,
  onClose,
  onRejected,
}: {
  account: StaffAccount | null;
  onClose: () => void;
  onRejected: (account: StaffAccount) => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState('');
  const [formError, setFormError] = useState('');
  const [submitting, setSubmitting] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!account) return;
    setFormError('');
    if (!reason.trim()) return setReasonError(t.staff.rejectReasonRequired);
    setReasonError('');
    setSubmitting(true);
    try {
      await api.staffRejectAccount(account.id, { reason: reason.trim() });
      onRejected(account);
    } catch (error) {
      setFormError(errorMessage(error, t));
      if (error instanceof ApiError && error.fields.reason) setReasonError(error.fields.reason);
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open={account !== null}
      onClose={onClose}
      title={t.staff.rejectTitle}
      description={account ? interpolate(t.staff.rejectText, { name: account.name }) : undefined}
      testId="reject-modal"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} testId="reject-cancel">
            {t.common.cancel}
          </Button>
          <Button
            type="submit"
            form="reject-form"
            variant="danger"
            loading={submitting}
            testId="reject-submit"
          >
            {submitting ? t.staff.rejecting : t.staff.rejectSubmit}
          </Button>
        </>
      }
    >
      <form id="reject-form" method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        <Alert tone="error" testId="reject-error">
          {formError}
        </Alert>
        <TextAreaField
          id="reject-reason"
          label={t.staff.rejectReason}
          hint={t.staff.rejectReasonHint}
          required
          autoFocus
          rows={4}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={reasonError}
          testId="reject-reason-input"
        />
      </form>
    </Modal>
  );
}
