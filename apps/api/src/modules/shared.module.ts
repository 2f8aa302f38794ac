import { Global, Module } from '@nestjs/common';
import { RateLimitService } from '../common/rate-limit.service';
import { secretBoxProvider } from '../common/secret-box.provider';
import { JobQueueService } from '../jobs/job-queue.service';
import { AuditService } from './audit/audit.service';
import { MailerService } from './notifications/mailer.service';

/** Cross-cutting services every domain may use. */
@Global()
@Module({
  providers: [RateLimitService, secretBoxProvider, JobQueueService, AuditService, MailerService],
  exports: [RateLimitService, secretBoxProvider, JobQueueService, AuditService, MailerService],
})
export class SharedModule {}
