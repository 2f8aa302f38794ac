import { Injectable } from '@nestjs/common';
import { JobQueueService, QUEUES } from '../../jobs/job-queue.service';
import type { EmailMessage } from './email-templates';

/** Queues e-mails (outbox on pg-boss); the worker delivers them with retries. */
@Injectable()
export class MailerService {
  constructor(private readonly jobs: JobQueueService) {}

  async enqueue(message: EmailMessage): Promise<void> {
    await this.jobs.send(QUEUES.emailSend, message);
  }
}
