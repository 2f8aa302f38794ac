import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { BrandLogo } from '@/components/brand-logo';
import { LanguageSwitcher } from '@/components/language-switcher';
import { StaffTotpEnrolment } from '@/features/staff/staff-totp-enrolment';
import { getI18n } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.staffSecurity.enrolTitle };
}

export default async function StaffEnrolTotpPage() {
  let enrolmentRequired = false;
  try {
    const me = await (await serverApi()).staffMe();
    enrolmentRequired = Boolean(me.twoFactorEnrolmentRequired);
  } catch {
    redirect('/staff/entrar');
  }
  if (!enrolmentRequired) redirect('/staff/cadastros');
  const { t } = await getI18n();
  return (
    <div className="flex min-h-dvh flex-col bg-slate-950 bg-[radial-gradient(ellipse_at_top,rgba(245,158,11,0.12),transparent_60%)]">
      <header className="flex items-center justify-between px-6 py-5 sm:px-10">
        <BrandLogo tone="dark" subtitle={t.staff.areaName} />
        <LanguageSwitcher tone="dark" />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pb-16 pt-6 sm:items-center">
        <div className="w-full max-w-md overflow-hidden rounded-2xl bg-white shadow-2xl ring-1 ring-white/10">
          <div className="h-1.5 bg-amber-500" aria-hidden="true" />
          <div className="p-8">
            <StaffTotpEnrolment />
          </div>
        </div>
      </main>
    </div>
  );
}
