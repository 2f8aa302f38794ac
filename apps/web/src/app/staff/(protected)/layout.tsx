import Link from 'next/link';
import type { ReactNode } from 'react';
import { redirect } from 'next/navigation';
import { BrandLogo } from '@/components/brand-logo';
import { LanguageSwitcher } from '@/components/language-switcher';
import { ServiceUnavailable } from '@/components/service-unavailable';
import { LogoutButton } from '@/features/portal/logout-button';
import { StaffNav } from '@/features/staff/staff-nav';
import { getI18n } from '@/i18n/server';
import { ApiError, type StaffMe } from '@/lib/api';
import { serverApi } from '@/lib/server-api';

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const { t } = await getI18n();
  let me: StaffMe;
  try {
    me = await (await serverApi()).staffMe();
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403))
      redirect('/staff/entrar');
    return <ServiceUnavailable t={t} retryHref="/staff/cadastros" />;
  }
  // 2FA is mandatory for staff: until enrolled, only the enrolment page is usable.
  if (me.twoFactorEnrolmentRequired) redirect('/staff/ativar-2fa');
  return (
    <div className="min-h-dvh bg-slate-100">
      <header className="bg-slate-900 text-white">
        <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
          <Link
            href="/staff/cadastros"
            className="rounded-lg focus-visible:outline-2 focus-visible:outline-amber-400"
          >
            <BrandLogo tone="dark" subtitle={t.staff.areaName} compact />
          </Link>
          <div className="flex items-center gap-4">
            <div className="hidden text-right md:block">
              <p className="text-sm font-medium" data-testid="staff-header-name">
                {me.staff.fullName}
              </p>
              <p className="text-xs text-slate-400">{me.staff.email}</p>
            </div>
            <LanguageSwitcher tone="dark" />
            <LogoutButton kind="staff" tone="dark" />
          </div>
        </div>
        {/* Its own row: the staff areas outgrew the brand bar; scrolls sideways on small screens. */}
        <div className="border-t border-slate-800">
          <div className="mx-auto max-w-6xl px-4 py-2 sm:px-6">
            <StaffNav role={me.staff.role} />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
