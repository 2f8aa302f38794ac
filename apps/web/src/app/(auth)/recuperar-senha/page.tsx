import type { Metadata } from 'next';
import { ForgotPasswordForm } from '@/features/auth/recover-forms';
import { getI18n } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.recover.title };
}

export default function ForgotPasswordPage() {
  return <ForgotPasswordForm />;
}
