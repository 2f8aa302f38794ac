import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type PgBoss from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { UnitOfWork } from '../database/transaction-runner';
import { JobQueueService } from '../jobs/job-queue.service';
import {
  DEAD_LETTER_QUEUE,
  EVENT_ROUTES,
  type DomainEvents,
  type EventEnvelope,
  type EventName,
  type EventRoute,
} from './domain-events';

/** Publishes domain events inside the caller's transaction: one pg-boss job per consumer. */
@Injectable()
export class EventPublisher {
  private queuesReady?: Promise<void>;

  constructor(
    private readonly jobs: JobQueueService,
    @Inject(EVENT_ROUTES) private readonly routes: readonly EventRoute[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async publish<E extends EventName>(uow: UnitOfWork, event: E, payload: DomainEvents[E]): Promise<void> {
    const boss = await this.jobs.boss();
    await this.ensureQueues(boss);
    const id = randomUUID();
    const occurredAt = new Date().toISOString();
    for (const route of this.routes) {
      if (route.event !== event) continue;
      const envelope: EventEnvelope<E> = { id, event, payload, occurredAt, queue: route.queue };
      await boss.send(route.queue, envelope, {
        ...this.deliveryOptions(route),
        db: { executeSql: (text: string, values: unknown[]) => uow.executeSql(text, values) },
      });
    }
  }

  /** The consumers' queues (and the dead-letter queue) exist before the first event is sent. */
  ensureQueues(boss: PgBoss): Promise<void> {
    this.queuesReady ??= (async () => {
      await boss.createQueue(DEAD_LETTER_QUEUE);
      for (const route of this.routes) {
        await boss.createQueue(route.queue, {
          name: route.queue,
          deadLetter: DEAD_LETTER_QUEUE,
          ...this.deliveryOptions(route),
        });
      }
    })().catch((error: unknown) => {
      this.queuesReady = undefined;
      throw error;
    });
    return this.queuesReady;
  }

  private deliveryOptions(route: EventRoute) {
    return {
      retryLimit: route.retryLimit ?? 10,
      retryDelay: route.retryDelaySeconds ?? 10,
      retryBackoff: true,
      expireInSeconds: route.expireInSeconds ?? this.config.EVENT_DELIVERY_TIMEOUT_SECONDS,
    };
  }
}
