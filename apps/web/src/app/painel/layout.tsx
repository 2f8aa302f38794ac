import type { ReactNode } from 'react';
import { redirect } from 'next/navigation';
import { ServiceUnavailable } from '@/components/service-unavailable';
import { PortalShell } from '@/features/portal/portal-shell';
import { SessionProvider } from '@/features/portal/session';
import { getI18n } from '@/i18n/server';
import { ApiError, type Me } from '@/lib/api';
import { serverApi } from '@/lib/server-api';

export default async function PortalLayout({ children }: { children: ReactNode }) {
  let me: Me;
  try {
    me = await (await serverApi()).me();
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) redirect('/entrar');
    const { t } = await getI18n();
    return <ServiceUnavailable t={t} retryHref="/painel" />;
  }
  return (
    <SessionProvider me={me}>
      <PortalShell>{children}</PortalShell>
    </SessionProvider>
  );
}
