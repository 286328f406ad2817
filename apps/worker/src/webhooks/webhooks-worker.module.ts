import { Module } from '@nestjs/common';

/** Outbox dispatch and webhook delivery (placeholder until the webhook work lands). */
@Module({})
export class WebhooksWorkerModule {}
