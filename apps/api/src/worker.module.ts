import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { EventWorker } from './events/event-worker';
import { MaintenanceRepository } from './jobs/maintenance.repository';
import { MaintenanceWorker } from './jobs/maintenance.worker';
import { IdentityWorkerModule } from './modules/identity';
import { EmailWorker } from './modules/notifications';
import { ReconcilerWorkerModule } from './modules/reconciler';
import { StorageWorkersModule } from './modules/storage';
import { SharedModule } from './modules/modules';

/**
 * The worker process: the API's shared modules plus each domain's jobs (each domain's worker
 * module imports its core: services and repositories, no HTTP). Domain event consumers are
 * providers of their domain's core module.
 */
@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        SharedModule,
        StorageWorkersModule,
        ReconcilerWorkerModule,
        IdentityWorkerModule,
      ],
      providers: [EmailWorker, EventWorker, MaintenanceRepository, MaintenanceWorker],
    };
  }
}
