import type { Metadata } from 'next';
import { ProfileView } from '@/features/security/profile-view';
import { getI18n } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.profilePage.title };
}

export default function ProfilePage() {
  return <ProfileView />;
}
