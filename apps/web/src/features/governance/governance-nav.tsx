import type { ReactNode } from 'react';
import type { Dictionary } from '@/i18n';
import type { Me } from '@/lib/api';

interface NavItem {
  href: string;
  label: string;
  icon: ReactNode;
  testId: string;
}

const icons = {
  grants: (
    <>
      <path d="M7 9V6.5a3 3 0 0 1 6 0V9" strokeLinecap="round" />
      <rect x="4.5" y="9" width="11" height="8" rx="1.5" />
      <path d="M10 12.2v1.8" strokeLinecap="round" />
    </>
  ),
  audit: (
    <>
      <path
        d="M5.5 3h6.5l3 3v10.5a.5.5 0 0 1-.5.5h-9a.5.5 0 0 1-.5-.5V3.5a.5.5 0 0 1 .5-.5Z"
        strokeLinejoin="round"
      />
      <path d="M7.5 9h5M7.5 12h5M7.5 15h3" strokeLinecap="round" />
    </>
  ),
  tokens: (
    <>
      <path
        d="M6.5 6.5 3 10l3.5 3.5M13.5 6.5 17 10l-3.5 3.5M11.5 4.5l-3 11"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </>
  ),
};

/** Pages a staff member under a grant never sees: personal ones (they are not a user of the account). */
const PERSONAL = new Set(['/painel/seguranca', '/painel/perfil', '/painel/equipe']);

/**
 * Adds the governance pages to the portal navigation by role (PRD 4.2): support access for the
 * Owner, the audit log for Owner and Admin (storage events), API tokens for members. Under a
 * grant: the audit log as its scope allows, no personal pages, no tokens.
 */
export function withGovernanceNav<T extends NavItem>(
  nav: T[],
  me: Me,
  labels: Dictionary['governance']['nav'],
) {
  const role = me.user.role;
  const underGrant = Boolean(me.grant);
  const extra: NavItem[] = [];
  if (role === 'owner' && !underGrant)
    extra.push({
      href: '/painel/autorizacoes',
      label: labels.grants,
      icon: icons.grants,
      testId: 'nav-grants',
    });
  if (role === 'owner' || role === 'admin')
    extra.push({ href: '/painel/auditoria', label: labels.audit, icon: icons.audit, testId: 'nav-audit' });
  if (role !== 'external_client' && !underGrant)
    extra.push({ href: '/painel/tokens', label: labels.tokens, icon: icons.tokens, testId: 'nav-tokens' });
  const base: NavItem[] = underGrant ? nav.filter((item) => !PERSONAL.has(item.href)) : nav;
  return [...base, ...extra];
}
