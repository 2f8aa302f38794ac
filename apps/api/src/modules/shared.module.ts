import { Global, Module } from '@nestjs/common';
import { RateLimitRepository } from '../common/rate-limit.repository';
import { RateLimitService } from '../common/rate-limit.service';
import { AuditRepository, AuditService } from './audit';
import { MailerService } from './notifications';
import { AdjustableClock, Clock, SystemClock } from '../common/clock';
import { secretBoxProvider } from '../common/secret-box.provider';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { TransactionRunner } from '../database/transaction-runner';
import { EVENT_ROUTES } from '../events/domain-events';
import { EventPublisher } from '../events/event-publisher';
import { EVENT_ROUTE_LIST } from './events';
import { JobQueueService } from '../jobs/job-queue.service';

/** Cross-cutting services every domain may use. */
@Global()
@Module({
  providers: [
    { provide: EVENT_ROUTES, useValue: EVENT_ROUTE_LIST },
    {
      provide: Clock,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.BUSINESS_CLOCK === 'adjustable' ? new AdjustableClock() : new SystemClock(),
    },
    TransactionRunner,
    EventPublisher,
    RateLimitRepository,
    RateLimitService,
    AuditRepository,
    secretBoxProvider,
    JobQueueService,
    AuditService,
    MailerService,
  ],
  exports: [
    Clock,
    EVENT_ROUTES,
    TransactionRunner,
    EventPublisher,
    RateLimitService,
    secretBoxProvider,
    JobQueueService,
    AuditService,
    MailerService,
  ],
})
export class SharedModule {}
