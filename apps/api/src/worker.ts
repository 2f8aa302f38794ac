import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from './config/config';
import { EventWorker } from './events/event-worker';
import { loadConfig } from './config/config';
import { AccessKeysWorker, QuotaWorker, StorageSecretsWorker } from './modules/storage';
import { EmailWorker } from './modules/notifications';
import { IdentityWorker } from './modules/identity';
import { ReconcilerWorker } from './modules/reconciler';
import { MaintenanceWorker } from './jobs/maintenance.worker';
import { WorkerModule } from './worker.module';

/**
 * Starts the worker's loops and consumers. `events: false` leaves out the domain-event consumers
 * (an instance dedicated to other jobs; tests that decide when events are delivered).
 */
export async function startWorker(config: AppConfig, options: { logger?: boolean; events?: boolean } = {}) {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: options.logger === false ? false : ['error', 'warn', 'log'],
  });
  app.enableShutdownHooks();
  await app.get(EmailWorker).start();
  await app.get(IdentityWorker).start();
  await app.get(MaintenanceWorker).start();
  await app.get(ReconcilerWorker).start();
  await app.get(AccessKeysWorker).start();
  await app.get(StorageSecretsWorker).start();
  if (options.events !== false) await app.get(EventWorker).start();
  app.get(QuotaWorker).start();
  return {
    app,
    stop: async () => {
      app.get(EmailWorker).stop();
      await app.close();
    },
  };
}

if (require.main === module) {
  startWorker(loadConfig())
    .then(() => new Logger('Worker').log('consuming jobs'))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
