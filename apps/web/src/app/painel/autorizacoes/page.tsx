import type { Metadata } from 'next';
import { GrantsView } from '@/features/governance/grants-view';
import { getI18n } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.governance.grants.title };
}

export default function GrantsPage() {
  return <GrantsView />;
}
