'use client';

import { useState, type FormEvent } from 'react';
import { Modal } from '@/components/modal';
import { Alert, Button, TextField } from '@/components/ui';
import { useI18n } from '@/i18n/provider';
import { api, ApiError, type Bucket, type BucketGrant, type TeamInvitation } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { isValidEmail } from '@/lib/validation';
import { BucketChecklist } from './bucket-checklist';
import { RolePicker, type MemberRole } from './role-picker';

export function InviteModal({
  open,
  buckets,
  onClose,
  onInvited,
}: {
  open: boolean;
  buckets: Bucket[];
  onClose: () => void;
  onInvited: (invitation: TeamInvitation) => void;
}) {
  return open ? <Body buckets={buckets} onClose={onClose} onInvited={onInvited} /> : null;
}

function Body({
  buckets,
  onClose,
  onInvited,
}: {
  buckets: Bucket[];
  onClose: () => void;
  onInvited: (invitation: TeamInvitation) => void;
}) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('developer');
  const [grants, setGrants] = useState<BucketGrant[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!email.trim()) errors.email = t.team.emailRequired;
    else if (!isValidEmail(email.trim())) errors.email = t.signup.errEmail;
    if (role === 'external_client' && grants.length === 0) errors.buckets = t.team.bucketsRequired;
    setFields(errors);
    setFormError('');
    if (Object.keys(errors).length) return;
    setSubmitting(true);
    try {
      const invitation = await api.createInvitation({
        email: email.trim(),
        role,
        buckets: role === 'external_client' ? grants : [],
      });
      onInvited(invitation);
    } catch (error) {
      setFormError(errorMessage(error, t));
      if (error instanceof ApiError) setFields(error.fields);
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open
      onClose={onClose}
      title={t.team.inviteTitle}
      description={t.team.inviteDescription}
      size="lg"
      testId="invite-modal"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} testId="invite-cancel">
            {t.common.cancel}
          </Button>
          <Button type="submit" form="invite-form" loading={submitting} testId="invite-submit">
            {submitting ? t.team.sending : t.team.sendInvite}
          </Button>
        </>
      }
    >
      <form id="invite-form" method="post" onSubmit={onSubmit} noValidate className="space-y-5">
        <Alert tone="error" testId="invite-error">
          {formError}
        </Alert>
        <TextField
          id="invite-email"
          type="email"
          label={t.team.email}
          autoComplete="off"
          inputMode="email"
          required
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fields.email}
          testId="invite-email"
        />
        <RolePicker value={role} onChange={setRole} testIdPrefix="invite-role" error={fields.role} />
        {role === 'external_client' && (
          <BucketChecklist
            buckets={buckets}
            value={grants}
            onChange={setGrants}
            testIdPrefix="invite-bucket"
            error={fields.buckets}
          />
        )}
      </form>
    </Modal>
  );
}
