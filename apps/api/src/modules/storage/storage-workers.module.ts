import { Module } from '@nestjs/common';
import { AccessKeysWorker } from './access-keys/access-keys.worker';
import { QuotaWorker } from './quota/quota.worker';
import { StorageCoreModule } from './storage-core.module';
import { StorageSecretsWorker } from './provisioning/storage-secrets.worker';

/** The storage domain's jobs and loops, for the worker process (worker.ts starts them). */
@Module({
  imports: [StorageCoreModule],
  providers: [AccessKeysWorker, QuotaWorker, StorageSecretsWorker],
  exports: [StorageCoreModule, AccessKeysWorker, QuotaWorker, StorageSecretsWorker],
})
export class StorageWorkersModule {}
