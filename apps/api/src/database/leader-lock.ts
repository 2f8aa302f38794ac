import { Injectable, Logger } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Database } from '@csp/db';
import { InjectDb } from './db.token';

/**
 * A session-level PostgreSQL advisory lock that elects one instance of a loop (quota enforcement
 * today; metering's sampler later). The lock lives on a dedicated connection, so it is released
 * when its holder stops or its connection dies, and another instance takes it at its next pass.
 */
export class LeaderLock {
  private client?: PoolClient;

  constructor(
    private readonly db: Database,
    private readonly name: string,
    private readonly logger: Logger,
  ) {}

  /** Whether this instance held the lock at its last check. */
  get held(): boolean {
    return this.client !== undefined;
  }

  /** True while this instance holds the lock (taking it if it is free). */
  async hold(): Promise<boolean> {
    if (this.client) {
      try {
        await this.client.query('select 1');
        return true;
      } catch {
        // The connection (and with it the lock) is gone; compete for it again below.
        this.client = undefined;
      }
    }
    const client = await this.db.$client.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        'select pg_try_advisory_lock(hashtextextended($1, 0)) as locked',
        [this.name],
      );
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
      this.logger.warn(`${this.name} lock connection lost: ${error.message}`);
      if (this.client === client) this.client = undefined;
      client.release(error);
    });
    this.client = client;
    return true;
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    try {
      await client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [this.name]);
      client.release();
    } catch (error) {
      client.release(error as Error);
    }
  }
}

/** Makes leader locks on the platform's database. */
@Injectable()
export class LeaderLocks {
  constructor(@InjectDb() private readonly db: Database) {}

  lock(name: string, logger: Logger): LeaderLock {
    return new LeaderLock(this.db, name, logger);
  }
}
