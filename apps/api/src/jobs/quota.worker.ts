import { Inject, Injectable, Logger, Module, type OnModuleDestroy } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Database } from '@csp/db';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { InjectDb } from '../database/database.module';
import { ProvisioningService } from '../modules/storage/provisioning.service';
import { QuotaEnforcementService } from '../modules/storage/quota-enforcement.service';
import { QuotaRepository } from '../modules/storage/quota.repository';
import { storageClientProviders } from '../modules/storage/storage.clients';
import { StorageCredentialsRepository } from '../modules/storage/storage-credentials.repository';
import { StorageUserSecretService } from '../modules/storage/storage-user-secret.service';
import { StorageRepository } from '../modules/storage/storage.repository';

/** The session-level advisory lock that elects the one worker instance enforcing quotas. */
const LOCK_SQL = `select pg_try_advisory_lock(hashtextextended('csp:quota-enforcement', 0)) as locked`;
const UNLOCK_SQL = `select pg_advisory_unlock(hashtextextended('csp:quota-enforcement', 0))`;

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
  private lockClient?: PoolClient;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly enforcement: QuotaEnforcementService,
    @InjectDb() private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  start() {
    this.stopped = false;
    this.schedule(0);
  }

  async onModuleDestroy() {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.releaseLock();
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
      if (!(await this.holdLock())) return;
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

  /** True while this instance holds the lock (taking it if it is free). */
  private async holdLock(): Promise<boolean> {
    if (this.lockClient) {
      try {
        await this.lockClient.query('select 1');
        return true;
      } catch {
        // The connection (and with it the lock) is gone; compete for it again below.
        this.lockClient = undefined;
      }
    }
    const client = await this.db.$client.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>(LOCK_SQL);
      if (!rows[0]?.locked) {
        client.release();
        return false;
      }
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    // A broken connection drops the lock on the server: forget it and compete again next pass.
    client.on('error', (error) => {
      this.logger.warn(`quota lock connection lost: ${error.message}`);
      if (this.lockClient === client) this.lockClient = undefined;
      client.release(error);
    });
    this.lockClient = client;
    this.logger.log('this worker enforces quotas');
    return true;
  }

  private async releaseLock() {
    const client = this.lockClient;
    this.lockClient = undefined;
    if (!client) return;
    try {
      await client.query(UNLOCK_SQL);
      client.release();
    } catch (error) {
      client.release(error as Error);
    }
  }
}

/** What the quota loop needs, without the storage module's HTTP controllers. */
@Module({
  providers: [
    ...storageClientProviders,
    StorageRepository,
    StorageCredentialsRepository,
    StorageUserSecretService,
    ProvisioningService,
    QuotaRepository,
    QuotaEnforcementService,
    QuotaWorker,
  ],
  exports: [QuotaWorker, QuotaEnforcementService],
})
export class QuotaWorkerModule {}
