import { Injectable } from '@nestjs/common';
import { AppException } from '../../../common/app-exception';
import { InjectStorageAdmin } from '../storage.clients';
import type { StorageAdmin } from '../storage-admin.port';

export interface BucketUsage {
  sizeBytes: number;
  objectCount: number;
}

/** Stored bytes as MinIO's scanner reports them (all versions), per bucket. */
@Injectable()
export class UsageService {
  constructor(@InjectStorageAdmin() private readonly storageAdmin: StorageAdmin) {}

  async bucketUsage(
    names: string[],
  ): Promise<{ byBucket: Map<string, BucketUsage>; updatedAt: string | null }> {
    const byBucket = new Map<string, BucketUsage>();
    if (names.length === 0) return { byBucket, updatedAt: null };
    let info;
    try {
      info = await this.storageAdmin.dataUsageInfo();
    } catch {
      throw new AppException(503, 'storage_unavailable');
    }
    for (const name of names) {
      const b = info.bucketsUsageInfo?.[name];
      byBucket.set(name, { sizeBytes: Number(b?.size ?? 0), objectCount: Number(b?.objectsCount ?? 0) });
    }
    const updated = info.lastUpdate ? new Date(info.lastUpdate) : null;
    return { byBucket, updatedAt: updated && updated.getFullYear() > 2000 ? updated.toISOString() : null };
  }
}
