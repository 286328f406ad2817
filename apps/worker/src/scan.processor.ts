import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { handlerFor } from './job-handler';
import { isScanJobPayload, QUEUES, type QueueHandlers } from '@listinglens/contracts';
import type { WorkerConfig } from './config';
import type { ProcessorOptions } from './processor-options';
import { ScanJobService } from './scan-job.service';

/** The scan Worker's options, put on the processor at bootstrap (WorkerModule.forRoot, withWorkerOptions). */
export function scanWorkerOptions(config: Pick<WorkerConfig, 'WORKER_CONCURRENCY' | 'WORKER_LOCK_MS'>): ProcessorOptions {
  return { concurrency: config.WORKER_CONCURRENCY, lockDuration: config.WORKER_LOCK_MS, stalledInterval: config.WORKER_LOCK_MS, maxStalledCount: 3 };
}

/** Thin: validates the payload, hands it to the use case, lets errors throw so BullMQ retries. */
@Processor(QUEUES.scan)
export class ScanProcessor extends WorkerHost {
  private readonly logger = new Logger(ScanProcessor.name);
  // Typed so that a job name without a handler does not compile.
  private readonly handlers: QueueHandlers<'scan'> = {
    'scan.listing': (data) => this.scans.run(data.scanId),
  };

  constructor(private readonly scans: ScanJobService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    const handle = handlerFor(this.handlers, job);
    if (!isScanJobPayload(job.data)) throw new UnrecoverableError(`job ${job.id} has an invalid payload`);
    const started = performance.now();
    this.logger.log({ scanId: job.data.scanId, requestId: job.data.requestId, attempt: job.attemptsMade + 1 }, 'scan job started');
    const result = await handle(job.data);
    this.logger.log({ scanId: job.data.scanId, requestId: job.data.requestId, result, ms: Math.round(performance.now() - started) }, 'scan job done');
    return result;
  }

  /**
   * Out of attempts (or unrecoverable): the scan ends as failed with the reason, never stuck. An event
   * listener's rejection would be unhandled (and end the process), so it is caught and logged here; the
   * scan then stays unfinished in PostgreSQL and the reconciler enqueues it again.
   */
  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error): Promise<void> {
    return this.markFailedIfFinal(job, err).catch((markErr: unknown) =>
      this.logger.error({ scanId: job?.data?.scanId, requestId: job?.data?.requestId, err: markErr }, 'could not mark the scan failed; the reconciler will retry it'),
    );
  }

  private async markFailedIfFinal(job: Job | undefined, err: Error): Promise<void> {
    if (!job || !isScanJobPayload(job.data)) return;
    const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    this.logger.warn({ scanId: job.data.scanId, requestId: job.data.requestId, attempt: job.attemptsMade, final, err: err.message }, 'scan job failed');
    if (final) await this.scans.markFailed(job.data.scanId, err.message);
  }
}
