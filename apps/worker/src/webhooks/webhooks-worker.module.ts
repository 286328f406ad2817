import { Module } from '@nestjs/common';
import { WEBHOOK_WORKER_REPOSITORIES } from '@listinglens/data-access';
import { guardedLookup, isPrivateAddress, parseAllowHosts } from '@listinglens/pipeline';
import { SafeWebhookPoster } from '@listinglens/webhooks';
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
      inject: [WEBHOOKS_CONFIG],
      useFactory: (config: WebhooksConfig) =>
        new SafeWebhookPoster({
          guard: { guardedLookup, isPrivateAddress },
          allowHosts: parseAllowHosts(config.WEBHOOK_ALLOW_HOSTS),
          timeoutMs: config.WEBHOOK_TIMEOUT_MS,
        }),
    },
    ...WEBHOOK_WORKER_REPOSITORIES,
    WebhookDeliveryService,
    WebhookDeliveryProcessor,
    OutboxDispatcherService,
    WebhookDeliveryReconcilerService,
  ],
})
export class WebhooksWorkerModule {}
