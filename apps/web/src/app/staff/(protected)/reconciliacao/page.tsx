import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ReconcilerView } from '@/features/reconciler/reconciler-view';
import { getI18n } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.reconciler.title };
}

export default async function StaffReconcilerPage() {
  // Super admins only (staff.reconciler.run); the layout already checked the session.
  const role = await (
    await serverApi()
  )
    .staffMe()
    .then((me) => me.staff.role)
    .catch(() => null);
  if (role !== 'super_admin') redirect('/staff/autorizacoes');
  return <ReconcilerView />;
}
