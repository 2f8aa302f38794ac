'use client';

import { cx } from '@/components/ui';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { formatNumber, usageLevel, type UsageLevel } from '@/lib/format';

/** PRD F2.1 colours: green below 75 %, yellow from 75 % to 90 %, red above 90 %. */
export const usageBarColors: Record<UsageLevel, string> = {
  ok: 'bg-emerald-500',
  warning: 'bg-amber-400',
  critical: 'bg-red-500',
};

/** Usage against the quota as a progress bar (`data-level` carries the colour band). */
export function UsageBar({
  percent,
  label,
  className,
  testId = 'usage-bar',
}: {
  percent: number;
  label: string;
  className?: string;
  testId?: string;
}) {
  const { t, lang } = useI18n();
  const level = usageLevel(percent);
  return (
    <div
      className={cx('h-3 w-full overflow-hidden rounded-full bg-slate-100', className)}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.min(100, percent)}
      aria-valuetext={interpolate(t.dashboard.percentUsed, { percent: formatNumber(percent, lang, 1) })}
      data-testid={testId}
      data-level={level}
    >
      <div
        className={cx('h-full rounded-full transition-[width]', usageBarColors[level])}
        style={{ width: `${Math.min(100, Math.max(percent, percent > 0 ? 1 : 0))}%` }}
      />
    </div>
  );
}
