'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { Me } from '@/lib/api';

const SessionContext = createContext<Me | null>(null);

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
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
