import { Global, Module } from '@nestjs/common';
import { RateLimitRepository } from '../common/rate-limit.repository';
import { RateLimitService } from '../common/rate-limit.service';
import { AuditRepository } from './audit/audit.repository';
import { secretBoxProvider } from '../common/secret-box.provider';
import { JobQueueService } from '../jobs/job-queue.service';
import { AuditService } from './audit/audit.service';
import { MailerService } from './notifications/mailer.service';

/** Cross-cutting services every domain may use. */
@Global()
@Module({
  providers: [
    RateLimitRepository,
    RateLimitService,
    AuditRepository,
    secretBoxProvider,
    JobQueueService,
    AuditService,
    MailerService,
  ],
  exports: [RateLimitService, secretBoxProvider, JobQueueService, AuditService, MailerService],
})
export class SharedModule {}
