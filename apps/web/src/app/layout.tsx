import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { I18nProvider } from '@/i18n/provider';
import { getI18n } from '@/i18n/server';
import { BRAND_NAME } from '@/lib/brand';
import { normalizeTheme, THEME_COOKIE } from '@/lib/theme';
import { cookies } from 'next/headers';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return {
    title: { default: BRAND_NAME, template: `%s · ${BRAND_NAME}` },
    description: t.meta.tagline,
    robots: { index: false, follow: false },
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { lang } = await getI18n();
  const theme = normalizeTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang={lang} data-theme={theme}>
      <body className="min-h-dvh">
        <I18nProvider lang={lang}>{children}</I18nProvider>
      </body>
    </html>
  );
}
