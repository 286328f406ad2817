import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { WebhookDeliveryRepository } from '@listinglens/data-access';
import { MaintenanceQueueProducer, WebhookQueueProducer } from '@listinglens/queue';
import { WEBHOOKS_CONFIG, type WebhooksConfig } from './webhooks-config';

/**
 * Nothing is lost: a delivery whose next attempt is overdue (its job was never enqueued, was lost
 * with Redis data, or its worker died mid-attempt) gets that attempt enqueued again. The job id
 * names the attempt, so a job that still waits is not doubled. It runs as the `webhook.reconcile`
 * maintenance job, once per WEBHOOK_RECONCILE_INTERVAL_MS however many workers run (MaintenanceProcessor).
 */
@Injectable()
export class WebhookDeliveryReconcilerService implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookDeliveryReconcilerService.name);

  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly queue: WebhookQueueProducer,
    @Inject(WEBHOOKS_CONFIG) private readonly config: WebhooksConfig,
    private readonly maintenance: MaintenanceQueueProducer,
  ) {}

  onApplicationBootstrap(): void {
    this.maintenance.keep('webhook.reconcile', this.config.WEBHOOK_RECONCILE_INTERVAL_MS);
  }

  async reconcile(): Promise<number> {
    const overdue = await this.deliveries.findOverdue(new Date(Date.now() - this.config.WEBHOOK_RECONCILE_AFTER_MS));
    await this.queue.ensure(overdue.map((d) => ({ ...d, delayMs: 0 })));
    if (overdue.length > 0) this.logger.log({ count: overdue.length }, 're-enqueued overdue webhook attempts');
    return overdue.length;
  }
}
