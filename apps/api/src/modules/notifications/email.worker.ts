import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { createEmailSender } from './email-sender';
import type { EmailMessage } from './email-templates';
import { MailerService, type EmailJob } from './mailer.service';
import { JobQueueService, QUEUES } from '../../jobs/job-queue.service';

/**
 * Delivers queued e-mails; a failed delivery throws, and pg-boss retries with backoff. Subjects and
 * bodies carry codes and links, so only the job id and the template name are logged.
 */
@Injectable()
export class EmailWorker {
  private readonly logger = new Logger('EmailWorker');
  private sender?: ReturnType<typeof createEmailSender>;

  constructor(
    private readonly jobs: JobQueueService,
    private readonly mailer: MailerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start() {
    this.sender = createEmailSender(this.config);
    const boss = await this.jobs.boss({ consumer: true });
    await boss.work<EmailJob | EmailMessage>(
      QUEUES.emailSend,
      // One job per call: a message that cannot be sent or opened (sealed under a key this worker
      // lacks) is retried alone instead of failing the messages fetched with it.
      { pollingIntervalSeconds: 0.5, batchSize: 1 },
      async (jobs) => {
        for (const job of jobs) {
          const message = this.mailer.open(job.data);
          await this.sender!.send(message);
          this.logger.log(`sent job ${job.id} (${message.template ?? 'email'})`);
        }
      },
    );
  }

  stop() {
    this.sender?.close();
  }
}
