import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import { handlerFor } from '../job-handler';
import { isWebhookJobPayload, QUEUES, type QueueHandlers } from '@listinglens/contracts';
import { WebhookDeliveryService } from './webhook-delivery.service';

/**
 * Thin: validates the payload and runs one attempt. A receiver's failure is an outcome (logged and
 * rescheduled by the use case), not a job failure; errors that do throw (database, Redis) let BullMQ
 * retry the job, and an attempt they interrupt is picked up again by the reconciler. Its concurrency
 * (WEBHOOK_CONCURRENCY) is set at bootstrap by WebhooksWorkerModule.forRoot.
 */
@Processor(QUEUES.webhooks)
export class WebhookDeliveryProcessor extends WorkerHost {
  // Typed so that a job name without a handler does not compile.
  private readonly handlers: QueueHandlers<'webhooks'> = {
    'webhook.deliver': (data) => this.deliveries.deliver(data.deliveryId),
  };

  constructor(private readonly deliveries: WebhookDeliveryService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    const handle = handlerFor(this.handlers, job);
    if (!isWebhookJobPayload(job.data)) throw new UnrecoverableError(`job ${job.id} has an invalid payload`);
    return handle(job.data);
  }
}
