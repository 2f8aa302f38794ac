import type { Metadata } from 'next';
import { SecurityView } from '@/features/security/security-view';
import { getI18n } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.securityPage.title };
}

export default function SecurityPage() {
  return <SecurityView />;
}
