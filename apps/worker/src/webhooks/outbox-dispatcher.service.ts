import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
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
  private stopped = false;
  private wake?: () => void;
  private loop?: Promise<void>;

  constructor(
    private readonly outbox: OutboxDispatchRepository,
    private readonly queue: WebhookQueueProducer,
    @Inject(WEBHOOKS_CONFIG) private readonly config: WebhooksConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  /** Dispatches one batch; returns how many events it took. */
  async dispatchOnce(): Promise<number> {
    const { events, deliveries } = await this.outbox.dispatchBatch(this.config.WEBHOOK_DISPATCH_BATCH, this.config.WEBHOOK_RETRY_SCHEDULE_MS[0] ?? 0);
    const now = Date.now();
    await this.queue.enqueue(deliveries.map((d) => ({ deliveryId: d.deliveryId, attempt: 1, delayMs: d.nextAttemptAt.getTime() - now })));
    if (events > 0) this.logger.log({ events, deliveries: deliveries.length }, 'outbox dispatched');
    return events;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      let full = false;
      try {
        full = (await this.dispatchOnce()) >= this.config.WEBHOOK_DISPATCH_BATCH;
        failures = 0;
      } catch (err) {
        failures++;
        this.logger.error({ err }, 'outbox dispatch failed');
      }
      // A full batch means more is waiting: go again at once. Back off while the database is failing.
      if (!full) await this.sleep(this.config.WEBHOOK_DISPATCH_INTERVAL_MS * Math.min(2 ** failures, 32));
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
