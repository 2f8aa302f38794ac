import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/features/auth/login-form';
import { getI18n } from '@/i18n/server';
import { serverApi } from '@/lib/server-api';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.login.title };
}

async function isSignedIn(): Promise<boolean> {
  try {
    await (await serverApi()).me();
    return true;
  } catch {
    // Not signed in, or the API is down: either way show the form.
    return false;
  }
}

export default async function LoginPage() {
  if (await isSignedIn()) redirect('/painel');
  return <LoginForm />;
}
