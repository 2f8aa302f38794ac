'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui';
import { useSession } from '@/features/portal/session';
import { interpolate } from '@/i18n';
import { useI18n } from '@/i18n/provider';
import { api } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { governanceApi, type Grant } from '@/lib/governance-api';

/** Dispatched on window when the Owner creates or revokes a grant, so the notice refreshes. */
export const GRANTS_CHANGED = 'csp:grants-changed';

/** Shown on every portal page while a provider staff member works in the account under a grant. */
export function GrantBanner() {
  const { t } = useI18n();
  const me = useSession();
  const router = useRouter();
  const [leaving, setLeaving] = useState(false);
  const grant = me.grant;
  const g = t.governance;
  if (!grant) return me.user.role === 'owner' ? <OwnerGrantNotice /> : null;

  async function leave() {
    setLeaving(true);
    try {
      await api.logout();
    } catch {
      // Already ended (revoked or expired): leave anyway.
    }
    router.replace('/staff/autorizacoes');
    router.refresh();
  }

  return (
    <div
      role="status"
      data-testid="grant-banner"
      className="flex flex-wrap items-center justify-between gap-3 border-b border-amber-300 bg-amber-100 px-4 py-2.5 text-sm text-amber-950 sm:px-6 lg:px-8"
    >
      <p className="flex items-center gap-2 font-medium">
        <svg
          viewBox="0 0 20 20"
          fill="currentColor"
          className="size-5 shrink-0 text-amber-700"
          aria-hidden="true"
        >
          <path d="M10 2a4 4 0 1 0 0 8 4 4 0 0 0 0-8Zm-6.5 14.25C3.5 13.35 6.4 11.5 10 11.5s6.5 1.85 6.5 4.75v.25a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1v-.25Z" />
        </svg>
        <span data-testid="grant-banner-text">
          {interpolate(g.banner.text, { staff: grant.staff.fullName, date: formatDateTime(grant.endsAt) })}
        </span>
        <span className="rounded-full bg-amber-200 px-2 py-0.5 text-xs font-semibold">
          {grant.scope === 'full' ? g.banner.scopeFull : g.banner.scopeRead}
        </span>
      </p>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => void leave()}
        loading={leaving}
        testId="grant-leave"
      >
        {leaving ? g.banner.leaving : g.banner.leave}
      </Button>
    </div>
  );
}

/** The Owner sees, on every page, that provider staff may be working in the account right now. */
function OwnerGrantNotice() {
  const { t } = useI18n();
  const g = t.governance;
  const pathname = usePathname();
  const [active, setActive] = useState<Grant[]>([]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    window.addEventListener(GRANTS_CHANGED, bump);
    return () => window.removeEventListener(GRANTS_CHANGED, bump);
  }, []);
  useEffect(() => {
    governanceApi
      .listGrants('active')
      .then((r) => setActive(r.items))
      .catch(() => setActive([]));
  }, [pathname, version]);
  if (active.length === 0) return null;
  return (
    <div
      role="status"
      data-testid="grant-banner-owner"
      className="flex flex-wrap items-center justify-between gap-3 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 sm:px-6 lg:px-8"
    >
      <ul className="space-y-0.5">
        {active.map((grant) => (
          <li key={grant.id} className="font-medium">
            {interpolate(g.banner.text, { staff: grant.staff.fullName, date: formatDateTime(grant.endsAt) })}
            <span className="ml-2 text-xs font-normal text-amber-800">
              {grant.scope === 'full' ? g.banner.scopeFull : g.banner.scopeRead}
            </span>
          </li>
        ))}
      </ul>
      <Link href="/painel/autorizacoes" className="font-medium text-amber-900 underline underline-offset-2">
        {g.banner.manage}
      </Link>
    </div>
  );
}
