import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { type JobPayloads, QUEUES } from '@listinglens/contracts';

/** Placeholder: the webhook delivery work fills this in. */
@Injectable()
export class WebhookQueueProducer {
  constructor(@InjectQueue(QUEUES.webhooks) readonly queue: Queue<JobPayloads['webhook.deliver']>) {}
}
