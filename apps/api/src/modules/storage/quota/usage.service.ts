import { Injectable } from '@nestjs/common';
import type { MinioAdminClient } from '@csp/minio-admin';
import { AppException } from '../../../common/app-exception';
import { InjectMinioAdmin } from '../storage.clients';

export interface BucketUsage {
  sizeBytes: number;
  objectCount: number;
}

/** Stored bytes as MinIO's scanner reports them (all versions), per bucket. */
@Injectable()
export class UsageService {
  constructor(@InjectMinioAdmin() private readonly minio: MinioAdminClient) {}

  async bucketUsage(
    names: string[],
  ): Promise<{ byBucket: Map<string, BucketUsage>; updatedAt: string | null }> {
    const byBucket = new Map<string, BucketUsage>();
    if (names.length === 0) return { byBucket, updatedAt: null };
    let info;
    try {
      info = await this.minio.dataUsageInfo();
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
