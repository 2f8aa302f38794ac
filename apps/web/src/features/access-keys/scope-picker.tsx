'use client';

import { cx, focusRing, inputClass } from '@/components/ui';
import { useI18n } from '@/i18n/provider';
import type { Bucket } from '@/lib/api';

export interface ScopeGrant {
  bucketId: string;
  access: 'read' | 'full';
}

/** All buckets, or chosen buckets with Read or Full on each (the key's inline policy). */
export function ScopePicker({
  buckets,
  mode,
  onModeChange,
  value,
  onChange,
  error,
}: {
  buckets: Bucket[] | undefined;
  mode: 'all' | 'chosen';
  onModeChange: (mode: 'all' | 'chosen') => void;
  value: ScopeGrant[];
  onChange: (next: ScopeGrant[]) => void;
  error?: string;
}) {
  const { t } = useI18n();
  const k = t.accessKeys;
  const byId = new Map(value.map((g) => [g.bucketId, g.access]));

  function toggle(bucketId: string, on: boolean) {
    onChange(on ? [...value, { bucketId, access: 'read' }] : value.filter((g) => g.bucketId !== bucketId));
  }
  function setAccess(bucketId: string, access: ScopeGrant['access']) {
    onChange(value.map((g) => (g.bucketId === bucketId ? { ...g, access } : g)));
  }

  const radio = (id: 'all' | 'chosen', label: string, hint: string) => (
    <label
      htmlFor={`key-scope-${id}`}
      className={cx(
        'flex cursor-pointer items-start gap-3 rounded-lg border px-3 py-2.5 text-sm',
        mode === id ? 'border-brand-600 bg-brand-50/50' : 'border-slate-200 hover:bg-slate-50',
      )}
    >
      <input
        id={`key-scope-${id}`}
        type="radio"
        name="key-scope"
        checked={mode === id}
        onChange={() => onModeChange(id)}
        data-testid={`key-scope-${id}`}
        className={cx('mt-0.5 size-4 shrink-0 accent-brand-600', focusRing)}
      />
      <span>
        <span className="block font-medium text-slate-900">{label}</span>
        <span className="block text-xs text-slate-500">{hint}</span>
      </span>
    </label>
  );

  return (
    <fieldset className="space-y-2" data-testid="key-scope">
      <legend className="mb-1.5 text-sm font-medium text-slate-800">{k.scopeLabel}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {radio('all', k.scopeAll, k.scopeAllHint)}
        {radio('chosen', k.scopeChosen, k.scopeChosenHint)}
      </div>
      {mode === 'chosen' &&
        (buckets === undefined ? (
          <p className="text-sm text-slate-500" aria-busy="true">
            {t.common.loading}
          </p>
        ) : buckets.length === 0 ? (
          <p
            className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900"
            data-testid="key-scope-empty"
          >
            {k.scopeNoBuckets}
          </p>
        ) : (
          <ul className="max-h-56 divide-y divide-slate-100 overflow-y-auto rounded-lg border border-slate-200">
            {buckets.map((bucket) => {
              const access = byId.get(bucket.id);
              const id = `key-scope-bucket-${bucket.id}`;
              return (
                <li key={bucket.id} className="flex items-center justify-between gap-3 px-3 py-2">
                  <label htmlFor={id} className="flex min-w-0 flex-1 items-center gap-3 text-sm">
                    <input
                      id={id}
                      type="checkbox"
                      checked={access !== undefined}
                      onChange={(e) => toggle(bucket.id, e.target.checked)}
                      data-testid={`key-scope-bucket-${bucket.name}`}
                      className={cx('size-4 shrink-0 rounded border-slate-300 accent-brand-600', focusRing)}
                    />
                    <span className="truncate font-mono text-slate-900">{bucket.name}</span>
                  </label>
                  <div className="w-36 shrink-0">
                    <select
                      aria-label={k.accessFor.replace('{bucket}', bucket.name)}
                      value={access ?? 'read'}
                      disabled={access === undefined}
                      onChange={(e) => setAccess(bucket.id, e.target.value as ScopeGrant['access'])}
                      data-testid={`key-scope-access-${bucket.name}`}
                      className={cx(inputClass(false), 'py-1.5')}
                    >
                      <option value="read">{k.access.read}</option>
                      <option value="full">{k.access.full}</option>
                    </select>
                  </div>
                </li>
              );
            })}
          </ul>
        ))}
      {error && (
        <p className="text-xs font-medium text-red-700" data-testid="key-scope-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
