import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { type JobPayloads, QUEUES } from '@listinglens/contracts';

export interface WebhookAttemptJob {
  deliveryId: string;
  /** 1-based attempt number: part of the job id, so enqueueing the same attempt twice is one job. */
  attempt: number;
  delayMs: number;
}

/**
 * One job per delivery attempt. The first attempt's job id is the delivery id; later ones add the
 * attempt number (BullMQ ids may not contain ':'). A job only carries the delivery id: the database
 * says which attempt is due, so a duplicate or stale job finds nothing to do.
 */
export function webhookJobId(deliveryId: string, attempt: number): string {
  return attempt <= 1 ? deliveryId : `${deliveryId}-${attempt}`;
}

/** Failures of the job itself (database, Redis) are retried briefly; HTTP failures are not job failures. */
const WEBHOOK_JOB_OPTIONS: JobsOptions = { attempts: 3, backoff: { type: 'exponential', delay: 1_000 } };

/** The typed way to put webhook delivery attempts on the queue. */
@Injectable()
export class WebhookQueueProducer {
  constructor(@InjectQueue(QUEUES.webhooks) readonly queue: Queue<JobPayloads['webhook.deliver']>) {}

  async enqueue(jobs: ReadonlyArray<WebhookAttemptJob>): Promise<void> {
    if (jobs.length === 0) return;
    await this.queue.addBulk(
      jobs.map((job) => ({
        name: 'webhook.deliver',
        data: { deliveryId: job.deliveryId },
        opts: { ...WEBHOOK_JOB_OPTIONS, jobId: webhookJobId(job.deliveryId, job.attempt), delay: Math.max(0, job.delayMs) },
      })),
    );
  }

  /** Runs an attempt now: adds its job, or promotes it when it is already waiting out a delay. */
  async runNow(deliveryId: string, attempt: number): Promise<void> {
    const existing = await this.queue.getJob(webhookJobId(deliveryId, attempt));
    if (existing && (await existing.isDelayed())) {
      await existing.promote();
      return;
    }
    await this.ensure([{ deliveryId, attempt, delayMs: 0 }]);
  }

  /**
   * Enqueues attempts that must run even if a job with the same id already finished (it ran while the
   * attempt was not due, so it did nothing): a finished job is removed first, a waiting one is kept.
   */
  async ensure(jobs: ReadonlyArray<WebhookAttemptJob>): Promise<void> {
    for (const job of jobs) {
      const existing = await this.queue.getJob(webhookJobId(job.deliveryId, job.attempt));
      if (existing && ((await existing.isCompleted()) || (await existing.isFailed()))) await existing.remove();
    }
    await this.enqueue(jobs);
  }
}
