import { Injectable, Module } from '@nestjs/common';
import { IdentityCoreModule } from './identity-core.module';
import { LoginSecurityService, type FailedLoginJob } from './login/login-security.service';
import { PasswordResetService, type PasswordResetRequestJob } from './login/password-reset.service';
import { JobQueueService, QUEUES } from '../../jobs/job-queue.service';

/**
 * Identity work moved off the response path so that existing and unknown e-mails cost the API
 * the same: forgot-password requests (issue a link or do nothing) and failed-login audit entries.
 */
@Injectable()
export class IdentityWorker {
  constructor(
    private readonly jobs: JobQueueService,
    private readonly passwordReset: PasswordResetService,
    private readonly loginSecurity: LoginSecurityService,
  ) {}

  async start() {
    const boss = await this.jobs.boss({ consumer: true });
    await boss.work<PasswordResetRequestJob>(
      QUEUES.passwordResetRequest,
      { pollingIntervalSeconds: 0.5, batchSize: 5 },
      async (jobs) => {
        for (const job of jobs) await this.passwordReset.requestNow(job.data);
      },
    );
    await boss.work<FailedLoginJob>(
      QUEUES.loginFailed,
      { pollingIntervalSeconds: 1, batchSize: 20 },
      async (jobs) => {
        for (const job of jobs) await this.loginSecurity.auditFailedLogin(job.data);
      },
    );
  }
}

@Module({ imports: [IdentityCoreModule], providers: [IdentityWorker] })
export class IdentityWorkerModule {}
