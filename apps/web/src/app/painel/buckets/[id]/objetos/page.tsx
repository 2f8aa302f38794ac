import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ObjectBrowser } from '@/features/objects/object-browser';
import { getI18n } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.objects.title };
}

export default async function BucketObjectsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // The current folder lives in ?prefix= (links and the back button work), read on the client.
  return (
    <Suspense>
      <ObjectBrowser bucketId={id} />
    </Suspense>
  );
}
