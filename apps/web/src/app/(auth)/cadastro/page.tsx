import type { Metadata } from 'next';
import { SignupForm } from '@/features/auth/signup-form';
import { getI18n } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.signup.title };
}

export default function SignupPage() {
  return <SignupForm />;
}
