'use client';

import { Alert, TextField, cx } from '@/components/ui';
import { useI18n } from '@/i18n/provider';
import type { DefaultRetention, LockMode } from '@/lib/buckets-api';

/** The default retention as the form holds it. */
export interface RetentionDraft {
  enabled: boolean;
  mode: LockMode;
  days: string;
}

export function retentionDraft(value: DefaultRetention | null): RetentionDraft {
  return value
    ? { enabled: true, mode: value.mode, days: String(value.days) }
    : { enabled: false, mode: 'governance', days: '30' };
}

/** null when valid; else the message for the days field. */
export function checkRetention(draft: RetentionDraft, invalid: string): string | null {
  if (!draft.enabled) return null;
  const ok = /^\d+$/.test(draft.days) && Number(draft.days) >= 1 && Number(draft.days) <= 3650;
  return ok ? null : invalid;
}

export function retentionValue(draft: RetentionDraft): DefaultRetention | null {
  return draft.enabled ? { mode: draft.mode, days: Number(draft.days) } : null;
}

export function RetentionFields({
  draft,
  onChange,
  error,
  disabled = false,
  compact = false,
  idPrefix,
}: {
  draft: RetentionDraft;
  onChange: (draft: RetentionDraft) => void;
  error?: string;
  disabled?: boolean;
  /** One mode per line (narrow cards). */
  compact?: boolean;
  idPrefix: string;
}) {
  const { t } = useI18n();
  const s = t.bucketSettings;
  const modes: Array<{ value: LockMode; label: string; hint: string }> = [
    { value: 'governance', label: s.modeGovernance, hint: s.modeGovernanceHint },
    { value: 'compliance', label: s.modeCompliance, hint: s.modeComplianceHint },
  ];
  return (
    <div className="space-y-3">
      <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
        <input
          type="checkbox"
          className="size-4 rounded border-slate-300 text-brand-600"
          checked={draft.enabled}
          disabled={disabled}
          onChange={(e) => onChange({ ...draft, enabled: e.target.checked })}
          data-testid={`${idPrefix}-retention-enabled`}
        />
        {s.retentionLabel}
      </label>
      {draft.enabled && (
        <div className={cx('space-y-3', !compact && 'pl-6')}>
          <fieldset>
            <legend className="mb-1.5 text-sm font-medium text-slate-700">{s.retentionMode}</legend>
            <div className={cx('grid gap-2', !compact && 'sm:grid-cols-2')}>
              {modes.map((m) => (
                <label
                  key={m.value}
                  className={cx(
                    'flex cursor-pointer gap-2 rounded-lg border p-2.5 text-sm',
                    draft.mode === m.value ? 'border-brand-500 bg-brand-50/60' : 'border-slate-200',
                  )}
                >
                  <input
                    type="radio"
                    name={`${idPrefix}-retention-mode`}
                    value={m.value}
                    className="mt-0.5 size-4 text-brand-600"
                    checked={draft.mode === m.value}
                    disabled={disabled}
                    onChange={() => onChange({ ...draft, mode: m.value })}
                    data-testid={`${idPrefix}-retention-mode-${m.value}`}
                  />
                  <span>
                    <span className="block font-medium text-slate-900">{m.label}</span>
                    <span className="block text-xs text-slate-600">{m.hint}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="max-w-48">
            <TextField
              id={`${idPrefix}-retention-days`}
              label={s.retentionDays}
              hint={s.retentionDaysHint}
              inputMode="numeric"
              disabled={disabled}
              value={draft.days}
              onChange={(e) => onChange({ ...draft, days: e.target.value.replace(/[^\d]/g, '') })}
              error={error}
              testId={`${idPrefix}-retention-days`}
            />
          </div>
          {draft.mode === 'compliance' && (
            <Alert tone="warning" testId={`${idPrefix}-compliance-warning`}>
              {s.complianceWarning}
            </Alert>
          )}
        </div>
      )}
    </div>
  );
}
