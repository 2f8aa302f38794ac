'use client';

import { useI18n } from '@/i18n/provider';
import { checkPassword } from '@/lib/validation';
import { cx } from '@/components/ui';

export function PasswordChecklist({ id, password }: { id: string; password: string }) {
  const { t } = useI18n();
  const checks = checkPassword(password);
  const rules = [
    { key: 'length', ok: checks.length, label: t.signup.ruleLength },
    { key: 'digit', ok: checks.digit, label: t.signup.ruleDigit },
    { key: 'uppercase', ok: checks.uppercase, label: t.signup.ruleUppercase },
  ];
  return (
    <div id={id} className="rounded-lg bg-slate-50 px-3 py-2.5 text-xs" data-testid="password-checklist">
      <p className="font-medium text-slate-700">{t.signup.passwordRulesTitle}</p>
      <ul className="mt-1.5 space-y-1">
        {rules.map((rule) => (
          <li
            key={rule.key}
            data-testid={`password-rule-${rule.key}`}
            data-ok={rule.ok}
            className={cx('flex items-center gap-2', rule.ok ? 'text-emerald-700' : 'text-slate-600')}
          >
            <RuleIcon ok={rule.ok} />
            <span>{rule.label}</span>
            <span className="sr-only">({rule.ok ? t.signup.ruleOk : t.signup.ruleMissing})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function RuleIcon({ ok }: { ok: boolean }) {
  return ok ? (
    <svg viewBox="0 0 20 20" fill="currentColor" className="size-4 shrink-0" aria-hidden="true">
      <path
        fillRule="evenodd"
        d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.86-9.86a.75.75 0 1 0-1.07-1.05L9.1 10.87 7.2 8.98a.75.75 0 0 0-1.06 1.06l2.43 2.43c.3.3.77.29 1.06-.01l4.22-4.32Z"
        clipRule="evenodd"
      />
    </svg>
  ) : (
    <svg
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      className="size-4 shrink-0"
      aria-hidden="true"
    >
      <circle cx="10" cy="10" r="7.25" />
    </svg>
  );
}
