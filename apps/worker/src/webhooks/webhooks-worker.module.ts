import { type DynamicModule, Module } from '@nestjs/common';
import { QUEUES } from '@listinglens/contracts';
import { WEBHOOK_WORKER_REPOSITORIES } from '@listinglens/data-access';
import { parseAllowHosts } from '@listinglens/pipeline';
import { SafeWebhookPoster, type WebhookRequest } from '@listinglens/webhooks';
import { WorkerMetrics } from '../metrics/worker-metrics';
import { withWorkerOptions } from '../processor-options';
import { OutboxDispatcherService } from './outbox-dispatcher.service';
import { WebhookDeliveryReconcilerService } from './webhook-delivery-reconciler.service';
import { WebhookDeliveryProcessor } from './webhook-delivery.processor';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WEBHOOK_POSTER, WEBHOOKS_CONFIG, type WebhooksConfig } from './webhooks-config';

/** Each attempt counted by outcome (listinglens_webhook_attempts_total). */
const WEBHOOK_POSTER_PROVIDER = {
  provide: WEBHOOK_POSTER,
  inject: [WEBHOOKS_CONFIG, WorkerMetrics],
  useFactory: (config: WebhooksConfig, metrics: WorkerMetrics) => {
    const poster = new SafeWebhookPoster({
      allowHosts: parseAllowHosts(config.WEBHOOK_ALLOW_HOSTS),
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
    });
    return {
      post: async (request: WebhookRequest) => {
        const result = await poster.post(request);
        metrics.webhookAttempt(result as { kind: string; status?: number });
        return result;
      },
    };
  },
};

/**
 * Outbox dispatch and webhook delivery. PrismaService, the queue producer and WEBHOOKS_CONFIG come from
 * global modules; the config is also passed here because the processor's Worker options need it first.
 */
@Module({})
export class WebhooksWorkerModule {
  static forRoot(config: Pick<WebhooksConfig, 'WEBHOOK_CONCURRENCY'>): DynamicModule {
    const processor = withWorkerOptions(WebhookDeliveryProcessor, QUEUES.webhooks, { concurrency: config.WEBHOOK_CONCURRENCY });
    return {
      module: WebhooksWorkerModule,
      providers: [
        WEBHOOK_POSTER_PROVIDER,
        ...WEBHOOK_WORKER_REPOSITORIES,
        WebhookDeliveryService,
        { provide: WebhookDeliveryProcessor, useClass: processor },
        OutboxDispatcherService,
        WebhookDeliveryReconcilerService,
      ],
      exports: [WebhookDeliveryReconcilerService],
    };
  }
}
