import type { Metadata } from 'next';
import { StaffSettingsView } from '@/features/staff/staff-settings-view';
import { getI18n } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.staffSecurity.settingsTitle };
}

export default function StaffSettingsPage() {
  return <StaffSettingsView />;
}
