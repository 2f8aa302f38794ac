import type { ReactNode } from 'react';
import { BrandLogo } from '@/components/brand-logo';
import { LanguageSwitcher } from '@/components/language-switcher';
import { getI18n } from '@/i18n/server';

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const { t } = await getI18n();
  const points = [t.authHero.point1, t.authHero.point2, t.authHero.point3];
  return (
    <div className="grid min-h-dvh lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
      <aside className="relative hidden overflow-hidden bg-linear-to-br from-brand-800 via-brand-700 to-brand-900 p-12 text-white lg:flex lg:flex-col lg:justify-between">
        <BrandLogo tone="dark" subtitle={t.common.brandTagline} />
        <div className="max-w-md">
          <h2 className="text-3xl font-semibold leading-tight tracking-tight">{t.authHero.title}</h2>
          <ul className="mt-8 space-y-4 text-brand-100">
            {points.map((point) => (
              <li key={point} className="flex gap-3">
                <svg
                  viewBox="0 0 20 20"
                  fill="currentColor"
                  className="mt-0.5 size-5 shrink-0 text-emerald-300"
                  aria-hidden="true"
                >
                  <path
                    fillRule="evenodd"
                    d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.58l7.3-7.3a1 1 0 0 1 1.4 0Z"
                    clipRule="evenodd"
                  />
                </svg>
                <span>{point}</span>
              </li>
            ))}
          </ul>
        </div>
        <div
          aria-hidden="true"
          className="pointer-events-none absolute -right-24 -bottom-24 size-96 rounded-full bg-white/5"
        />
      </aside>
      <div className="flex flex-col">
        <header className="flex items-center justify-between px-6 py-5 sm:px-10">
          <span className="lg:invisible">
            <BrandLogo />
          </span>
          <LanguageSwitcher />
        </header>
        <main className="flex flex-1 items-start justify-center px-4 pb-16 pt-4 sm:items-center sm:px-10">
          <div className="w-full max-w-md">{children}</div>
        </main>
      </div>
    </div>
  );
}
