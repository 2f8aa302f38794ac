'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { getDictionary, type Dictionary, type Lang } from './index';

interface I18nValue {
  lang: Lang;
  t: Dictionary;
}

const I18nContext = createContext<I18nValue | null>(null);

// Only the language crosses the server/client boundary; both dictionaries are small and bundled.
export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  return <I18nContext.Provider value={{ lang, t: getDictionary(lang) }}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
