import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { EmailWorker } from './jobs/email.worker';
import { MaintenanceWorker } from './jobs/maintenance.worker';
import { SharedModule } from './modules/modules';

/** The worker process: the API's shared modules plus the job handlers, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, SharedModule],
      providers: [EmailWorker, MaintenanceWorker],
    };
  }
}
