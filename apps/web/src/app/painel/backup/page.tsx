import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { BackupView } from '@/features/backup/backup-view';
import { getI18n } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.backup.title };
}

export default async function BackupPage() {
  // PRD 4.2: owners, admins and developers (view only). The API enforces it; this only spares
  // external clients a 403 page.
  const me = await (await serverApi()).me().catch(() => null);
  if (me && me.user.role === 'external_client') redirect('/painel/buckets');
  return <BackupView />;
}
