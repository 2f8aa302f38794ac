import type { Metadata } from 'next';
import { AuditView } from '@/features/governance/audit-view';
import { getI18n } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.governance.audit.title };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const { grantId } = await searchParams;
  const valid = typeof grantId === 'string' && /^[0-9a-f-]{36}$/i.test(grantId) ? grantId : undefined;
  return <AuditView scope="account" grantId={valid} key={valid ?? 'all'} />;
}
