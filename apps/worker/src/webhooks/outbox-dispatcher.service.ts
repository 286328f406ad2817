import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { PollLoop } from '../poll-loop';
import { OutboxDispatchRepository } from '@listinglens/data-access';
import { WebhookQueueProducer } from '@listinglens/queue';
import { WEBHOOKS_CONFIG, type WebhooksConfig } from './webhooks-config';

/**
 * Polls the outbox and turns new events into deliveries, then enqueues their first attempts. Safe
 * with several workers (SKIP LOCKED batches, unique deliveries, job id = delivery id). If this
 * process dies between the commit and the enqueue, the reconciler enqueues the lost attempts.
 */
@Injectable()
export class OutboxDispatcherService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxDispatcherService.name);
  private loop?: PollLoop;

  constructor(
    private readonly outbox: OutboxDispatchRepository,
    private readonly queue: WebhookQueueProducer,
    @Inject(WEBHOOKS_CONFIG) private readonly config: WebhooksConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = new PollLoop(() => this.dispatchOnce(), {
      batchSize: this.config.WEBHOOK_DISPATCH_BATCH,
      intervalMs: this.config.WEBHOOK_DISPATCH_INTERVAL_MS,
      logger: this.logger,
      failure: 'outbox dispatch failed',
    });
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop?.stop();
  }

  /** Dispatches one batch; returns how many events it took. */
  async dispatchOnce(): Promise<number> {
    const { events, deliveries } = await this.outbox.dispatchBatch(this.config.WEBHOOK_DISPATCH_BATCH, this.config.WEBHOOK_RETRY_SCHEDULE_MS[0] ?? 0);
    const now = Date.now();
    await this.queue.enqueue(deliveries.map((d) => ({ deliveryId: d.deliveryId, attempt: 1, delayMs: d.nextAttemptAt.getTime() - now })));
    if (events > 0) this.logger.log({ events, deliveries: deliveries.length }, 'outbox dispatched');
    return events;
  }
}
