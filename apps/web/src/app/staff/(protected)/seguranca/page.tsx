import type { Metadata } from 'next';
import { StaffSecurityView } from '@/features/staff/staff-security-view';
import { getI18n } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.staffSecurity.securityTitle };
}

export default function StaffSecurityPage() {
  return <StaffSecurityView />;
}
