import { Global, Module } from '@nestjs/common';
import { RateLimitService } from '../common/rate-limit.service';
import { secretBoxProvider } from '../common/secret-box.provider';
import { JobQueueService } from '../jobs/job-queue.service';
import { SignupController } from './accounts/signup.controller';
import { SignupRepository } from './accounts/signup.repository';
import { SignupService } from './accounts/signup.service';
import { AccountReviewController } from './admin/account-review.controller';
import { AccountReviewRepository } from './admin/account-review.repository';
import { AccountReviewService } from './admin/account-review.service';
import { AuditService } from './audit/audit.service';
import { HealthController } from './health/health.controller';
import { AuthController } from './identity/auth.controller';
import { AuthService } from './identity/auth.service';
import { IdentityRepository } from './identity/identity.repository';
import { SessionRepository } from './identity/session.repository';
import { SessionService } from './identity/session.service';
import { StaffBootstrapService } from './identity/staff-bootstrap.service';
import { MailerService } from './notifications/mailer.service';
import { AccessKeysController } from './storage/access-keys.controller';
import { AccessKeysService } from './storage/access-keys.service';
import { BucketsController } from './storage/buckets.controller';
import { BucketsService } from './storage/buckets.service';
import { DashboardController } from './storage/dashboard.controller';
import { DashboardService } from './storage/dashboard.service';
import { ProvisioningService } from './storage/provisioning.service';
import { storageClientProviders } from './storage/storage.clients';
import { StorageRepository } from './storage/storage.repository';
import { UsageService } from './storage/usage.service';

/** Cross-cutting services every domain may use. */
@Global()
@Module({
  providers: [RateLimitService, secretBoxProvider, JobQueueService, AuditService, MailerService],
  exports: [RateLimitService, secretBoxProvider, JobQueueService, AuditService, MailerService],
})
export class SharedModule {}

@Module({
  controllers: [AuthController],
  providers: [AuthService, IdentityRepository, SessionRepository, SessionService, StaffBootstrapService],
  exports: [SessionService, StaffBootstrapService],
})
export class IdentityModule {}

@Module({
  controllers: [SignupController],
  providers: [SignupService, SignupRepository],
})
export class AccountsModule {}

@Module({
  controllers: [BucketsController, AccessKeysController, DashboardController],
  providers: [
    ...storageClientProviders,
    StorageRepository,
    ProvisioningService,
    BucketsService,
    AccessKeysService,
    UsageService,
    DashboardService,
  ],
  exports: [ProvisioningService, ...storageClientProviders],
})
export class StorageModule {}

@Module({
  imports: [StorageModule],
  controllers: [AccountReviewController],
  providers: [AccountReviewService, AccountReviewRepository],
})
export class AdminModule {}

@Module({ controllers: [HealthController] })
export class HealthModule {}
