import { Inject, Injectable } from '@nestjs/common';
import { SecretBox } from '../../common/crypto';
import { SECRET_BOX } from '../../common/secret-box.provider';
import { JobQueueService, QUEUES } from '../../jobs/job-queue.service';
import type { EmailMessage } from './email-templates';

/** Associated data of a sealed e-mail job: the payload opens only as an `email.send` job. */
export const EMAIL_JOB_AAD = 'pgboss.job.data:email.send';

/** What an `email.send` job row holds: the template name in clear, the message sealed. */
export interface EmailJob {
  template: string;
  sealed: string;
}

/**
 * Queues e-mails (outbox on pg-boss); the worker delivers them with retries. Messages carry codes
 * and links (sign-up and e-mail-change codes, reset and invitation links), so the job row holds
 * them sealed with the SecretBox: a database reader (backups, replicas, pg-boss's archive) sees
 * only the template name.
 */
@Injectable()
export class MailerService {
  constructor(
    private readonly jobs: JobQueueService,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
  ) {}

  async enqueue(message: EmailMessage): Promise<void> {
    const job: EmailJob = {
      template: message.template ?? 'email',
      sealed: this.box.seal(JSON.stringify(message), EMAIL_JOB_AAD),
    };
    await this.jobs.send(QUEUES.emailSend, job);
  }

  /** The worker's side: the message of a job (a job queued before sealing is the message itself). */
  open(data: EmailJob | EmailMessage): EmailMessage {
    if ('sealed' in data) return JSON.parse(this.box.open(data.sealed, EMAIL_JOB_AAD)) as EmailMessage;
    return data;
  }
}
