import type { Metadata } from 'next';
import { StaffGrantsView } from '@/features/governance/staff-grants-view';
import { getI18n } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.governance.staffGrants.title };
}

export default async function StaffGrantsPage() {
  const role = await (
    await serverApi()
  )
    .staffMe()
    .then((me) => me.staff.role)
    .catch(() => null);
  return <StaffGrantsView canManage={role === 'super_admin'} />;
}
