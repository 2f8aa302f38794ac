import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '../config/config';

export const QUEUES = {
  emailSend: 'email.send',
  maintenance: 'maintenance.purge',
  accessKeysSweep: 'access-keys.sweep',
  storageSecrets: 'storage.secrets',
  /** Forgot-password: the worker decides whether the e-mail gets a link (same answer path for all). */
  passwordResetRequest: 'password-reset.request',
  /** A refused login: the worker writes the audit entry when the e-mail is a real user or staff. */
  loginFailed: 'auth.login-failed',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/**
 * pg-boss on the platform's PostgreSQL (no Redis). The API only produces jobs; the worker process
 * (src/worker.ts) consumes them and runs schedules.
 */
@Injectable()
export class JobQueueService implements OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private started?: Promise<PgBoss>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  boss(options: { consumer: boolean } = { consumer: false }): Promise<PgBoss> {
    this.started ??= (async () => {
      const boss = new PgBoss({
        connectionString: this.config.DATABASE_URL,
        max: 4,
        supervise: options.consumer,
        schedule: options.consumer,
        maintenanceIntervalSeconds: this.config.JOB_MAINTENANCE_INTERVAL_SECONDS,
      });
      boss.on('error', (error: Error) => this.logger.error(error.message));
      await boss.start();
      for (const name of Object.values(QUEUES)) await boss.createQueue(name);
      return boss;
    })();
    return this.started;
  }

  async send(queue: QueueName, data: object): Promise<void> {
    const boss = await this.boss();
    await boss.send(queue, data, { retryLimit: 20, retryDelay: 15, retryBackoff: true });
  }

  async onApplicationShutdown() {
    if (this.started) await (await this.started).stop({ graceful: true, timeout: 5000 });
  }
}
