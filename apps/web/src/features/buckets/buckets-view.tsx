'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Alert, Badge, Button, Card, PageHeader } from '@/components/ui';
import { useCanManageStorage, useSession } from '@/features/portal/session';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { api, type Bucket } from '@/lib/api';
import { bucketObjectsHref, bucketSettingsHref } from '@/lib/buckets-api';
import { errorMessage } from '@/lib/error-message';
import { formatBytes, formatDate, formatNumber } from '@/lib/format';
import { useApiData } from '@/lib/hooks/use-api-data';
import { CreateBucketModal } from './create-bucket-modal';
import { DeleteBucketModal } from './delete-bucket-modal';

const loadBuckets = () => api.listBuckets().then((res) => res.items);

export function BucketsView() {
  const { t, lang } = useI18n();
  const canManage = useCanManageStorage();
  // External clients see only the buckets shared with them.
  const isExternal = useSession().user.role === 'external_client';
  const subtitle = isExternal ? t.team.sharedSubtitle : t.buckets.subtitle;
  const { data: buckets, error, loading, reload } = useApiData(loadBuckets);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Bucket | null>(null);
  const [notice, setNotice] = useState('');

  const createButton = (testId: string) =>
    canManage && (
      <Button
        onClick={() => {
          setNotice('');
          setCreating(true);
        }}
        testId={testId}
      >
        <svg viewBox="0 0 20 20" fill="currentColor" className="size-4" aria-hidden="true">
          <path d="M10.75 4.75a.75.75 0 0 0-1.5 0v4.5h-4.5a.75.75 0 0 0 0 1.5h4.5v4.5a.75.75 0 0 0 1.5 0v-4.5h4.5a.75.75 0 0 0 0-1.5h-4.5v-4.5Z" />
        </svg>
        {t.buckets.create}
      </Button>
    );

  return (
    <>
      <PageHeader
        title={t.buckets.title}
        subtitle={
          buckets ? `${subtitle} · ${interpolate(t.buckets.count, { count: buckets.length })}` : subtitle
        }
        actions={createButton('bucket-create-open')}
      />
      <div className="mb-4 space-y-3">
        <Alert tone="success" testId="buckets-notice">
          {notice}
        </Alert>
        {!canManage && (
          <Alert tone="info">{isExternal ? t.team.sharedNotice : t.portal.readOnlyNotice}</Alert>
        )}
      </div>

      {error && !buckets ? (
        <div className="space-y-3">
          <Alert tone="error" testId="buckets-error">
            {errorMessage(error, t)}
          </Alert>
          <Button variant="secondary" onClick={() => void reload()} loading={loading}>
            {t.common.retry}
          </Button>
        </div>
      ) : !buckets ? (
        <Card className="p-10 text-center text-sm text-slate-500">
          <span aria-busy="true">{t.common.loading}</span>
        </Card>
      ) : buckets.length === 0 ? (
        <Card className="px-6 py-14 text-center" testId="buckets-empty">
          <p className="text-base font-medium text-slate-900">{t.buckets.empty}</p>
          <p className="mt-1 text-sm text-slate-500">{t.buckets.emptyHint}</p>
          {canManage && <div className="mt-6">{createButton('bucket-create-open-empty')}</div>}
        </Card>
      ) : (
        <Card className="overflow-hidden">
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="buckets-table">
              <thead className="whitespace-nowrap bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-5 py-3">
                    {t.buckets.colName}
                  </th>
                  <th scope="col" className="px-5 py-3 text-right">
                    {t.buckets.colSize}
                  </th>
                  <th scope="col" className="px-5 py-3 text-right">
                    {t.buckets.colObjects}
                  </th>
                  <th scope="col" className="px-5 py-3">
                    {t.buckets.colVersioning}
                  </th>
                  <th scope="col" className="px-5 py-3">
                    {t.bucketSettings.colPublic}
                  </th>
                  <th scope="col" className="px-5 py-3">
                    {t.bucketSettings.colObjectLock}
                  </th>
                  <th scope="col" className="px-5 py-3">
                    {t.buckets.colCreatedAt}
                  </th>
                  <th scope="col" className="px-5 py-3 text-right">
                    <span className="sr-only sm:not-sr-only">{t.common.actions}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {buckets.map((bucket) => (
                  <tr
                    key={bucket.id}
                    data-testid={`bucket-row-${bucket.name}`}
                    className="hover:bg-slate-50/60"
                  >
                    <td className="whitespace-nowrap px-5 py-3.5 font-mono font-medium text-slate-900">
                      {isExternal ? (
                        // External clients have no settings page: their bucket opens its objects.
                        <Link
                          href={bucketObjectsHref(bucket.id)}
                          className="text-brand-700 hover:underline"
                          aria-label={interpolate(t.objects.openAria, { name: bucket.name })}
                          data-testid={`bucket-objects-${bucket.name}`}
                        >
                          {bucket.name}
                        </Link>
                      ) : (
                        <Link
                          href={bucketSettingsHref(bucket.id)}
                          className="text-brand-700 hover:underline"
                          aria-label={interpolate(t.bucketSettings.openAria, { name: bucket.name })}
                          data-testid={`bucket-open-${bucket.name}`}
                        >
                          {bucket.name}
                        </Link>
                      )}
                      {/* External clients: their access to this shared bucket. */}
                      {bucket.access && (
                        <span className="ml-2 font-sans" data-testid={`bucket-access-${bucket.name}`}>
                          <Badge tone={bucket.access === 'full' ? 'amber' : 'gray'}>
                            {t.team.access[bucket.access]}
                          </Badge>
                        </span>
                      )}
                    </td>
                    <td className="whitespace-nowrap px-5 py-3.5 text-right tabular-nums text-slate-700">
                      {formatBytes(bucket.sizeBytes, lang)}
                    </td>
                    <td className="whitespace-nowrap px-5 py-3.5 text-right tabular-nums text-slate-700">
                      {formatNumber(bucket.objectCount, lang)}
                    </td>
                    <td className="whitespace-nowrap px-5 py-3.5">
                      {bucket.versioning ? (
                        <Badge tone="green">{t.buckets.versioningOn}</Badge>
                      ) : (
                        <Badge tone="gray">{t.buckets.versioningOff}</Badge>
                      )}
                    </td>
                    <td
                      className="whitespace-nowrap px-5 py-3.5"
                      data-testid={`bucket-public-${bucket.name}`}
                    >
                      {bucket.publicRead ? (
                        <Badge tone="amber">{t.bucketSettings.publicOn}</Badge>
                      ) : (
                        <Badge tone="gray">{t.bucketSettings.publicOff}</Badge>
                      )}
                    </td>
                    <td className="whitespace-nowrap px-5 py-3.5" data-testid={`bucket-lock-${bucket.name}`}>
                      {!bucket.objectLock ? (
                        <span className="text-slate-500">{t.bucketSettings.lockOff}</span>
                      ) : bucket.defaultRetention ? (
                        <Badge tone="blue">
                          {interpolate(t.bucketSettings.lockSummary, {
                            mode:
                              bucket.defaultRetention.mode === 'compliance'
                                ? t.bucketSettings.modeCompliance
                                : t.bucketSettings.modeGovernance,
                            days: bucket.defaultRetention.days,
                          })}
                        </Badge>
                      ) : (
                        <Badge tone="blue">{t.bucketSettings.lockOnNoRetention}</Badge>
                      )}
                    </td>
                    <td className="whitespace-nowrap px-5 py-3.5 text-slate-700">
                      {formatDate(bucket.createdAt)}
                    </td>
                    <td className="whitespace-nowrap px-5 py-3.5">
                      <div className="flex items-center justify-end gap-1">
                        {!isExternal && (
                          <Link
                            href={bucketSettingsHref(bucket.id)}
                            className="inline-flex items-center rounded-lg p-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
                            aria-label={interpolate(t.bucketSettings.settingsAria, { name: bucket.name })}
                            title={t.bucketSettings.settings}
                            data-testid={`bucket-settings-${bucket.name}`}
                          >
                            <svg
                              viewBox="0 0 20 20"
                              fill="none"
                              stroke="currentColor"
                              strokeWidth="1.5"
                              className="size-5"
                              aria-hidden="true"
                            >
                              <path d="M3.5 6h8M14.5 6h2M3.5 14h2M8.5 14h8" strokeLinecap="round" />
                              <circle cx="13" cy="6" r="1.75" />
                              <circle cx="7" cy="14" r="1.75" />
                            </svg>
                          </Link>
                        )}
                        {canManage && (
                          <Button
                            variant="ghostDanger"
                            size="sm"
                            aria-label={interpolate(t.buckets.deleteAria, { name: bucket.name })}
                            onClick={() => {
                              setNotice('');
                              setDeleting(bucket);
                            }}
                            testId={`bucket-delete-${bucket.name}`}
                          >
                            {t.buckets.delete}
                          </Button>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}

      <CreateBucketModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={async (bucket) => {
          setCreating(false);
          await reload();
          setNotice(interpolate(t.buckets.created, { name: bucket.name }));
        }}
      />
      <DeleteBucketModal
        bucket={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={async (bucket) => {
          setDeleting(null);
          await reload();
          setNotice(interpolate(t.buckets.deleted, { name: bucket.name }));
        }}
      />
    </>
  );
}
