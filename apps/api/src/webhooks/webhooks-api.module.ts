import { Module } from '@nestjs/common';

/** Webhook endpoint routes (placeholder until the webhook work lands). */
@Module({})
export class WebhooksApiModule {}
