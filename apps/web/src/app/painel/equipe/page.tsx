import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { TeamView } from '@/features/team/team-view';
import { getI18n } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.team.title };
}

export default async function TeamPage() {
  // PRD 4.2: the team is the Owner's. The API enforces it; this only spares others a 403 page.
  const me = await (await serverApi()).me().catch(() => null);
  if (me && me.user.role !== 'owner') redirect('/painel');
  return <TeamView />;
}
