'use client';

import { Button, TextField } from '@/components/ui';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import type { LifecycleRule, LifecycleRuleInput } from '@/lib/buckets-api';

/** One rule as the form holds it: day fields are text until sent. */
export interface RuleDraft {
  key: string;
  prefix: string;
  expireDays: string;
  noncurrentExpireDays: string;
  abortIncompleteUploadsDays: string;
}

const DAY_FIELDS = ['expireDays', 'noncurrentExpireDays', 'abortIncompleteUploadsDays'] as const;
type DayField = (typeof DAY_FIELDS)[number];

let draftCounter = 0;
const nextKey = () => `rule-draft-${++draftCounter}`;

export function emptyRule(): RuleDraft {
  return {
    key: nextKey(),
    prefix: '',
    expireDays: '',
    noncurrentExpireDays: '',
    abortIncompleteUploadsDays: '',
  };
}

export function draftsFromRules(rules: LifecycleRule[]): RuleDraft[] {
  const text = (v: number | null) => (v === null ? '' : String(v));
  return rules.map((r) => ({
    key: nextKey(),
    prefix: r.prefix,
    expireDays: text(r.expireDays),
    noncurrentExpireDays: text(r.noncurrentExpireDays),
    abortIncompleteUploadsDays: text(r.abortIncompleteUploadsDays),
  }));
}

const validDays = (v: string) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 36_500;

/**
 * Client-side checks (the API checks again): per rule, the first problem by field. Returns
 * null when every rule is sendable.
 */
export function checkDrafts(
  drafts: RuleDraft[],
  messages: { actionRequired: string; daysInvalid: string },
): Record<string, string> | null {
  const errors: Record<string, string> = {};
  drafts.forEach((d, i) => {
    const filled = DAY_FIELDS.filter((f) => d[f].trim() !== '');
    if (filled.length === 0) errors[`${i}.expireDays`] = messages.actionRequired;
    for (const f of filled) if (!validDays(d[f].trim())) errors[`${i}.${f}`] = messages.daysInvalid;
  });
  return Object.keys(errors).length ? errors : null;
}

export function rulesFromDrafts(drafts: RuleDraft[]): LifecycleRuleInput[] {
  const days = (v: string) => (v.trim() === '' ? null : Number(v.trim()));
  return drafts.map((d) => ({
    prefix: d.prefix,
    expireDays: days(d.expireDays),
    noncurrentExpireDays: days(d.noncurrentExpireDays),
    abortIncompleteUploadsDays: days(d.abortIncompleteUploadsDays),
  }));
}

/**
 * Server field errors (`rules.0.expireDays`, `lifecycleRules.1.prefix`) as editor keys
 * (`0.expireDays`); list-level ones (`rules`) under `_`.
 */
export function ruleErrorsFromFields(fields: Record<string, string>, base: string) {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (k === base) out._ = v;
    else if (k.startsWith(`${base}.`)) out[k.slice(base.length + 1)] = v;
  }
  return out;
}

export function LifecycleRulesEditor({
  drafts,
  onChange,
  errors,
  versioning,
  disabled = false,
  idPrefix,
}: {
  drafts: RuleDraft[];
  onChange: (drafts: RuleDraft[]) => void;
  errors: Record<string, string>;
  /** Whether older versions can exist (hint on the noncurrent field otherwise). */
  versioning: boolean;
  disabled?: boolean;
  idPrefix: string;
}) {
  const { t } = useI18n();
  const s = t.bucketSettings;
  const labels: Record<DayField, string> = {
    expireDays: s.expireDays,
    noncurrentExpireDays: s.noncurrentExpireDays,
    abortIncompleteUploadsDays: s.abortDays,
  };
  const update = (index: number, patch: Partial<RuleDraft>) =>
    onChange(drafts.map((d, i) => (i === index ? { ...d, ...patch } : d)));

  return (
    <div className="space-y-3" data-testid={`${idPrefix}-lifecycle-editor`}>
      {errors._ && (
        <p className="text-sm text-red-700" role="alert" data-testid={`${idPrefix}-lifecycle-error`}>
          {errors._}
        </p>
      )}
      {drafts.length === 0 && <p className="text-sm text-slate-500">{s.noLifecycleRules}</p>}
      {drafts.map((draft, index) => {
        const n = index + 1;
        return (
          <fieldset
            key={draft.key}
            className="rounded-lg border border-slate-200 bg-slate-50/60 p-3"
            data-testid={`${idPrefix}-rule-${index}`}
          >
            <div className="mb-2 flex items-center justify-between gap-2">
              <legend className="text-sm font-medium text-slate-800">
                {interpolate(s.ruleTitle, { n })}
              </legend>
              <Button
                variant="ghostDanger"
                size="sm"
                disabled={disabled}
                aria-label={interpolate(s.removeRuleAria, { n })}
                onClick={() => onChange(drafts.filter((_, i) => i !== index))}
                testId={`${idPrefix}-rule-${index}-remove`}
              >
                {s.removeRule}
              </Button>
            </div>
            <div className="grid gap-3 sm:grid-cols-2">
              <div className="sm:col-span-2">
                <TextField
                  id={`${idPrefix}-rule-${index}-prefix`}
                  label={s.rulePrefix}
                  placeholder={s.rulePrefixPlaceholder}
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={1024}
                  disabled={disabled}
                  value={draft.prefix}
                  onChange={(e) => update(index, { prefix: e.target.value })}
                  error={errors[`${index}.prefix`]}
                  testId={`${idPrefix}-rule-${index}-prefix`}
                  className="font-mono"
                />
              </div>
              {DAY_FIELDS.map((field) => (
                <TextField
                  key={field}
                  id={`${idPrefix}-rule-${index}-${field}`}
                  label={labels[field]}
                  inputMode="numeric"
                  placeholder={s.daysPlaceholder}
                  disabled={disabled}
                  value={draft[field]}
                  onChange={(e) => update(index, { [field]: e.target.value.replace(/[^\d]/g, '') })}
                  error={errors[`${index}.${field}`]}
                  hint={
                    field === 'noncurrentExpireDays' && !versioning ? s.noncurrentNeedsVersioning : undefined
                  }
                  testId={`${idPrefix}-rule-${index}-${field}`}
                />
              ))}
            </div>
          </fieldset>
        );
      })}
      {drafts.some((d) => d.abortIncompleteUploadsDays !== '') && (
        <p className="text-xs text-slate-500">{s.abortNote}</p>
      )}
      <Button
        variant="secondary"
        size="sm"
        disabled={disabled || drafts.length >= 50}
        onClick={() => onChange([...drafts, emptyRule()])}
        testId={`${idPrefix}-rule-add`}
      >
        {s.addRule}
      </Button>
    </div>
  );
}
