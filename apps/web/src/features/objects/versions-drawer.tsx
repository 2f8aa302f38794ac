'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { Alert, Badge, Button, cx, focusRing } from '@/components/ui';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { errorMessage } from '@/lib/error-message';
import { formatBytes, formatDateTime } from '@/lib/format';
import { objectsApi, type ObjectVersion } from '@/lib/objects-api';
import { download } from './transfer';

/**
 * Side panel with every version and delete marker of one key (newest first). A native modal
 * <dialog> like components/modal.tsx (focus trapped, Escape closes), docked to the right.
 */
export function VersionsDrawer({
  bucketId,
  objectKey,
  canDelete,
  refreshToken,
  onClose,
  onDeleteVersion,
}: {
  bucketId: string;
  objectKey: string | null;
  canDelete: boolean;
  /** Changes after a version was deleted elsewhere, to reload the list. */
  refreshToken: number;
  onClose: () => void;
  onDeleteVersion: (key: string, versionId: string) => void;
}) {
  const { t, lang } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [items, setItems] = useState<ObjectVersion[] | null>(null);
  const [next, setNext] = useState<{ keyMarker: string; versionIdMarker: string } | null>(null);
  const [error, setError] = useState('');
  const [loadingMore, setLoadingMore] = useState(false);
  const d = t.objects.versionsDrawer;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (objectKey && !dialog.open) dialog.showModal();
    if (!objectKey && dialog.open) dialog.close();
  }, [objectKey]);

  useEffect(() => {
    if (!objectKey) return;
    let stale = false;
    setItems(null);
    setError('');
    objectsApi
      .versions(bucketId, { key: objectKey })
      .then((page) => {
        if (stale) return;
        setItems(page.items);
        setNext(
          page.nextKeyMarker && page.nextVersionIdMarker
            ? { keyMarker: page.nextKeyMarker, versionIdMarker: page.nextVersionIdMarker }
            : null,
        );
      })
      .catch((err) => !stale && setError(errorMessage(err, t)));
    return () => {
      stale = true;
    };
  }, [bucketId, objectKey, refreshToken, t]);

  async function loadMore() {
    if (!objectKey || !next) return;
    setLoadingMore(true);
    try {
      const page = await objectsApi.versions(bucketId, { key: objectKey, ...next });
      setItems((list) => [...(list ?? []), ...page.items]);
      setNext(
        page.nextKeyMarker && page.nextVersionIdMarker
          ? { keyMarker: page.nextKeyMarker, versionIdMarker: page.nextVersionIdMarker }
          : null,
      );
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      data-testid={objectKey ? 'versions-drawer' : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className="m-0 ml-auto h-dvh max-h-dvh w-full max-w-md bg-white p-0 text-slate-900 shadow-2xl"
    >
      {objectKey && (
        <div className="flex h-full flex-col">
          <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-5 py-4">
            <div className="min-w-0">
              <h2 id={titleId} className="text-lg font-semibold">
                {d.title}
              </h2>
              <p className="mt-0.5 break-all font-mono text-xs text-slate-600">{objectKey}</p>
            </div>
            <button
              type="button"
              onClick={onClose}
              aria-label={t.common.close}
              data-testid="versions-close"
              className={cx('-mr-2 rounded-lg p-1.5 text-slate-500 hover:bg-slate-100', focusRing)}
            >
              <svg viewBox="0 0 20 20" fill="currentColor" className="size-5" aria-hidden="true">
                <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
              </svg>
            </button>
          </div>
          <div className="flex-1 space-y-3 overflow-y-auto px-5 py-4">
            <Alert tone="error" testId="versions-error">
              {error}
            </Alert>
            {!items && !error && <p className="text-sm text-slate-500">{d.loading}</p>}
            {items?.length === 0 && <p className="text-sm text-slate-500">{d.empty}</p>}
            <ol className="space-y-2">
              {items?.map((version) => (
                <li
                  key={version.versionId}
                  className="rounded-lg border border-slate-200 p-3 text-sm"
                  data-testid="version-item"
                  data-version={version.versionId}
                >
                  <div className="flex flex-wrap items-center gap-2">
                    {version.isLatest && <Badge tone="green">{d.latest}</Badge>}
                    {version.isDeleteMarker && <Badge tone="amber">{d.deleteMarker}</Badge>}
                    <span className="text-slate-700">
                      {version.lastModified ? formatDateTime(version.lastModified) : '—'}
                    </span>
                    {version.size !== null && (
                      <span className="tabular-nums text-slate-500">· {formatBytes(version.size, lang)}</span>
                    )}
                  </div>
                  <p className="mt-1 break-all font-mono text-xs text-slate-500">
                    {interpolate(d.versionId, { id: version.versionId })}
                  </p>
                  {version.isDeleteMarker && version.isLatest && (
                    <p className="mt-1 text-xs text-slate-600">{d.deleteMarkerHint}</p>
                  )}
                  <div className="mt-2 flex gap-1">
                    {!version.isDeleteMarker && (
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={interpolate(d.downloadAria, { id: version.versionId })}
                        onClick={() =>
                          void download(bucketId, version.key, version.versionId).catch((err) =>
                            setError(errorMessage(err, t)),
                          )
                        }
                      >
                        {t.objects.download}
                      </Button>
                    )}
                    {canDelete && (
                      <Button
                        variant="ghostDanger"
                        size="sm"
                        aria-label={interpolate(d.deleteAria, { id: version.versionId })}
                        onClick={() => onDeleteVersion(version.key, version.versionId)}
                      >
                        {t.objects.delete}
                      </Button>
                    )}
                  </div>
                </li>
              ))}
            </ol>
            {next && (
              <Button variant="secondary" size="sm" onClick={() => void loadMore()} loading={loadingMore}>
                {d.more}
              </Button>
            )}
          </div>
        </div>
      )}
    </dialog>
  );
}
