'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False in the server HTML and during hydration, true afterwards. Submit buttons stay disabled until
 * then, so a click can never fall through to a native form submission (and browser automation waits
 * for the page to be interactive).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
