import { BRAND_NAME } from '@/lib/brand';
import { cx } from './ui';

export function BrandLogo({
  tone = 'light',
  subtitle,
  compact = false,
}: {
  tone?: 'light' | 'dark';
  subtitle?: string;
  /** Hide the name on small screens (the mark alone keeps it recognisable). */
  compact?: boolean;
}) {
  return (
    <span className="inline-flex items-center gap-2.5">
      <span
        aria-hidden="true"
        className="grid size-9 place-items-center rounded-lg bg-linear-to-br from-brand-500 to-brand-700 text-white shadow-sm"
      >
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" className="size-5">
          <ellipse cx="12" cy="6" rx="7" ry="2.5" />
          <path d="M5 6v6c0 1.38 3.13 2.5 7 2.5s7-1.12 7-2.5V6" />
          <path d="M5 12v6c0 1.38 3.13 2.5 7 2.5s7-1.12 7-2.5v-6" />
        </svg>
      </span>
      <span className={cx('leading-tight', compact && 'hidden sm:block')}>
        <span
          className={cx('block text-base font-semibold', tone === 'dark' ? 'text-white' : 'text-slate-900')}
        >
          {BRAND_NAME}
        </span>
        {subtitle && (
          <span className={cx('block text-xs', tone === 'dark' ? 'text-slate-400' : 'text-slate-500')}>
            {subtitle}
          </span>
        )}
      </span>
    </span>
  );
}
