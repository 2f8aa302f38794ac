import type { Metadata } from 'next';
import { ResetPasswordForm } from '@/features/auth/recover-forms';
import { getI18n } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.recover.resetTitle, referrer: 'no-referrer' };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** New staff members set their first password here (same reset endpoint, staff token). */
export default async function StaffResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const { token } = await searchParams;
  return (
    <main className="flex min-h-dvh items-center justify-center bg-slate-950 px-4">
      <div className="w-full max-w-sm rounded-2xl bg-white p-8 shadow-2xl">
        <ResetPasswordForm
          token={(Array.isArray(token) ? token[0] : token) ?? ''}
          loginHref="/staff/entrar"
        />
      </div>
    </main>
  );
}
