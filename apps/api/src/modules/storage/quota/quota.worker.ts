import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { LeaderLocks, type LeaderLock } from '../../../database/leader-lock';
import { QuotaEnforcementService } from './quota-enforcement.service';

/**
 * Runs QuotaEnforcementService.tick() every QUOTA_CHECK_INTERVAL_SECONDS, in process (a pg-boss
 * cron cannot go below a minute, and the check is cheap: one `datausageinfo` call per pass).
 * Only the worker holding a PostgreSQL advisory lock enforces: the lock lives on a dedicated
 * connection, so it is released when that worker stops or its connection dies, and another
 * instance takes over at its next pass. How quickly a block bites is bounded by MinIO's scanner
 * (usage data lags writes) plus this interval; bench/quota.mjs measures it.
 */
@Injectable()
export class QuotaWorker implements OnModuleDestroy {
  private readonly logger = new Logger('QuotaWorker');
  private timer?: NodeJS.Timeout;
  /** Elects the one worker instance enforcing quotas. */
  private readonly lock: LeaderLock;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly enforcement: QuotaEnforcementService,
    locks: LeaderLocks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.lock = locks.lock('csp:quota-enforcement', this.logger);
  }

  start() {
    this.stopped = false;
    this.schedule(0);
  }

  async onModuleDestroy() {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.lock.release();
  }

  private schedule(delayMs: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pass().finally(() => {
        this.running = undefined;
        this.schedule(this.config.QUOTA_CHECK_INTERVAL_SECONDS * 1000);
      });
    }, delayMs);
    this.timer.unref();
  }

  private async pass() {
    try {
      const wasLeader = this.lock.held;
      if (!(await this.lock.hold())) return;
      if (!wasLeader) this.logger.log('this worker enforces quotas');
      const started = Date.now();
      const result = await this.enforcement.tick();
      if (result.blocked + result.unblocked + result.failed > 0) {
        this.logger.log(
          `quota check: ${result.accounts} account(s), ${result.blocked} blocked, ${result.unblocked} unblocked, ` +
            `${result.failed} failed, scanner data of ${result.measuredAt} (${Date.now() - started} ms)`,
        );
      }
    } catch (error) {
      this.logger.warn(`quota check failed: ${(error as Error).message}`);
    }
  }
}
