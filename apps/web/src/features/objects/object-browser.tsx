'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, PageHeader, cx, focusRing } from '@/components/ui';
import { interpolate } from '@/i18n';
import { useSession } from '@/features/portal/session';
import { useI18n } from '@/i18n/provider';
import { ApiError } from '@/lib/api';
import { errorMessage } from '@/lib/error-message';
import { formatBytes, formatDateTime } from '@/lib/format';
import { objectsApi, type ObjectEntry, type ObjectListing } from '@/lib/objects-api';
import { DeleteObjectModal, type DeleteTarget } from './delete-object-modal';
import { NewFolderModal } from './new-folder-modal';
import { download } from './transfer';
import { UploadPanel, useUploads } from './upload-panel';
import { VersionsDrawer } from './versions-drawer';

const PAGE_SIZE = 100;

/** The last path segment of a key or folder prefix ("a/b/c.txt" -> "c.txt", "a/b/" -> "b"). */
export function baseName(path: string): string {
  const parts = path.split('/').filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

export function ObjectBrowser({ bucketId }: { bucketId: string }) {
  const { t, lang } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const prefix = useSearchParams().get('prefix') ?? '';
  // Continuation tokens of the pages before the current one (S3 pages only forwards).
  const [tokens, setTokens] = useState<Array<string | undefined>>([undefined]);
  const [listing, setListing] = useState<ObjectListing | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [notice, setNotice] = useState('');
  const [actionError, setActionError] = useState('');
  const [creatingFolder, setCreatingFolder] = useState(false);
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null);
  const [versionsOf, setVersionsOf] = useState<string | null>(null);
  const [versionsRefresh, setVersionsRefresh] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const page = tokens.length - 1;

  const load = useCallback(
    async (token: string | undefined) => {
      setLoading(true);
      try {
        const result = await objectsApi.list(bucketId, {
          prefix: prefix || undefined,
          continuationToken: token,
          pageSize: PAGE_SIZE,
        });
        setListing(result);
        setError(null);
      } catch (err) {
        if (err instanceof ApiError && err.isUnauthorized) {
          router.replace('/entrar');
          return;
        }
        setError(err);
      } finally {
        setLoading(false);
      }
    },
    [bucketId, prefix, router],
  );

  // A new folder starts at its first page.
  useEffect(() => {
    setTokens([undefined]);
    void load(undefined);
  }, [load]);

  const reload = useCallback(() => load(tokens[tokens.length - 1]), [load, tokens]);
  const uploads = useUploads(bucketId, () => void reload());

  const goTo = (next: string) => {
    setNotice('');
    setActionError('');
    router.push(next ? `${pathname}?prefix=${encodeURIComponent(next)}` : pathname);
  };

  const bucket = listing?.bucket;
  const showSettings = useSession().user.role !== 'external_client';
  const canWrite = bucket?.access === 'full';
  const canUpload = canWrite && !bucket?.writesBlocked;
  const entries = listing ? listing.folders.length + listing.objects.length : 0;

  const onDownload = async (key: string) => {
    setActionError('');
    try {
      await download(bucketId, key);
    } catch (err) {
      setActionError(errorMessage(err, t));
    }
  };

  const crumbs = prefix
    .split('/')
    .filter(Boolean)
    .map((segment, index, all) => ({ label: segment, prefix: `${all.slice(0, index + 1).join('/')}/` }));

  return (
    <>
      <PageHeader
        title={bucket ? bucket.name : t.objects.title}
        subtitle={
          bucket
            ? interpolate(canWrite ? t.objects.subtitle : t.objects.subtitleRead, { name: bucket.name })
            : undefined
        }
        actions={
          <>
            {/* Account roles also reach the bucket's settings; external clients have none. */}
            {showSettings && (
              <Link
                href={`/painel/buckets/${bucketId}`}
                className={cx(
                  'inline-flex items-center rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100',
                  focusRing,
                )}
                data-testid="objects-settings"
              >
                {t.objects.settings}
              </Link>
            )}
            {canWrite && (
              <>
                <Button
                  variant="secondary"
                  onClick={() => {
                    setNotice('');
                    setCreatingFolder(true);
                  }}
                  disabled={!canUpload}
                  testId="objects-new-folder"
                >
                  <svg viewBox="0 0 20 20" fill="currentColor" className="size-4" aria-hidden="true">
                    <path d="M3.75 3A1.75 1.75 0 0 0 2 4.75v10.5c0 .966.784 1.75 1.75 1.75h12.5A1.75 1.75 0 0 0 18 15.25v-8.5A1.75 1.75 0 0 0 16.25 5h-4.836a.25.25 0 0 1-.177-.073L9.823 3.513A1.75 1.75 0 0 0 8.586 3H3.75ZM10 8a.75.75 0 0 1 .75.75v1.5h1.5a.75.75 0 0 1 0 1.5h-1.5v1.5a.75.75 0 0 1-1.5 0v-1.5h-1.5a.75.75 0 0 1 0-1.5h1.5v-1.5A.75.75 0 0 1 10 8Z" />
                  </svg>
                  {t.objects.newFolder}
                </Button>
                <Button
                  onClick={() => fileInput.current?.click()}
                  disabled={!canUpload}
                  testId="objects-upload"
                >
                  <svg viewBox="0 0 20 20" fill="currentColor" className="size-4" aria-hidden="true">
                    <path d="M9.25 13.25a.75.75 0 0 0 1.5 0V4.636l2.955 3.129a.75.75 0 0 0 1.09-1.03l-4.25-4.5a.75.75 0 0 0-1.09 0l-4.25 4.5a.75.75 0 1 0 1.09 1.03L9.25 4.636v8.614Z" />
                    <path d="M3.5 12.75a.75.75 0 0 0-1.5 0v2.5A2.75 2.75 0 0 0 4.75 18h10.5A2.75 2.75 0 0 0 18 15.25v-2.5a.75.75 0 0 0-1.5 0v2.5c0 .69-.56 1.25-1.25 1.25H4.75c-.69 0-1.25-.56-1.25-1.25v-2.5Z" />
                  </svg>
                  {t.objects.upload}
                </Button>
                <input
                  ref={fileInput}
                  type="file"
                  multiple
                  className="sr-only"
                  tabIndex={-1}
                  aria-hidden="true"
                  data-testid="objects-file-input"
                  onChange={(event) => {
                    const files = [...(event.target.files ?? [])];
                    event.target.value = '';
                    setNotice('');
                    for (const file of files) uploads.add(prefix + file.name, file);
                  }}
                />
              </>
            )}
          </>
        }
      />

      <nav aria-label={t.objects.breadcrumbLabel} className="mb-4" data-testid="objects-breadcrumb">
        <ol className="flex flex-wrap items-center gap-1 text-sm">
          <li>
            <Link href="/painel/buckets" className={cx('rounded text-brand-700 hover:underline', focusRing)}>
              {t.objects.backToBuckets}
            </Link>
          </li>
          <li className="flex items-center gap-1">
            <Separator />
            {prefix ? (
              <button
                type="button"
                onClick={() => goTo('')}
                className={cx('rounded font-mono text-brand-700 hover:underline', focusRing)}
                data-testid="objects-crumb-root"
              >
                {bucket?.name ?? '…'}
              </button>
            ) : (
              <span className="font-mono font-medium text-slate-900" aria-current="page">
                {bucket?.name ?? '…'}
              </span>
            )}
          </li>
          {crumbs.map((crumb, index) => (
            <li key={crumb.prefix} className="flex items-center gap-1">
              <Separator />
              {index === crumbs.length - 1 ? (
                <span className="font-medium text-slate-900" aria-current="page">
                  {crumb.label}
                </span>
              ) : (
                <button
                  type="button"
                  onClick={() => goTo(crumb.prefix)}
                  className={cx('rounded text-brand-700 hover:underline', focusRing)}
                >
                  {crumb.label}
                </button>
              )}
            </li>
          ))}
        </ol>
      </nav>

      <div className="mb-4 space-y-3">
        <Alert tone="success" testId="objects-notice">
          {notice}
        </Alert>
        <Alert tone="error" testId="objects-action-error">
          {actionError}
        </Alert>
        {bucket && bucket.access === 'read' && (
          <Alert tone="info" testId="objects-read-only">
            {t.objects.readOnlyNotice}
          </Alert>
        )}
        {bucket && canWrite && bucket.writesBlocked && (
          <Alert tone="warning" testId="objects-writes-blocked">
            {t.objects.writesBlockedNotice}
          </Alert>
        )}
      </div>

      <UploadPanel uploads={uploads} />

      {error && !listing ? (
        <div className="space-y-3">
          <Alert tone="error" testId="objects-error">
            {errorMessage(error, t)}
          </Alert>
          <Button variant="secondary" onClick={() => void reload()} loading={loading}>
            {t.common.retry}
          </Button>
        </div>
      ) : !listing ? (
        <Card className="p-10 text-center text-sm text-slate-500">
          <span aria-busy="true">{t.common.loading}</span>
        </Card>
      ) : (
        <Card className="overflow-hidden">
          {error ? (
            <div className="border-b border-slate-200 p-3">
              <Alert tone="error">{errorMessage(error, t)}</Alert>
            </div>
          ) : null}
          {entries === 0 ? (
            <div className="px-6 py-14 text-center" data-testid="objects-empty">
              <p className="text-base font-medium text-slate-900">
                {canWrite ? t.objects.empty : t.objects.emptyReadOnly}
              </p>
              {canUpload && <p className="mt-1 text-sm text-slate-500">{t.objects.emptyHint}</p>}
            </div>
          ) : (
            <div className="overflow-x-auto">
              <table
                className="min-w-full divide-y divide-slate-200 text-sm"
                data-testid="objects-table"
                aria-busy={loading || undefined}
              >
                <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                  <tr>
                    <th scope="col" className="px-5 py-3">
                      {t.objects.colName}
                    </th>
                    <th scope="col" className="px-5 py-3 text-right">
                      {t.objects.colSize}
                    </th>
                    <th scope="col" className="px-5 py-3">
                      {t.objects.colModified}
                    </th>
                    <th scope="col" className="px-5 py-3 text-right">
                      <span className="sr-only sm:not-sr-only">{t.common.actions}</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 bg-white">
                  {listing.folders.map((folder) => (
                    <tr
                      key={folder.prefix}
                      data-testid={`folder-row-${baseName(folder.prefix)}`}
                      className="hover:bg-slate-50/60"
                    >
                      <td className="px-5 py-3">
                        <button
                          type="button"
                          onClick={() => goTo(folder.prefix)}
                          className={cx(
                            'inline-flex items-center gap-2 rounded font-medium text-slate-900 hover:text-brand-700',
                            focusRing,
                          )}
                          data-testid={`folder-open-${baseName(folder.prefix)}`}
                        >
                          <FolderIcon />
                          {baseName(folder.prefix)}/
                        </button>
                      </td>
                      <td className="px-5 py-3 text-right text-slate-400">—</td>
                      <td className="px-5 py-3 text-slate-500">{t.objects.folder}</td>
                      <td />
                    </tr>
                  ))}
                  {listing.objects.map((object) => (
                    <ObjectRow
                      key={object.key}
                      object={object}
                      name={object.key.slice(prefix.length)}
                      lang={lang}
                      canDelete={canWrite}
                      versioning={listing.bucket.versioning}
                      onDownload={() => void onDownload(object.key)}
                      onDelete={() => {
                        setNotice('');
                        setDeleting({ key: object.key });
                      }}
                      onVersions={() => setVersionsOf(object.key)}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {(page > 0 || listing.nextContinuationToken) && (
            <div className="flex items-center justify-between gap-3 border-t border-slate-200 bg-slate-50 px-5 py-3 text-sm">
              <Button
                variant="secondary"
                size="sm"
                disabled={page === 0 || loading}
                onClick={() => {
                  const previous = tokens.slice(0, -1);
                  setTokens(previous);
                  void load(previous[previous.length - 1]);
                }}
                testId="objects-prev-page"
              >
                {t.objects.previousPage}
              </Button>
              <span className="text-slate-600" data-testid="objects-page">
                {interpolate(t.objects.pageLabel, { page: page + 1 })}
              </span>
              <Button
                variant="secondary"
                size="sm"
                disabled={!listing.nextContinuationToken || loading}
                onClick={() => {
                  const token = listing.nextContinuationToken ?? undefined;
                  setTokens([...tokens, token]);
                  void load(token);
                }}
                testId="objects-next-page"
              >
                {t.objects.nextPage}
              </Button>
            </div>
          )}
        </Card>
      )}
      <p className="mt-3 text-xs text-slate-500">
        {listing?.bucket.versioning ? `${t.objects.versioningNotice} ` : ''}
        {t.objects.transferNote}
      </p>

      <NewFolderModal
        open={creatingFolder}
        bucketId={bucketId}
        prefix={prefix}
        bucketName={bucket?.name ?? ''}
        onClose={() => setCreatingFolder(false)}
        onCreated={async (name) => {
          setCreatingFolder(false);
          await reload();
          setNotice(interpolate(t.objects.folderModal.created, { name }));
        }}
      />
      <DeleteObjectModal
        bucketId={bucketId}
        target={deleting}
        versioning={listing?.bucket.versioning ?? false}
        onClose={() => setDeleting(null)}
        onDeleted={async (target) => {
          setDeleting(null);
          if (target.versionId) setVersionsRefresh((n) => n + 1);
          await reload();
          setNotice(
            target.versionId
              ? t.objects.deleteModal.versionDeleted
              : interpolate(t.objects.deleteModal.deleted, { name: baseName(target.key) }),
          );
        }}
      />
      <VersionsDrawer
        bucketId={bucketId}
        objectKey={versionsOf}
        canDelete={canWrite}
        refreshToken={versionsRefresh}
        onClose={() => setVersionsOf(null)}
        onDeleteVersion={(key, versionId) => setDeleting({ key, versionId })}
      />
    </>
  );
}

function ObjectRow({
  object,
  name,
  lang,
  canDelete,
  versioning,
  onDownload,
  onDelete,
  onVersions,
}: {
  object: ObjectEntry;
  name: string;
  lang: 'pt-BR' | 'en';
  canDelete: boolean;
  versioning: boolean;
  onDownload: () => void;
  onDelete: () => void;
  onVersions: () => void;
}) {
  const { t } = useI18n();
  return (
    <tr data-testid={`object-row-${name}`} className="hover:bg-slate-50/60">
      <td className="px-5 py-3">
        <span className="inline-flex items-center gap-2 break-all text-slate-900">
          <FileIcon />
          {name}
        </span>
      </td>
      <td className="whitespace-nowrap px-5 py-3 text-right tabular-nums text-slate-700">
        {formatBytes(object.size, lang)}
      </td>
      <td className="whitespace-nowrap px-5 py-3 text-slate-700">
        {object.lastModified ? formatDateTime(object.lastModified) : '—'}
      </td>
      <td className="whitespace-nowrap px-5 py-3 text-right">
        <div className="inline-flex items-center gap-1">
          {versioning && (
            <Button
              variant="ghost"
              size="sm"
              onClick={onVersions}
              aria-label={interpolate(t.objects.versionsAria, { name })}
              testId={`object-versions-${name}`}
            >
              {t.objects.versions}
            </Button>
          )}
          <Button
            variant="ghost"
            size="sm"
            onClick={onDownload}
            aria-label={interpolate(t.objects.downloadAria, { name })}
            testId={`object-download-${name}`}
          >
            {t.objects.download}
          </Button>
          {canDelete && (
            <Button
              variant="ghostDanger"
              size="sm"
              onClick={onDelete}
              aria-label={interpolate(t.objects.deleteAria, { name })}
              testId={`object-delete-${name}`}
            >
              {t.objects.delete}
            </Button>
          )}
        </div>
      </td>
    </tr>
  );
}

function Separator() {
  return (
    <span aria-hidden="true" className="text-slate-400">
      /
    </span>
  );
}

function FolderIcon() {
  return (
    <svg
      viewBox="0 0 20 20"
      fill="currentColor"
      className="size-5 shrink-0 text-amber-500"
      aria-hidden="true"
    >
      <path d="M3.75 3A1.75 1.75 0 0 0 2 4.75v3.26a3.235 3.235 0 0 1 1.75-.51h12.5c.644 0 1.245.188 1.75.51V6.75A1.75 1.75 0 0 0 16.25 5h-4.836a.25.25 0 0 1-.177-.073L9.823 3.513A1.75 1.75 0 0 0 8.586 3H3.75ZM3.75 9A1.75 1.75 0 0 0 2 10.75v4.5c0 .966.784 1.75 1.75 1.75h12.5A1.75 1.75 0 0 0 18 15.25v-4.5A1.75 1.75 0 0 0 16.25 9H3.75Z" />
    </svg>
  );
}

function FileIcon() {
  return (
    <svg
      viewBox="0 0 20 20"
      fill="currentColor"
      className="size-5 shrink-0 text-slate-400"
      aria-hidden="true"
    >
      <path
        fillRule="evenodd"
        d="M4.5 2A1.5 1.5 0 0 0 3 3.5v13A1.5 1.5 0 0 0 4.5 18h11a1.5 1.5 0 0 0 1.5-1.5V7.621a1.5 1.5 0 0 0-.44-1.06l-4.12-4.122A1.5 1.5 0 0 0 11.378 2H4.5Z"
        clipRule="evenodd"
      />
    </svg>
  );
}
