import { Module } from '@nestjs/common';
import { WEBHOOK_API_REPOSITORIES } from '@listinglens/data-access';
import { WebhookDeliveriesController } from './webhook-deliveries.controller';
import { WebhookEndpointsController } from './webhook-endpoints.controller';

/** Webhook endpoint routes. PrismaService and the queue producer come from global modules. */
@Module({
  controllers: [WebhookEndpointsController, WebhookDeliveriesController],
  providers: [...WEBHOOK_API_REPOSITORIES],
})
export class WebhooksApiModule {}
