import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { QUEUES } from '@listinglens/contracts';
import { DEFAULT_JOB_OPTIONS } from './job-defaults';
import { redisOptions } from './redis-connection';
import { MaintenanceQueueProducer } from './maintenance-queue.producer';
import { ScanQueueProducer } from './scan-queue.producer';
import { WebhookQueueProducer } from './webhook-queue.producer';

export interface QueueOptions {
  redisUrl: string;
  /** Key prefix, so several deployments (or test suites) can share one Redis. */
  prefix: string;
  role: 'producer' | 'worker';
}

@Module({})
export class QueueModule {
  static forRoot(options: QueueOptions): DynamicModule {
    return {
      module: QueueModule,
      global: true,
      imports: [
        BullModule.forRoot({
          connection: redisOptions(options.redisUrl, options.role),
          prefix: options.prefix,
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
        }),
        BullModule.registerQueue({ name: QUEUES.scan }, { name: QUEUES.webhooks }, { name: QUEUES.maintenance }),
      ],
      providers: [ScanQueueProducer, WebhookQueueProducer, MaintenanceQueueProducer],
      exports: [ScanQueueProducer, WebhookQueueProducer, MaintenanceQueueProducer, BullModule],
    };
  }
}
