'use client';

import { cx, focusRing } from '@/components/ui';
import { useI18n } from '@/i18n/provider';

export type MemberRole = 'admin' | 'developer' | 'external_client';
export const MEMBER_ROLES: MemberRole[] = ['admin', 'developer', 'external_client'];

/** Radio cards: each role with what it may do (PRD 4.2). */
export function RolePicker({
  value,
  onChange,
  testIdPrefix,
  error,
}: {
  value: MemberRole;
  onChange: (role: MemberRole) => void;
  testIdPrefix: string;
  error?: string;
}) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend className="mb-1.5 text-sm font-medium text-slate-800">{t.team.role}</legend>
      <div className="grid gap-2 sm:grid-cols-3">
        {MEMBER_ROLES.map((role) => (
          <label
            key={role}
            className={cx(
              'flex cursor-pointer flex-col gap-1 rounded-lg border p-3 text-sm transition-colors',
              value === role
                ? 'border-brand-600 bg-brand-50 ring-1 ring-brand-600'
                : 'border-slate-300 hover:bg-slate-50',
            )}
          >
            <span className="flex items-center gap-2 font-medium text-slate-900">
              <input
                type="radio"
                name={`${testIdPrefix}-radio`}
                value={role}
                checked={value === role}
                onChange={() => onChange(role)}
                data-testid={`${testIdPrefix}-${role}`}
                className={cx('size-4 accent-brand-600', focusRing)}
              />
              {t.portal.roles[role]}
            </span>
            <span className="text-xs text-slate-600">{t.team.roleDescriptions[role]}</span>
          </label>
        ))}
      </div>
      {error && (
        <p className="mt-1 text-xs font-medium text-red-700" data-testid={`${testIdPrefix}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
