import { Inject, Injectable, Logger, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { ReconcilerCoreModule } from './reconciler-core.module';
import { ReconcilerService } from './reconciler.service';
import { JobQueueService } from '../../jobs/job-queue.service';

export const RECONCILER_QUEUE = 'reconciler.run';

/**
 * The scheduled reconciler run (RECONCILER_SCHEDULE, a cron in America/Sao_Paulo; 'off' disables
 * it). A run already in progress (manual or scheduled) makes this one a no-op.
 */
@Injectable()
export class ReconcilerWorker {
  private readonly logger = new Logger('ReconcilerWorker');

  constructor(
    private readonly jobs: JobQueueService,
    private readonly reconciler: ReconcilerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start() {
    const boss = await this.jobs.boss({ consumer: true });
    await boss.createQueue(RECONCILER_QUEUE);
    if (this.config.RECONCILER_SCHEDULE === 'off') {
      await boss.unschedule(RECONCILER_QUEUE);
      return;
    }
    await boss.schedule(RECONCILER_QUEUE, this.config.RECONCILER_SCHEDULE, {}, { tz: 'America/Sao_Paulo' });
    await boss.work(RECONCILER_QUEUE, async () => {
      const run = await this.reconciler.runScheduled(this.config.RECONCILER_REPAIR);
      if (!run) this.logger.log('skipped: another reconciler run is in progress');
    });
  }
}

/** The scheduled run, for the worker process. */
@Module({ imports: [ReconcilerCoreModule], providers: [ReconcilerWorker], exports: [ReconcilerWorker] })
export class ReconcilerWorkerModule {}
