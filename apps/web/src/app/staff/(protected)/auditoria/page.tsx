import type { Metadata } from 'next';
import { AuditView } from '@/features/governance/audit-view';
import { getI18n } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.governance.audit.staffTitle };
}

export default function StaffAuditPage() {
  return <AuditView scope="staff" />;
}
