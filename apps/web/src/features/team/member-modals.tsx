'use client';

import { useState, type FormEvent } from 'react';
import { Modal } from '@/components/modal';
import { Alert, Button, TextField } from '@/components/ui';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { api, ApiError, type Bucket, type BucketGrant, type TeamMember } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { BucketChecklist } from './bucket-checklist';
import { RolePicker, type MemberRole } from './role-picker';

const grantsOf = (member: TeamMember): BucketGrant[] =>
  member.buckets.map((b) => ({ bucketId: b.bucketId, access: b.access }));

/** Change role; choosing External Client asks which buckets. */
export function RoleModal({
  member,
  buckets,
  onClose,
  onDone,
}: {
  member: TeamMember;
  buckets: Bucket[];
  onClose: () => void;
  onDone: (member: TeamMember) => void;
}) {
  const { t } = useI18n();
  const [role, setRole] = useState<MemberRole>(member.role === 'owner' ? 'admin' : member.role);
  const [grants, setGrants] = useState<BucketGrant[]>(grantsOf(member));
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError('');
    setSubmitting(true);
    try {
      onDone(
        await api.changeMemberRole(member.id, {
          role,
          ...(role === 'external_client' ? { buckets: grants } : {}),
        }),
      );
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
      title={interpolate(t.team.roleTitle, { name: member.fullName })}
      size="lg"
      testId="role-modal"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} testId="role-cancel">
            {t.common.cancel}
          </Button>
          <Button type="submit" form="role-form" loading={submitting} testId="role-submit">
            {submitting ? t.team.saving : t.team.save}
          </Button>
        </>
      }
    >
      <form id="role-form" method="post" onSubmit={onSubmit} noValidate className="space-y-5">
        <Alert tone="error" testId="role-error">
          {formError}
        </Alert>
        <RolePicker value={role} onChange={setRole} testIdPrefix="role-option" error={fields.role} />
        {role === 'external_client' && (
          <BucketChecklist
            buckets={buckets}
            value={grants}
            onChange={setGrants}
            testIdPrefix="role-bucket"
            error={fields.buckets}
          />
        )}
      </form>
    </Modal>
  );
}

export function BucketsModal({
  member,
  buckets,
  onClose,
  onDone,
}: {
  member: TeamMember;
  buckets: Bucket[];
  onClose: () => void;
  onDone: (member: TeamMember) => void;
}) {
  const { t } = useI18n();
  const [grants, setGrants] = useState<BucketGrant[]>(grantsOf(member));
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState('');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError('');
    setSubmitting(true);
    try {
      onDone(await api.setMemberBuckets(member.id, grants));
    } catch (error) {
      setFormError(errorMessage(error, t));
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open
      onClose={onClose}
      title={interpolate(t.team.bucketsTitle, { name: member.fullName })}
      size="lg"
      testId="buckets-modal"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} testId="buckets-cancel">
            {t.common.cancel}
          </Button>
          <Button type="submit" form="member-buckets-form" loading={submitting} testId="buckets-submit">
            {submitting ? t.team.saving : t.team.save}
          </Button>
        </>
      }
    >
      <form id="member-buckets-form" method="post" onSubmit={onSubmit} noValidate className="space-y-5">
        <Alert tone="error" testId="buckets-error">
          {formError}
        </Alert>
        <BucketChecklist buckets={buckets} value={grants} onChange={setGrants} testIdPrefix="member-bucket" />
      </form>
    </Modal>
  );
}

/** A yes/no question about one member; the action runs on confirm. */
export function ConfirmModal({
  message,
  confirmLabel,
  danger,
  onClose,
  onConfirm,
}: {
  message: string;
  confirmLabel: string;
  danger?: boolean;
  onClose: () => void;
  onConfirm: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState('');

  async function confirm() {
    setFormError('');
    setSubmitting(true);
    try {
      await onConfirm();
    } catch (error) {
      setFormError(errorMessage(error, t));
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open
      onClose={onClose}
      title={t.team.confirmTitle}
      testId="confirm-modal"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} testId="confirm-cancel">
            {t.common.cancel}
          </Button>
          <Button
            variant={danger ? 'danger' : 'primary'}
            onClick={() => void confirm()}
            loading={submitting}
            testId="confirm-submit"
          >
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        <Alert tone="error" testId="confirm-error">
          {formError}
        </Alert>
        <p className="text-sm text-slate-700" data-testid="confirm-message">
          {message}
        </p>
      </div>
    </Modal>
  );
}

export function TransferModal({
  member,
  onClose,
  onDone,
}: {
  member: TeamMember;
  onClose: () => void;
  onDone: (member: TeamMember) => void;
}) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState('');
  const eligible = member.role === 'admin' && member.status === 'active';

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!eligible || !password) return;
    setFormError('');
    setSubmitting(true);
    try {
      onDone(await api.transferOwnership(member.id, password));
    } catch (error) {
      setFormError(errorMessage(error, t));
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open
      onClose={onClose}
      title={t.team.transferTitle}
      testId="transfer-modal"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} testId="transfer-cancel">
            {t.common.cancel}
          </Button>
          <Button
            type="submit"
            form="transfer-form"
            variant="danger"
            disabled={!eligible || !password}
            loading={submitting}
            testId="transfer-submit"
          >
            {t.team.transferSubmit}
          </Button>
        </>
      }
    >
      <form id="transfer-form" method="post" onSubmit={onSubmit} noValidate className="space-y-5">
        <Alert tone="error" testId="transfer-error">
          {formError}
        </Alert>
        {eligible ? (
          <>
            <Alert tone="warning">{interpolate(t.team.transferWarning, { name: member.fullName })}</Alert>
            <TextField
              id="transfer-password"
              type="password"
              label={t.team.transferPassword}
              autoComplete="current-password"
              required
              autoFocus
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              testId="transfer-password"
            />
          </>
        ) : (
          <Alert tone="info">{t.team.transferOnlyAdmins}</Alert>
        )}
      </form>
    </Modal>
  );
}
