import type { Metadata } from 'next';
import { SignupsView } from '@/features/staff/signups-view';
import { getI18n } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.staff.signupsTitle };
}

export default function StaffSignupsPage() {
  return <SignupsView />;
}
