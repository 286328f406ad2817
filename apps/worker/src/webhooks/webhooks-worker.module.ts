import { Module } from '@nestjs/common';
import { WEBHOOK_WORKER_REPOSITORIES } from '@listinglens/data-access';
import { parseAllowHosts } from '@listinglens/pipeline';
import { SafeWebhookPoster, type WebhookRequest } from '@listinglens/webhooks';
import { WorkerMetrics } from '../metrics/worker-metrics';
import { OutboxDispatcherService } from './outbox-dispatcher.service';
import { WebhookDeliveryReconcilerService } from './webhook-delivery-reconciler.service';
import { WebhookDeliveryProcessor } from './webhook-delivery.processor';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WEBHOOK_POSTER, WEBHOOKS_CONFIG, webhooksConfig, type WebhooksConfig } from './webhooks-config';

/** Outbox dispatch and webhook delivery. PrismaService and the queue producer come from global modules. */
@Module({
  providers: [
    { provide: WEBHOOKS_CONFIG, useFactory: () => webhooksConfig() },
    {
      provide: WEBHOOK_POSTER,
      inject: [WEBHOOKS_CONFIG, WorkerMetrics],
      useFactory: (config: WebhooksConfig, metrics: WorkerMetrics) => {
        const poster = new SafeWebhookPoster({
          allowHosts: parseAllowHosts(config.WEBHOOK_ALLOW_HOSTS),
          timeoutMs: config.WEBHOOK_TIMEOUT_MS,
        });
        // Each attempt counted by outcome (listinglens_webhook_attempts_total).
        return {
          post: async (request: WebhookRequest) => {
            const result = await poster.post(request);
            metrics.webhookAttempt(result as { kind: string; status?: number });
            return result;
          },
        };
      },
    },
    ...WEBHOOK_WORKER_REPOSITORIES,
    WebhookDeliveryService,
    WebhookDeliveryProcessor,
    OutboxDispatcherService,
    WebhookDeliveryReconcilerService,
  ],
})
export class WebhooksWorkerModule {}
