'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cx } from '@/components/ui';
import { useI18n } from '@/i18n/provider';
import type { StaffMember } from '@/lib/api';

/** The staff area's navigation, by role: support and partners only reach their grants. */
export function StaffNav({ role }: { role: StaffMember['role'] }) {
  const { t } = useI18n();
  const pathname = usePathname();
  const items = [
    { href: '/staff/cadastros', label: t.staff.navSignups, testId: 'staff-nav-signups', superAdmin: true },
    { href: '/staff/quotas', label: t.staffQuota.nav, testId: 'staff-nav-quotas', superAdmin: true },
    { href: '/staff/autorizacoes', label: t.governance.nav.staffMyGrants, testId: 'staff-nav-grants' },
    {
      href: '/staff/auditoria',
      label: t.governance.nav.staffAudit,
      testId: 'staff-nav-audit',
      superAdmin: true,
    },
    {
      href: '/staff/reconciliacao',
      label: t.reconciler.nav,
      testId: 'staff-nav-reconciler',
      superAdmin: true,
    },
    { href: '/staff/equipe', label: t.staffSecurity.navTeam, testId: 'staff-nav-team', superAdmin: true },
    {
      href: '/staff/configuracoes',
      label: t.staffSecurity.navSettings,
      testId: 'staff-nav-settings',
      superAdmin: true,
    },
    { href: '/staff/seguranca', label: t.staffSecurity.navSecurity, testId: 'staff-nav-security' },
  ].filter((item) => !item.superAdmin || role === 'super_admin');
  return (
    <nav aria-label={t.staff.navLabel} className="-mx-1 flex gap-1 overflow-x-auto px-1">
      {items.map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? 'page' : undefined}
            data-testid={item.testId}
            className={cx(
              'rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-amber-400',
              active ? 'bg-slate-800 text-amber-300' : 'text-slate-300 hover:bg-slate-800 hover:text-white',
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
