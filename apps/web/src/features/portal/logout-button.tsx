'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui';
import { useI18n } from '@/i18n/provider';
import { api } from '@/lib/api';

export function LogoutButton({
  kind = 'customer',
  tone = 'light',
}: {
  kind?: 'customer' | 'staff';
  tone?: 'light' | 'dark';
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function logout() {
    setPending(true);
    try {
      await (kind === 'staff' ? api.staffLogout() : api.logout());
    } catch {
      // The session may already be gone; leave anyway.
    }
    router.replace(kind === 'staff' ? '/staff/entrar' : '/entrar');
    router.refresh();
  }

  return (
    <Button
      variant={tone === 'dark' ? 'ghostOnDark' : 'secondary'}
      size="sm"
      onClick={logout}
      loading={pending}
      testId={kind === 'staff' ? 'staff-logout-button' : 'logout-button'}
    >
      {pending ? t.common.signingOut : t.common.signOut}
    </Button>
  );
}
