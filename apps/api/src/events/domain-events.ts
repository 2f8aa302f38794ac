/**
 * Domain events: what a domain tells the others happened (a bucket was created, an account was
 * suspended), so that reactions (key policies, SFTP folders, metering, dunning) are consumers of
 * the event instead of calls from every producer to every consumer.
 *
 * - Each domain declares its events in its `x.events.ts` by merging into `DomainEvents`
 *   (`declare module '../../events/domain-events' { interface DomainEvents { 'bucket.created': {...} } }`).
 * - A producer publishes inside the transaction of the change (EventPublisher + TransactionRunner):
 *   the event is a pg-boss job that exists exactly when the change committed.
 * - Each consumer has its own queue (`modules/events.ts` lists the routes), so one failing consumer
 *   retries alone. Delivery is at least once: consumers are idempotent (they recompute from the
 *   current state, or remember what they did). A job that runs out of retries goes to the dead-letter
 *   queue, which the reconciler reports.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEvents {}

export type EventName = keyof DomainEvents;

/** What a consumer's job carries. */
export interface EventEnvelope<E extends EventName = EventName> {
  /** Unique per publication (a consumer can use it to remember what it did). */
  id: string;
  event: E;
  payload: DomainEvents[E];
  occurredAt: string;
  /** The consumer's queue (so a dead letter says whose it was). */
  queue: string;
}

/** A consumer of one event, on its own queue. */
export interface EventConsumer<E extends EventName = EventName> {
  handle(envelope: EventEnvelope<E>): Promise<void>;
}

export interface EventRoute<E extends EventName = EventName> {
  event: E;
  /** The consumer's queue: `<domain>.<reaction>`, e.g. `storage.key-policies.bucket-created`. */
  queue: string;
  /** The consumer, a provider of the module that owns it (resolved by the worker). */
  consumer: abstract new (...args: never[]) => EventConsumer<E>;
  /** Tries after the first (default 10), spaced by `retryDelaySeconds` with backoff (default 10). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** How long one delivery may run before it counts as failed and is retried (EVENT_DELIVERY_TIMEOUT_SECONDS). */
  expireInSeconds?: number;
}

/** Where deliveries that ran out of retries end up (the reconciler reports its size). */
export const DEAD_LETTER_QUEUE = 'events.dead-letter';

/** The injection token of the route list (`modules/events.ts`). */
export const EVENT_ROUTES = Symbol('EVENT_ROUTES');
