import { Injectable, Logger } from '@nestjs/common';
import { JobQueueService, QUEUES } from './job-queue.service';
import { MaintenanceRepository } from './maintenance.repository';

/** Hourly clean-up of rows that have no use once expired (unverified sign-ups, dead sessions). */
@Injectable()
export class MaintenanceWorker {
  private readonly logger = new Logger('Maintenance');

  constructor(
    private readonly jobs: JobQueueService,
    private readonly maintenance: MaintenanceRepository,
  ) {}

  async start() {
    const boss = await this.jobs.boss({ consumer: true });
    await boss.schedule(QUEUES.maintenance, '17 * * * *', {}, { tz: 'America/Sao_Paulo' });
    await boss.work(QUEUES.maintenance, async () => {
      const result = await this.purge();
      this.logger.log(
        `purged ${result.signups} sign-ups, ${result.sessions} sessions, ${result.limits} counters`,
      );
    });
  }

  purge() {
    return this.maintenance.purge();
  }
}
