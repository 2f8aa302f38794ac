import type { Metadata } from 'next';
import { BucketSettingsView } from '@/features/buckets/bucket-settings-view';
import { getI18n } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: `${t.bucketSettings.settings} · ${t.buckets.title}` };
}

export default async function BucketSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <BucketSettingsView bucketId={id} />;
}
