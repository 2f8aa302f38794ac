import { Injectable } from '@nestjs/common';
import { AppException } from './app-exception';
import { RateLimitRepository } from './rate-limit.repository';

/** Fixed-window counters in PostgreSQL, incremented atomically (safe across API instances). */
@Injectable()
export class RateLimitService {
  constructor(private readonly counters: RateLimitRepository) {}

  /** Counts one hit on `key`; throws 429 when the window already holds `limit` hits. */
  async hit(key: string, limit: number, windowSeconds: number): Promise<void> {
    const { count, windowStart } = await this.counters.hit(key, windowSeconds);
    if (count > limit) {
      const elapsed = (Date.now() - windowStart.getTime()) / 1000;
      throw AppException.tooManyRequests(Math.max(1, Math.ceil(windowSeconds - elapsed)));
    }
  }
}
