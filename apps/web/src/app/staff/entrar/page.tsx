import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { BrandLogo } from '@/components/brand-logo';
import { LanguageSwitcher } from '@/components/language-switcher';
import { StaffLoginForm } from '@/features/staff/staff-login-form';
import { interpolate } from '@/i18n';
import { getI18n } from '@/i18n/server';
import { BRAND_NAME } from '@/lib/brand';
import { serverApi } from '@/lib/server-api';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.staff.loginTitle };
}

async function isStaffSignedIn(): Promise<boolean> {
  try {
    await (await serverApi()).staffMe();
    return true;
  } catch {
    return false;
  }
}

export default async function StaffLoginPage() {
  if (await isStaffSignedIn()) redirect('/staff/cadastros');
  const { t } = await getI18n();
  return (
    <div className="flex min-h-dvh flex-col bg-slate-950 bg-[radial-gradient(ellipse_at_top,rgba(245,158,11,0.12),transparent_60%)]">
      <header className="flex items-center justify-between px-6 py-5 sm:px-10">
        <BrandLogo tone="dark" subtitle={t.staff.areaName} />
        <LanguageSwitcher tone="dark" />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pb-16 pt-6 sm:items-center">
        <div className="w-full max-w-sm overflow-hidden rounded-2xl bg-white shadow-2xl ring-1 ring-white/10">
          <div className="h-1.5 bg-amber-500" aria-hidden="true" />
          <div className="p-8">
            <div className="mb-6 flex items-center gap-3">
              <span
                className="grid size-10 place-items-center rounded-lg bg-slate-900 text-amber-400"
                aria-hidden="true"
              >
                <svg viewBox="0 0 20 20" fill="currentColor" className="size-5">
                  <path
                    fillRule="evenodd"
                    d="M9.66 1.6a.75.75 0 0 1 .68 0l6.25 3.13a.75.75 0 0 1 .41.67c0 5.26-2.78 9.57-7.23 11.94a.75.75 0 0 1-.7 0C4.62 14.97 1.84 10.66 1.84 5.4c0-.28.16-.54.41-.67L8.5 1.6h1.16ZM13.3 8.2a.75.75 0 0 0-1.1-1.02L9.1 10.5 7.8 9.1a.75.75 0 1 0-1.1 1.02l1.85 1.98a.75.75 0 0 0 1.1 0l3.65-3.9Z"
                    clipRule="evenodd"
                  />
                </svg>
              </span>
              <div>
                <h1 className="text-lg font-semibold leading-tight text-slate-900">{t.staff.loginTitle}</h1>
                <p className="mt-0.5 text-xs text-slate-500">
                  {interpolate(t.staff.loginSubtitle, { brand: BRAND_NAME })}
                </p>
              </div>
            </div>
            <StaffLoginForm />
          </div>
        </div>
      </main>
    </div>
  );
}
