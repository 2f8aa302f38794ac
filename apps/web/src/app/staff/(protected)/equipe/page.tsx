import type { Metadata } from 'next';
import { StaffTeamView } from '@/features/staff/staff-team-view';
import { getI18n } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.staffSecurity.teamTitle };
}

export default function StaffTeamPage() {
  return <StaffTeamView />;
}
