'use client';

import { cx, focusRing, inputClass } from '@/components/ui';
import { useI18n } from '@/i18n/provider';
import type { Bucket, BucketGrant } from '@/lib/api';

/** The buckets of the account, each ticked or not, with Read or Full on the ticked ones. */
export function BucketChecklist({
  buckets,
  value,
  onChange,
  testIdPrefix,
  error,
}: {
  buckets: Bucket[];
  value: BucketGrant[];
  onChange: (next: BucketGrant[]) => void;
  testIdPrefix: string;
  error?: string;
}) {
  const { t } = useI18n();
  const byId = new Map(value.map((g) => [g.bucketId, g.access]));

  function toggle(bucketId: string, on: boolean) {
    onChange(on ? [...value, { bucketId, access: 'read' }] : value.filter((g) => g.bucketId !== bucketId));
  }
  function setAccess(bucketId: string, access: BucketGrant['access']) {
    onChange(value.map((g) => (g.bucketId === bucketId ? { ...g, access } : g)));
  }

  return (
    <fieldset className="space-y-2" data-testid={`${testIdPrefix}-list`}>
      <legend className="text-sm font-medium text-slate-800">{t.team.bucketsLabel}</legend>
      <p className="text-xs text-slate-500">{t.team.bucketsHint}</p>
      {buckets.length === 0 ? (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">{t.team.bucketsNone}</p>
      ) : (
        <ul className="max-h-64 divide-y divide-slate-100 overflow-y-auto rounded-lg border border-slate-200">
          {buckets.map((bucket) => {
            const access = byId.get(bucket.id);
            const id = `${testIdPrefix}-${bucket.id}`;
            return (
              <li key={bucket.id} className="flex items-center justify-between gap-3 px-3 py-2">
                <label htmlFor={id} className="flex min-w-0 flex-1 items-center gap-3 text-sm">
                  <input
                    id={id}
                    type="checkbox"
                    checked={access !== undefined}
                    onChange={(e) => toggle(bucket.id, e.target.checked)}
                    data-testid={`${testIdPrefix}-${bucket.name}`}
                    className={cx('size-4 shrink-0 rounded border-slate-300 accent-brand-600', focusRing)}
                  />
                  <span className="truncate font-mono text-slate-900">{bucket.name}</span>
                </label>
                <div className="w-36 shrink-0">
                  <select
                    aria-label={`${t.team.bucketsLabel}: ${bucket.name}`}
                    value={access ?? 'read'}
                    disabled={access === undefined}
                    onChange={(e) => setAccess(bucket.id, e.target.value as BucketGrant['access'])}
                    data-testid={`${testIdPrefix}-access-${bucket.name}`}
                    className={cx(inputClass(false), 'py-1.5')}
                  >
                    <option value="read">{t.team.access.read}</option>
                    <option value="full">{t.team.access.full}</option>
                  </select>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <p className="text-xs font-medium text-red-700" data-testid={`${testIdPrefix}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
