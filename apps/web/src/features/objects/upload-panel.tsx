'use client';

import { useCallback, useRef, useState } from 'react';
import { Button, Card, cx } from '@/components/ui';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { formatBytes } from '@/lib/format';
import { startUpload, TransferCanceled, transferErrorMessage } from './transfer';

type Status = 'waiting' | 'uploading' | 'completing' | 'done' | 'failed' | 'canceled';

export interface UploadItem {
  id: number;
  key: string;
  name: string;
  size: number;
  sent: number;
  parts: number;
  status: Status;
  error: string;
}

/** Uploads of this page: each file goes straight to the storage; the list is reloaded as they finish. */
export function useUploads(bucketId: string, onFinished: () => void) {
  const { t } = useI18n();
  const [items, setItems] = useState<UploadItem[]>([]);
  const cancels = useRef(new Map<number, () => void>());
  const nextId = useRef(1);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  const update = useCallback((id: number, patch: Partial<UploadItem>) => {
    setItems((list) => list.map((item) => (item.id === id ? { ...item, ...patch } : item)));
  }, []);

  const add = useCallback(
    (key: string, file: File) => {
      const id = nextId.current++;
      const name = key.split('/').pop() ?? key;
      setItems((list) => [
        ...list,
        { id, key, name, size: file.size, sent: 0, parts: 1, status: 'waiting', error: '' },
      ]);
      void (async () => {
        try {
          const handle = await startUpload(
            bucketId,
            key,
            file,
            (sent) => update(id, { sent, status: 'uploading' }),
            () => update(id, { status: 'completing' }),
          );
          cancels.current.set(id, handle.cancel);
          update(id, { parts: handle.parts, status: 'uploading' });
          await handle.done;
          update(id, { sent: file.size, status: 'done' });
          finished.current();
        } catch (error) {
          if (error instanceof TransferCanceled) update(id, { status: 'canceled' });
          else update(id, { status: 'failed', error: transferErrorMessage(error, t) });
        } finally {
          cancels.current.delete(id);
        }
      })();
    },
    [bucketId, update, t],
  );

  const cancel = useCallback((id: number) => cancels.current.get(id)?.(), []);
  const clear = useCallback(
    () => setItems((list) => list.filter((i) => !['done', 'failed', 'canceled'].includes(i.status))),
    [],
  );
  return { items, add, cancel, clear };
}

export function UploadPanel({ uploads }: { uploads: ReturnType<typeof useUploads> }) {
  const { t, lang } = useI18n();
  if (uploads.items.length === 0) return null;
  const anyFinished = uploads.items.some((i) => ['done', 'failed', 'canceled'].includes(i.status));
  return (
    <Card className="mb-4 p-4" testId="uploads-panel">
      <div className="mb-3 flex items-center justify-between gap-3">
        <h2 className="text-sm font-semibold text-slate-900">{t.objects.uploads.title}</h2>
        {anyFinished && (
          <Button variant="ghost" size="sm" onClick={uploads.clear} testId="uploads-clear">
            {t.objects.uploads.clear}
          </Button>
        )}
      </div>
      <ul className="space-y-3">
        {uploads.items.map((item) => {
          const percent = item.size > 0 ? Math.min(100, Math.floor((item.sent / item.size) * 100)) : 100;
          const active = item.status === 'waiting' || item.status === 'uploading';
          return (
            <li key={item.id} data-testid={`upload-${item.name}`} data-status={item.status}>
              <div className="flex items-center justify-between gap-3 text-sm">
                <span className="min-w-0 truncate font-medium text-slate-800" title={item.key}>
                  {item.name}
                </span>
                <span className="flex shrink-0 items-center gap-2 text-xs text-slate-600">
                  <span>
                    {formatBytes(item.size, lang)}
                    {item.parts > 1 &&
                      ` · ${interpolate(t.objects.uploads.multipart, { count: item.parts })}`}
                  </span>
                  <span
                    className={cx(
                      item.status === 'done' && 'font-medium text-emerald-700',
                      item.status === 'failed' && 'font-medium text-red-700',
                    )}
                    data-testid={`upload-status-${item.name}`}
                  >
                    {statusText(item, percent, t)}
                  </span>
                  {active && (
                    <Button
                      variant="ghost"
                      size="sm"
                      onClick={() => uploads.cancel(item.id)}
                      aria-label={interpolate(t.objects.uploads.cancelAria, { name: item.name })}
                    >
                      {t.objects.uploads.cancel}
                    </Button>
                  )}
                </span>
              </div>
              <div
                className="mt-1.5 h-2 overflow-hidden rounded-full bg-slate-100"
                role="progressbar"
                aria-label={item.name}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent}
              >
                <div
                  className={cx(
                    'h-full rounded-full transition-[width]',
                    item.status === 'failed' || item.status === 'canceled'
                      ? 'bg-red-400'
                      : item.status === 'done'
                        ? 'bg-emerald-500'
                        : 'bg-brand-600',
                  )}
                  style={{ width: `${percent}%` }}
                />
              </div>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

function statusText(item: UploadItem, percent: number, t: ReturnType<typeof useI18n>['t']) {
  switch (item.status) {
    case 'waiting':
      return t.objects.uploads.waiting;
    case 'uploading':
      return interpolate(t.objects.uploads.uploading, { percent });
    case 'completing':
      return t.objects.uploads.completing;
    case 'done':
      return t.objects.uploads.done;
    case 'failed':
      return interpolate(t.objects.uploads.failed, { reason: item.error });
    case 'canceled':
      return t.objects.uploads.canceled;
  }
}
