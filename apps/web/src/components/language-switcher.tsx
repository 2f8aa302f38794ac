'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { LANG_COOKIE, LANGS, type Lang } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { cx, focusRing } from './ui';

export function LanguageSwitcher({ tone = 'light' }: { tone?: 'light' | 'dark' }) {
  const { lang, t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function change(next: Lang) {
    // Readable by the API too (it answers error messages in this language).
    document.cookie = `${LANG_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    document.documentElement.lang = next;
    startTransition(() => router.refresh());
  }

  return (
    <div className="flex items-center gap-2">
      <label htmlFor="lang-switcher" className="sr-only">
        {t.common.language}
      </label>
      <svg
        viewBox="0 0 20 20"
        fill="currentColor"
        aria-hidden="true"
        className={cx('size-4', tone === 'dark' ? 'text-slate-400' : 'text-slate-500')}
      >
        <path
          fillRule="evenodd"
          d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16ZM4.33 8.5h2.2c.08-1.53.37-2.93.82-4.03A6.02 6.02 0 0 0 4.33 8.5Zm4.2 0h2.94c-.08-1.33-.35-2.5-.7-3.34C10.3 4.25 10.03 4 10 4s-.3.25-.77 1.16c-.35.84-.62 2-.7 3.34Zm4.94 0h2.2a6.02 6.02 0 0 0-3.02-4.03c.45 1.1.74 2.5.82 4.03Zm2.2 3h-2.2c-.08 1.53-.37 2.93-.82 4.03a6.02 6.02 0 0 0 3.02-4.03Zm-4.2 0H8.53c.08 1.33.35 2.5.7 3.34.47.91.74 1.16.77 1.16s.3-.25.77-1.16c.35-.84.62-2 .7-3.34Zm-4.94 0h-2.2a6.02 6.02 0 0 0 3.02 4.03c-.45-1.1-.74-2.5-.82-4.03Z"
          clipRule="evenodd"
        />
      </svg>
      <select
        id="lang-switcher"
        data-testid="lang-switcher"
        value={lang}
        disabled={pending}
        onChange={(event) => change(event.target.value as Lang)}
        className={cx(
          'rounded-md border py-1 pl-2 pr-7 text-sm',
          focusRing,
          tone === 'dark'
            ? 'border-slate-600 bg-slate-800 text-slate-100'
            : 'border-slate-300 bg-white text-slate-700',
        )}
      >
        {LANGS.map((value) => (
          <option key={value} value={value}>
            {t.languages[value]}
          </option>
        ))}
      </select>
    </div>
  );
}
