import type { Metadata } from 'next';
import { DashboardView } from '@/features/dashboard/dashboard-view';
import { getI18n } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.dashboard.title };
}

export default function DashboardPage() {
  return <DashboardView />;
}
