import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { EventWorker } from './events/event-worker';
import { AccessKeysWorkerModule } from './jobs/access-keys.worker';
import { EmailWorker } from './jobs/email.worker';
import { IdentityWorkerModule } from './jobs/identity.worker';
import { MaintenanceRepository } from './jobs/maintenance.repository';
import { MaintenanceWorker } from './jobs/maintenance.worker';
import { QuotaWorkerModule } from './jobs/quota.worker';
import { ReconcilerWorker } from './jobs/reconciler.worker';
import { StorageSecretsWorkerModule } from './jobs/storage-secrets.worker';
import { ReconcilerModule } from './modules/reconciler/reconciler.module';
import { SharedModule } from './modules/modules';
import { StorageModule } from './modules/storage/storage.module';

/** The worker process: the API's shared modules plus the job handlers, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        SharedModule,
        AccessKeysWorkerModule,
        ReconcilerModule,
        QuotaWorkerModule,
        StorageSecretsWorkerModule,
        IdentityWorkerModule,
        // Domain event consumers are providers of their domain's module.
        StorageModule,
      ],
      providers: [EmailWorker, EventWorker, MaintenanceRepository, MaintenanceWorker, ReconcilerWorker],
    };
  }
}
