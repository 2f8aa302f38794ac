import type { Metadata } from 'next';
import { AcceptInvitationForm } from '@/features/team/accept-invitation-form';
import { getI18n } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.invitation.title };
}

export default async function InvitationPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const { token } = await searchParams;
  return <AcceptInvitationForm token={typeof token === 'string' ? token : ''} />;
}
