/**
 * The business clock (ADR 0008): the time business rules run on (billing periods and their
 * finalization, due dates, reminders, dunning, key-rotation graces, grant windows, month boundaries
 * in America/Sao_Paulo). API and worker read it through DI, and SQL receives its `now` as a
 * parameter, so a test can move it a month and run the scan that finds what became due.
 * Sessions, TOTP steps, SigV4 signatures, STS expiry, TLS and pg-boss keep real time.
 */
export abstract class Clock {
  abstract now(): Date;
}

/** Real time: the only clock production runs on. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * Real time plus an offset a test moves forward (`BUSINESS_CLOCK=adjustable`, refused in
 * production). The offset is per process, so the API and the worker a test runs side by side
 * agree on it.
 */
export class AdjustableClock extends Clock {
  private static offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + AdjustableClock.offsetMs);
  }

  /** Moves business time forward by `ms` (never backward: time does not run back). */
  static advance(ms: number): void {
    if (!(ms >= 0)) throw new Error('the business clock only moves forward');
    AdjustableClock.offsetMs += ms;
  }

  static reset(): void {
    AdjustableClock.offsetMs = 0;
  }
}
