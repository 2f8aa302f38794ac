import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { createEmailSender } from '../modules/notifications/email-sender';
import type { EmailMessage } from '../modules/notifications/email-templates';
import { JobQueueService, QUEUES } from './job-queue.service';

/** Delivers queued e-mails; a failed delivery throws, and pg-boss retries with backoff. */
@Injectable()
export class EmailWorker {
  private readonly logger = new Logger('EmailWorker');
  private sender?: ReturnType<typeof createEmailSender>;

  constructor(
    private readonly jobs: JobQueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start() {
    this.sender = createEmailSender(this.config);
    const boss = await this.jobs.boss({ consumer: true });
    await boss.work<EmailMessage>(
      QUEUES.emailSend,
      { pollingIntervalSeconds: 0.5, batchSize: 5 },
      async (jobs) => {
        for (const job of jobs) {
          await this.sender!.send(job.data);
          this.logger.log(`sent "${job.data.subject}"`);
        }
      },
    );
  }

  stop() {
    this.sender?.close();
  }
}
