import type { Metadata } from 'next';
import { KeysView } from '@/features/access-keys/keys-view';
import { getI18n } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.keys.title };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AccessKeysPage({ searchParams }: { searchParams: SearchParams }) {
  const { revelar } = await searchParams;
  return <KeysView highlightId={typeof revelar === 'string' ? revelar : undefined} />;
}
