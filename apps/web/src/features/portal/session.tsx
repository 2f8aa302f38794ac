'use client';

import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { Me } from '@/lib/api';
import { applyTheme } from '@/lib/theme';

const SessionContext = createContext<Me | null>(null);

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  // The profile's theme follows the user to a new browser (the cookie is per browser). Staff
  // working under a grant keep whatever theme their browser has.
  useEffect(() => {
    if (!me.grant && document.documentElement.dataset.theme !== me.user.theme) applyTheme(me.user.theme);
  }, [me]);
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession must be used inside <SessionProvider>');
  return me;
}

/** PRD 4.2: owners and admins manage storage (buckets, keys); developers only look. */
export function useCanManageStorage(): boolean {
  const { user } = useSession();
  return user.role === 'owner' || user.role === 'admin';
}
