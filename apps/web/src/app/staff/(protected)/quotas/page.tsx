import type { Metadata } from 'next';
import { StaffQuotasView } from '@/features/quota/staff-quotas-view';
import { getI18n } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.staffQuota.title };
}

export default function StaffQuotasPage() {
  return <StaffQuotasView />;
}
