import type { Dictionary } from '@/i18n';

export function ServiceUnavailable({ t, retryHref }: { t: Dictionary; retryHref: string }) {
  return (
    <main className="grid min-h-dvh place-items-center bg-slate-50 px-4">
      <div
        className="max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm"
        data-testid="service-unavailable"
        role="alert"
      >
        <h1 className="text-lg font-semibold text-slate-900">{t.errors.serviceUnavailableTitle}</h1>
        <p className="mt-2 text-sm text-slate-600">{t.errors.serviceUnavailable}</p>
        <a
          href={retryHref}
          className="mt-6 inline-flex rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          {t.errors.reload}
        </a>
      </div>
    </main>
  );
}
