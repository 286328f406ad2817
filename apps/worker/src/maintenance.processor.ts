import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { handlerFor } from './job-handler';
import { QUEUES, type QueueHandlers } from '@listinglens/contracts';
import { ReconcilerService } from './reconciler.service';
import { EvidenceRetentionService } from './evidence/evidence-retention.service';
import { WebhookDeliveryReconcilerService } from './webhooks/webhook-delivery-reconciler.service';

/** Runs the scheduled maintenance jobs (MaintenanceQueueProducer.keep): once per interval for all workers. */
@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);
  // Typed so that a job name without a handler does not compile.
  private readonly handlers: QueueHandlers<'maintenance'> = {
    'scan.reconcile': () => this.scans.reconcile(),
    'webhook.reconcile': () => this.webhooks.reconcile(),
    'evidence.expire': () => this.evidence.expire(),
  };

  constructor(
    private readonly scans: ReconcilerService,
    private readonly webhooks: WebhookDeliveryReconcilerService,
    private readonly evidence: EvidenceRetentionService,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    const handle = handlerFor(this.handlers, job);
    return handle({});
  }

  /** Not retried: the next scheduled run does the same work. */
  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error): void {
    this.logger.error({ job: job?.name, err }, 'maintenance job failed');
  }
}
