import type { Metadata } from 'next';
import Link from 'next/link';
import { getI18n } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.received.title };
}

export default async function SignupReceivedPage() {
  const { t } = await getI18n();
  return (
    <div className="text-center">
      <div className="mx-auto grid size-14 place-items-center rounded-full bg-emerald-100 text-emerald-700">
        <svg
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          className="size-7"
          aria-hidden="true"
        >
          <path strokeLinecap="round" strokeLinejoin="round" d="m5 13 4 4L19 7" />
        </svg>
      </div>
      <h1 className="mt-6 text-2xl font-semibold tracking-tight text-slate-900">{t.received.title}</h1>
      <p role="status" className="mt-3 text-base text-slate-700" data-testid="signup-received-message">
        {t.received.message}
      </p>
      <p className="mt-3 text-sm text-slate-500">{t.received.next}</p>
      <Link
        href="/entrar"
        data-testid="signup-received-login"
        className="mt-8 inline-flex rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        {t.received.goToLogin}
      </Link>
    </div>
  );
}
