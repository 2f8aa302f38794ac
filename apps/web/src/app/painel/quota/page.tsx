import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { QuotaView } from '@/features/quota/quota-view';
import { getI18n } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.quota.title };
}

export default async function QuotaPage() {
  // PRD 4.2: "Solicitar upgrade de quota" is the Owner's. The API enforces it; this spares others a 403.
  const me = await (await serverApi()).me().catch(() => null);
  if (me && me.user.role !== 'owner') redirect('/painel');
  return <QuotaView />;
}
