'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useState, type ReactNode } from 'react';
import { CopyButton } from '@/components/copy-button';
import { Modal } from '@/components/modal';
import { Alert, Badge, Button, Card, cx } from '@/components/ui';
import { useCanManageStorage } from '@/features/portal/session';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { ApiError } from '@/lib/api';
import { bucketObjectsHref, bucketsApi, type BucketDetail } from '@/lib/buckets-api';
import { errorMessage } from '@/lib/error-message';
import { formatBytes, formatDate, formatNumber } from '@/lib/format';
import { useApiData } from '@/lib/hooks/use-api-data';
import { DeleteBucketModal } from './delete-bucket-modal';
import {
  checkDrafts,
  draftsFromRules,
  LifecycleRulesEditor,
  ruleErrorsFromFields,
  rulesFromDrafts,
  type RuleDraft,
} from './lifecycle-rules-editor';
import {
  checkRetention,
  RetentionFields,
  retentionDraft,
  retentionValue,
  type RetentionDraft,
} from './retention-fields';

type Saving = 'versioning' | 'public' | 'retention' | 'lifecycle' | null;

export function BucketSettingsView({ bucketId }: { bucketId: string }) {
  const { t, lang } = useI18n();
  const s = t.bucketSettings;
  const router = useRouter();
  const canManage = useCanManageStorage();
  const load = useCallback(() => bucketsApi.get(bucketId), [bucketId]);
  const { data, error, loading, reload } = useApiData(load);
  // Local copy, replaced by each save's answer (the API returns the whole bucket).
  const [saved, setSaved] = useState<BucketDetail | null>(null);
  const bucket = saved && saved.id === data?.id ? saved : data;

  const [saving, setSaving] = useState<Saving>(null);
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState('');
  const [confirmPublic, setConfirmPublic] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [retention, setRetention] = useState<RetentionDraft | null>(null);
  const [retentionError, setRetentionError] = useState('');
  const [rules, setRules] = useState<RuleDraft[] | null>(null);
  const [ruleErrors, setRuleErrors] = useState<Record<string, string>>({});

  if (error && !bucket) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <div className="space-y-3">
        <BackLink label={s.back} />
        <Alert tone="error" testId="bucket-settings-error">
          {missing ? s.notFound : errorMessage(error, t)}
        </Alert>
        {!missing && (
          <Button variant="secondary" onClick={() => void reload()} loading={loading}>
            {t.common.retry}
          </Button>
        )}
      </div>
    );
  }
  if (!bucket) {
    return (
      <Card className="p-10 text-center text-sm text-slate-500">
        <span aria-busy="true">{t.common.loading}</span>
      </Card>
    );
  }

  const retentionForm = retention ?? retentionDraft(bucket.defaultRetention);
  const ruleForm = rules ?? draftsFromRules(bucket.lifecycleRules);

  async function save(kind: Exclude<Saving, null>, call: () => Promise<BucketDetail>) {
    setSaving(kind);
    setNotice('');
    setFailure('');
    try {
      const next = await call();
      setSaved(next);
      if (kind === 'retention') setRetention(null);
      if (kind === 'lifecycle') setRules(null);
      setNotice(s.saved);
      return true;
    } catch (err) {
      setFailure(errorMessage(err, t));
      if (kind === 'lifecycle' && err instanceof ApiError)
        setRuleErrors(ruleErrorsFromFields(err.fields, 'rules'));
      if (kind === 'retention' && err instanceof ApiError) {
        const days = err.fields['defaultRetention.days'];
        if (days) setRetentionError(days);
      }
      return false;
    } finally {
      setSaving(null);
    }
  }

  const modeLabel = (mode: string) => (mode === 'compliance' ? s.modeCompliance : s.modeGovernance);

  return (
    <>
      <BackLink label={s.back} />
      <div className="mb-5 mt-2 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1
            className="break-all font-mono text-2xl font-semibold text-slate-900"
            data-testid="bucket-settings-name"
          >
            {bucket.name}
          </h1>
          <div className="mt-2 flex flex-wrap gap-2">
            <Badge tone={bucket.versioning ? 'green' : 'gray'}>
              {t.buckets.colVersioning}:{' '}
              {bucket.versioning ? t.buckets.versioningOn : t.buckets.versioningOff}
            </Badge>
            <Badge tone={bucket.publicRead ? 'amber' : 'gray'}>
              {bucket.publicRead ? s.publicOn : s.publicOff}
            </Badge>
            {bucket.objectLock && (
              <Badge tone="blue">
                {s.objectLockTitle}
                {bucket.defaultRetention &&
                  ` · ${interpolate(s.lockSummary, {
                    mode: modeLabel(bucket.defaultRetention.mode),
                    days: bucket.defaultRetention.days,
                  })}`}
              </Badge>
            )}
          </div>
        </div>
      </div>

      {/* Tabs: settings here; the object browser is its own page. */}
      <nav className="mb-6 border-b border-slate-200" aria-label={bucket.name}>
        <ul className="-mb-px flex gap-6 text-sm font-medium">
          <li>
            <span
              aria-current="page"
              className="inline-block border-b-2 border-brand-600 px-1 pb-3 text-brand-700"
              data-testid="bucket-tab-settings"
            >
              {s.tabSettings}
            </span>
          </li>
          <li>
            <Link
              href={bucketObjectsHref(bucket.id)}
              className="inline-block border-b-2 border-transparent px-1 pb-3 text-slate-600 hover:border-slate-300 hover:text-slate-900"
              data-testid="bucket-tab-objects"
            >
              {s.tabObjects}
            </Link>
          </li>
        </ul>
      </nav>

      <div className="mb-4 space-y-3">
        <Alert tone="success" testId="bucket-settings-notice">
          {notice}
        </Alert>
        <Alert tone="error" testId="bucket-settings-failure">
          {failure}
        </Alert>
        {!canManage && <Alert tone="info">{t.portal.readOnlyNotice}</Alert>}
      </div>

      <div className="grid gap-5 lg:grid-cols-3">
        <Card className="p-5 lg:col-span-1" testId="bucket-summary">
          <dl className="space-y-3 text-sm">
            <Row label={s.summarySize}>{formatBytes(bucket.sizeBytes, lang)}</Row>
            <Row label={s.summaryObjects}>{formatNumber(bucket.objectCount, lang)}</Row>
            <Row label={s.summaryCreated}>{formatDate(bucket.createdAt)}</Row>
          </dl>
          <p className="mt-4 text-xs text-slate-500">{s.objectsLinkHint}</p>
          <Link
            href={bucketObjectsHref(bucket.id)}
            className="mt-2 inline-flex items-center rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
            data-testid="bucket-open-objects"
          >
            {s.openObjects}
          </Link>
        </Card>

        <Card className="p-5 lg:col-span-2" testId="bucket-connection">
          <h2 className="text-base font-semibold text-slate-900">{s.connectionTitle}</h2>
          <p className="mt-1 text-sm text-slate-600">{s.connectionHint}</p>
          <dl className="mt-4 space-y-3 text-sm">
            <CopyRow label={s.endpoint} value={bucket.connection.s3Endpoint} testId="bucket-copy-endpoint" />
            <Row label={s.region}>
              <code className="font-mono">{bucket.connection.region}</code>
            </Row>
            <CopyRow label={s.bucketUrl} value={bucket.connection.bucketUrl} testId="bucket-copy-url" />
            {bucket.connection.publicObjectUrlPattern && (
              <CopyRow
                label={s.publicUrlPattern}
                value={bucket.connection.publicObjectUrlPattern}
                hint={s.publicUrlHint}
                testId="bucket-copy-public-url"
              />
            )}
          </dl>
        </Card>

        <Section title={s.versioningTitle} testId="bucket-versioning-section">
          <p className="text-sm text-slate-700">
            {bucket.versioning ? s.versioningOnText : s.versioningOffText}
          </p>
          {bucket.objectLock ? (
            <p className="mt-2 text-xs text-slate-500">{s.versioningLockedNote}</p>
          ) : (
            canManage && (
              <div className="mt-4">
                <Button
                  variant={bucket.versioning ? 'secondary' : 'primary'}
                  size="sm"
                  loading={saving === 'versioning'}
                  disabled={saving !== null}
                  onClick={() =>
                    void save('versioning', () => bucketsApi.setVersioning(bucket.id, !bucket.versioning))
                  }
                  testId="bucket-versioning-toggle"
                >
                  {bucket.versioning ? s.versioningSuspend : s.versioningEnable}
                </Button>
                {bucket.versioning && (
                  <p className="mt-2 text-xs text-slate-500">{s.versioningSuspendNote}</p>
                )}
              </div>
            )
          )}
        </Section>

        <Section title={s.publicTitle} testId="bucket-public-section">
          <p className="text-sm text-slate-700">{bucket.publicRead ? s.publicOnText : s.publicOffText}</p>
          {canManage && (
            <div className="mt-4">
              <Button
                variant={bucket.publicRead ? 'secondary' : 'primary'}
                size="sm"
                loading={saving === 'public'}
                disabled={saving !== null}
                onClick={() =>
                  bucket.publicRead
                    ? void save('public', () => bucketsApi.setPublicRead(bucket.id, false))
                    : setConfirmPublic(true)
                }
                testId="bucket-public-toggle"
              >
                {bucket.publicRead ? s.makePrivate : s.makePublic}
              </Button>
            </div>
          )}
        </Section>

        <Section title={s.objectLockTitle} testId="bucket-lock-section">
          {!bucket.objectLock ? (
            <p className="text-sm text-slate-700">{s.objectLockOffText}</p>
          ) : (
            <>
              <p className="mb-3 text-sm text-slate-700">{s.objectLockOnText}</p>
              <RetentionFields
                draft={retentionForm}
                onChange={(d) => {
                  setRetention(d);
                  setRetentionError('');
                }}
                error={retentionError || undefined}
                disabled={!canManage || saving !== null}
                compact
                idPrefix="bucket-settings"
              />
              {canManage && (
                <Button
                  className="mt-4"
                  size="sm"
                  loading={saving === 'retention'}
                  disabled={saving !== null || retention === null}
                  onClick={() => {
                    const problem = checkRetention(retentionForm, s.retentionDaysInvalid);
                    if (problem) return setRetentionError(problem);
                    void save('retention', () =>
                      bucketsApi.setDefaultRetention(bucket.id, retentionValue(retentionForm)),
                    );
                  }}
                  testId="bucket-retention-save"
                >
                  {s.saveRetention}
                </Button>
              )}
            </>
          )}
        </Section>

        <Card className="p-5 lg:col-span-3" testId="bucket-lifecycle-section">
          <h2 className="text-base font-semibold text-slate-900">{s.lifecycleTitle}</h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">{s.lifecycleHint}</p>
          <LifecycleRulesEditor
            drafts={ruleForm}
            onChange={(d) => {
              setRules(d);
              setRuleErrors({});
            }}
            errors={ruleErrors}
            versioning={bucket.versioning}
            disabled={!canManage || saving !== null}
            idPrefix="bucket-settings"
          />
          {canManage && (
            <div className="mt-4 border-t border-slate-100 pt-4">
              <Button
                loading={saving === 'lifecycle'}
                disabled={saving !== null || rules === null}
                onClick={() => {
                  const problems = checkDrafts(ruleForm, {
                    actionRequired: s.ruleActionRequired,
                    daysInvalid: s.daysInvalid,
                  });
                  if (problems) return setRuleErrors(problems);
                  void save('lifecycle', () => bucketsApi.setLifecycle(bucket.id, rulesFromDrafts(ruleForm)));
                }}
                testId="bucket-lifecycle-save"
              >
                {s.saveRules}
              </Button>
            </div>
          )}
        </Card>

        {canManage && (
          <Card className="border-red-200 p-5 lg:col-span-3" testId="bucket-danger-zone">
            <h2 className="text-base font-semibold text-red-800">{s.dangerTitle}</h2>
            <p className="mt-1 text-sm text-slate-700">{s.dangerText}</p>
            <Button
              className="mt-4"
              variant="danger"
              size="sm"
              onClick={() => setDeleting(true)}
              testId="bucket-settings-delete"
            >
              {s.deleteBucket}
            </Button>
          </Card>
        )}
      </div>

      <Modal
        open={confirmPublic}
        onClose={() => setConfirmPublic(false)}
        title={s.confirmPublic}
        testId="bucket-public-confirm"
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirmPublic(false)}>
              {t.common.cancel}
            </Button>
            <Button
              variant="danger"
              loading={saving === 'public'}
              onClick={async () => {
                const ok = await save('public', () => bucketsApi.setPublicRead(bucket.id, true));
                if (ok) setConfirmPublic(false);
              }}
              testId="bucket-public-confirm-submit"
            >
              {s.confirmPublicSubmit}
            </Button>
          </>
        }
      >
        <Alert tone="warning">{s.publicReadWarning}</Alert>
      </Modal>
      <DeleteBucketModal
        bucket={deleting ? bucket : null}
        onClose={() => setDeleting(false)}
        onDeleted={() => {
          setDeleting(false);
          router.push('/painel/buckets');
        }}
      />
    </>
  );
}

function BackLink({ label }: { label: string }) {
  return (
    <Link
      href="/painel/buckets"
      className="inline-flex items-center gap-1 text-sm font-medium text-slate-600 hover:text-slate-900"
      data-testid="bucket-settings-back"
    >
      <span aria-hidden="true">←</span> {label}
    </Link>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Card className="p-5" testId={testId}>
      <h2 className="mb-2 text-base font-semibold text-slate-900">{title}</h2>
      {children}
    </Card>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-3">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-right font-medium text-slate-900">{children}</dd>
    </div>
  );
}

function CopyRow({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  testId: string;
}) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="mt-1 flex items-center gap-2">
        <code
          className={cx(
            'min-w-0 flex-1 truncate rounded-md bg-slate-50 px-2 py-1.5 font-mono text-xs text-slate-800',
          )}
          title={value}
          data-testid={`${testId}-value`}
        >
          {value}
        </code>
        <CopyButton value={value} label={label} testId={testId} />
      </dd>
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
    </div>
  );
}
