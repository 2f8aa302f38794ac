import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { JobQueueService } from '../jobs/job-queue.service';
import { EVENT_ROUTES, type EventConsumer, type EventEnvelope, type EventRoute } from './domain-events';
import { EventPublisher } from './event-publisher';

/** The worker side of domain events: each route's consumer works its own queue. */
@Injectable()
export class EventWorker {
  private readonly logger = new Logger('Events');

  constructor(
    private readonly jobs: JobQueueService,
    private readonly publisher: EventPublisher,
    private readonly moduleRef: ModuleRef,
    @Inject(EVENT_ROUTES) private readonly routes: readonly EventRoute[],
  ) {}

  async start(): Promise<void> {
    const boss = await this.jobs.boss({ consumer: true });
    await this.publisher.ensureQueues(boss);
    for (const route of this.routes) {
      const consumer = this.moduleRef.get<EventConsumer>(route.consumer as never, { strict: false });
      await boss.work<EventEnvelope>(route.queue, async ([job]) => {
        try {
          await consumer.handle(job.data);
        } catch (error) {
          this.logger.warn(
            `${route.queue}: event ${job.data.id} failed, will retry: ${(error as Error).message}`,
          );
          throw error;
        }
      });
    }
  }
}
