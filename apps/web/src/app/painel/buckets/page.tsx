import type { Metadata } from 'next';
import { BucketsView } from '@/features/buckets/buckets-view';
import { getI18n } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.buckets.title };
}

export default function BucketsPage() {
  return <BucketsView />;
}
