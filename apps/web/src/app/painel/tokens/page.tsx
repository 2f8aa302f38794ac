import type { Metadata } from 'next';
import { TokensView } from '@/features/governance/tokens-view';
import { getI18n } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.governance.tokens.title };
}

export default function ApiTokensPage() {
  return <TokensView />;
}
