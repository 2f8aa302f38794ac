import { Injectable, Logger } from '@nestjs/common';
import { JobQueueService, QUEUES } from '../../../jobs/job-queue.service';
import { AccessKeysService } from './access-keys.service';

/**
 * Every minute: keys past their expiry are recorded as expired, and keys whose rotation grace has
 * ended are deactivated on MinIO (AccessKeysService.deactivateDueKeys).
 */
@Injectable()
export class AccessKeysWorker {
  private readonly logger = new Logger('AccessKeysSweep');

  constructor(
    private readonly jobs: JobQueueService,
    private readonly keys: AccessKeysService,
  ) {}

  async start() {
    const boss = await this.jobs.boss({ consumer: true });
    await boss.schedule(QUEUES.accessKeysSweep, '* * * * *', {});
    await boss.work(QUEUES.accessKeysSweep, async () => {
      const result = await this.keys.deactivateDueKeys();
      if (result.expired + result.deactivated + result.failed > 0)
        this.logger.log(
          `${result.deactivated} key(s) deactivated after their grace, ${result.expired} expired, ${result.failed} left for the next run`,
        );
      // A key MinIO did not turn off stays due; failing the job makes the failure visible.
      if (result.failed > 0) throw new Error(`${result.failed} key(s) could not be deactivated`);
    });
  }
}
