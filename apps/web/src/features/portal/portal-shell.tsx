'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { BrandLogo } from '@/components/brand-logo';
import { LanguageSwitcher } from '@/components/language-switcher';
import { cx, focusRing } from '@/components/ui';
import { useI18n } from '@/i18n/provider';
import { GrantBanner } from '@/features/governance/grant-banner';
import { withGovernanceNav } from '@/features/governance/governance-nav';
import { LogoutButton } from './logout-button';
import { useSession } from './session';

const icons = {
  dashboard: (
    <>
      <rect x="3" y="3" width="6" height="8" rx="1.5" />
      <rect x="11" y="3" width="6" height="5" rx="1.5" />
      <rect x="3" y="13" width="6" height="4" rx="1.5" />
      <rect x="11" y="10" width="6" height="7" rx="1.5" />
    </>
  ),
  buckets: (
    <>
      <ellipse cx="10" cy="5" rx="6" ry="2.25" />
      <path d="M4 5v10c0 1.24 2.69 2.25 6 2.25s6-1.01 6-2.25V5" />
      <path d="M4 10c0 1.24 2.69 2.25 6 2.25s6-1.01 6-2.25" />
    </>
  ),
  keys: (
    <>
      <circle cx="7" cy="10" r="3.5" />
      <path d="M10.5 10H17M14.5 10v3M17 10v2.5" strokeLinecap="round" />
    </>
  ),
  backup: (
    <>
      <path
        d="M5.5 15.5h9a3.5 3.5 0 0 0 .6-6.95A5 5 0 0 0 5.3 9.1 3.25 3.25 0 0 0 5.5 15.5Z"
        strokeLinejoin="round"
      />
      <path d="M10 13.5V9m0 0-2 2m2-2 2 2" strokeLinecap="round" strokeLinejoin="round" />
    </>
  ),
  quota: (
    <>
      <path d="M3.5 14a6.5 6.5 0 1 1 13 0" strokeLinecap="round" />
      <path d="m10 14 3-4" strokeLinecap="round" />
    </>
  ),
  security: <path d="M10 2.5 4 5v4.5c0 3.7 2.6 6.9 6 8 3.4-1.1 6-4.3 6-8V5l-6-2.5Z" strokeLinejoin="round" />,
  profile: (
    <>
      <circle cx="10" cy="7" r="3.25" />
      <path d="M3.75 17c.8-3 3.3-4.75 6.25-4.75S15.45 14 16.25 17" strokeLinecap="round" />
    </>
  ),
  team: (
    <>
      <circle cx="7.5" cy="7" r="2.75" />
      <path d="M2.75 16.5c.5-2.9 2.4-4.5 4.75-4.5s4.25 1.6 4.75 4.5" strokeLinecap="round" />
      <circle cx="14" cy="8" r="2.25" />
      <path d="M13.5 12.1c2 .1 3.4 1.5 3.8 4.4" strokeLinecap="round" />
    </>
  ),
};

export function PortalShell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const me = useSession();
  const pathname = usePathname();

  const role = me.user.role;
  // External clients get a reduced portal: the buckets shared with them and their own profile and
  // security, never account-wide pages (dashboard totals, keys, team).
  const accountWide = new Set(['/painel', '/painel/chaves', '/painel/backup', '/painel/equipe']);
  const nav = [
    { href: '/painel', label: t.portal.nav.dashboard, icon: icons.dashboard, testId: 'nav-dashboard' },
    { href: '/painel/buckets', label: t.portal.nav.buckets, icon: icons.buckets, testId: 'nav-buckets' },
    { href: '/painel/chaves', label: t.portal.nav.keys, icon: icons.keys, testId: 'nav-keys' },
    { href: '/painel/backup', label: t.backup.nav, icon: icons.backup, testId: 'nav-backup' },
    { href: '/painel/seguranca', label: t.securityPage.nav, icon: icons.security, testId: 'nav-security' },
    { href: '/painel/perfil', label: t.profilePage.nav, icon: icons.profile, testId: 'nav-profile' },
    { href: '/painel/equipe', label: t.team.nav, icon: icons.team, testId: 'nav-team', owner: true },
    { href: '/painel/quota', label: t.quota.nav, icon: icons.quota, testId: 'nav-quota', owner: true },
  ].filter((item) =>
    role === 'external_client' ? !accountWide.has(item.href) : !item.owner || role === 'owner',
  );
  const shownNav = withGovernanceNav(nav, me, t.governance.nav);
  const isActive = (href: string) =>
    href === '/painel' ? pathname === '/painel' : pathname === href || pathname.startsWith(`${href}/`);

  const links = (variant: 'side' | 'top') =>
    shownNav.map((item) => {
      const active = isActive(item.href);
      return (
        <Link
          key={item.href}
          href={item.href}
          data-testid={variant === 'side' ? item.testId : `${item.testId}-mobile`}
          aria-current={active ? 'page' : undefined}
          className={cx(
            'flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition-colors',
            focusRing,
            variant === 'top' && 'shrink-0',
            active ? 'bg-brand-50 text-brand-700' : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900',
          )}
        >
          <svg
            viewBox="0 0 20 20"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            className="size-5 shrink-0 opacity-80"
            aria-hidden="true"
          >
            {item.icon}
          </svg>
          {item.label}
        </Link>
      );
    });

  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[16rem_minmax(0,1fr)]">
      <aside className="hidden border-r border-slate-200 bg-white lg:flex lg:flex-col">
        <div className="flex h-16 items-center border-b border-slate-200 px-5">
          <Link href="/painel" className={cx('rounded-lg', focusRing)}>
            <BrandLogo />
          </Link>
        </div>
        <nav aria-label={t.portal.navLabel} className="flex-1 space-y-1 p-3">
          {links('side')}
        </nav>
      </aside>

      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/95 backdrop-blur">
          <GrantBanner />
          <div className="flex h-16 items-center justify-between gap-4 px-4 sm:px-6 lg:px-8">
            <div className="flex min-w-0 items-center gap-3">
              <span className="lg:hidden">
                <BrandLogo compact />
              </span>
              <div className="hidden min-w-0 lg:block">
                <p className="text-xs uppercase tracking-wide text-slate-500">{t.portal.account}</p>
                <p
                  className="truncate text-sm font-semibold text-slate-900"
                  data-testid="header-account-name"
                >
                  {me.account.name}
                </p>
              </div>
            </div>
            <div className="flex items-center gap-3 sm:gap-5">
              <div className="hidden text-right sm:block">
                <p className="text-sm font-medium text-slate-900" data-testid="header-user-name">
                  {me.user.fullName}
                </p>
                <p className="text-xs text-slate-500">
                  {me.user.email} · {t.portal.roles[me.user.role] ?? me.user.role}
                </p>
              </div>
              <LanguageSwitcher />
              <LogoutButton />
            </div>
          </div>
          <nav
            aria-label={t.portal.navLabel}
            className="flex gap-1 overflow-x-auto border-t border-slate-100 px-3 py-2 lg:hidden"
          >
            {links('top')}
          </nav>
        </header>
        <main className="flex-1 px-4 py-8 sm:px-6 lg:px-8">
          <div className="mx-auto max-w-6xl">{children}</div>
        </main>
      </div>
    </div>
  );
}
