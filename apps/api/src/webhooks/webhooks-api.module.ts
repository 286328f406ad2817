import { type DynamicModule, Module } from '@nestjs/common';
import { WEBHOOK_API_REPOSITORIES } from '@listinglens/data-access';
import { parseAllowHosts } from '@listinglens/pipeline/ssrf-guard';
import type { ApiConfig } from '../config';
import { WebhookDeliveriesController } from './webhook-deliveries.controller';
import { WebhookEndpointsController } from './webhook-endpoints.controller';
import { WebhookUrlPolicy } from './webhook-url-policy';
import { WebhookSecretRekey } from './webhook-secret-rekey';

/** Webhook endpoint routes. PrismaService and the queue producer come from global modules. */
@Module({})
export class WebhooksApiModule {
  static forConfig(config: Pick<ApiConfig, 'WEBHOOK_ALLOW_HOSTS'>): DynamicModule {
    return {
      module: WebhooksApiModule,
      controllers: [WebhookEndpointsController, WebhookDeliveriesController],
      providers: [...WEBHOOK_API_REPOSITORIES, WebhookSecretRekey, { provide: WebhookUrlPolicy, useValue: new WebhookUrlPolicy(parseAllowHosts(config.WEBHOOK_ALLOW_HOSTS)) }],
    };
  }
}
