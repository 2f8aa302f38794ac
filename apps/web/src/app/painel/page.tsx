import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { DashboardView } from '@/features/dashboard/dashboard-view';
import { getI18n } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.dashboard.title };
}

export default async function DashboardPage() {
  // External clients have no dashboard (account-wide totals): their portal is their shared buckets.
  const me = await (await serverApi()).me().catch(() => null);
  if (me?.user.role === 'external_client') redirect('/painel/buckets');
  return <DashboardView />;
}
