import { availableParallelism } from 'node:os';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { Sema } from 'async-sema';
import { AppException } from '../../../common/app-exception';

/** OWASP's Argon2id minimum (m = 19 MiB, t = 2, p = 1). */
const ARGON2_OPTIONS = {
  algorithm: Algorithm.Argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * Every Argon2id hash and verify of the process passes one semaphore: at most `maxConcurrent` run
 * at once (19 MiB each), at most `maxQueue` wait, and anything beyond is refused at once with 503
 * and Retry-After instead of piling up memory and latency. Callers reach it only after their cheap
 * checks (rate limits, lockout, token lookups).
 */
class Argon2Gate {
  private sema!: Sema;
  maxConcurrent = 1;
  maxQueue = 0;
  /** Instrumentation (tests, metrics): calls run, calls refused, the most that ever ran at once. */
  readonly stats = { calls: 0, refused: 0, active: 0, maxActive: 0 };

  constructor() {
    this.configure({});
  }

  configure(options: { maxConcurrent?: number; maxQueue?: number }) {
    this.maxConcurrent = Math.max(1, options.maxConcurrent ?? availableParallelism());
    this.maxQueue = Math.max(0, options.maxQueue ?? this.maxConcurrent * 16);
    this.sema = new Sema(this.maxConcurrent);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const sema = this.sema;
    if (!sema.tryAcquire()) {
      if (sema.nrWaiting() >= this.maxQueue) {
        this.stats.refused += 1;
        throw new AppException(503, 'server_busy', {}, undefined, { retryAfterSeconds: 2 });
      }
      await sema.acquire();
    }
    this.stats.calls += 1;
    this.stats.active += 1;
    this.stats.maxActive = Math.max(this.stats.maxActive, this.stats.active);
    try {
      return await work();
    } finally {
      this.stats.active -= 1;
      sema.release();
    }
  }
}

export const argon2Gate = new Argon2Gate();

export function hashPassword(password: string): Promise<string> {
  return argon2Gate.run(() => hash(password, ARGON2_OPTIONS));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await argon2Gate.run(() => verify(passwordHash, password));
  } catch (error) {
    if (error instanceof AppException) throw error;
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/**
 * Makes the throwaway hash at start-up, so that not even the first unknown e-mail pays for making
 * it (which would time differently from a wrong password).
 */
export function primeDummyHash(): Promise<string> {
  dummyHash ??= hashPassword('dummy-password-for-timing-1A');
  return dummyHash;
}

/** Verifies against a throwaway hash so an unknown e-mail costs the same time as a wrong password. */
export async function burnPasswordCheck(password: string): Promise<void> {
  await verifyPassword(await primeDummyHash(), password);
}
