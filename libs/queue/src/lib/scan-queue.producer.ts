import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { type JobPayloads, QUEUES } from '@listinglens/contracts';
import { GroupedEnqueue } from './grouped-enqueue';

const ENQUEUE_TIMEOUT_MS = 2_000;

type ScanJob = JobPayloads['scan.listing'];

/** The typed way to put a scan on the queue. jobId = scanId: enqueueing twice is one job. */
@Injectable()
export class ScanQueueProducer {
  /** Concurrent ingests share round trips to Redis (see GroupedEnqueue). */
  private readonly grouped: GroupedEnqueue<ScanJob>;

  constructor(@InjectQueue(QUEUES.scan) private readonly queue: Queue<ScanJob>) {
    this.grouped = new GroupedEnqueue((jobs) => this.add(jobs), ENQUEUE_TIMEOUT_MS);
  }

  /** Fails after ENQUEUE_TIMEOUT_MS rather than waiting for Redis: callers must never hang on it. */
  enqueue(scans: ReadonlyArray<ScanJob>): Promise<void> {
    return this.grouped.add(scans);
  }

  private async add(scans: readonly ScanJob[]): Promise<void> {
    // One job (an idle server): add() is one round trip; addBulk() wraps the same script in a MULTI.
    if (scans.length === 1) {
      await this.queue.add('scan.listing', scans[0], { jobId: scans[0].scanId });
      return;
    }
    await this.queue.addBulk(scans.map((data) => ({ name: 'scan.listing', data, opts: { jobId: data.scanId } })));
  }

  /**
   * Enqueues scans the database still has unfinished. A finished job kept under the same id (failed jobs
   * are kept for days) would make add() a no-op, so it is removed first; a waiting or active job stays.
   */
  async requeue(scans: ReadonlyArray<ScanJob>): Promise<void> {
    for (const scan of scans) {
      const job = await this.queue.getJob(scan.scanId);
      if (!job) continue;
      const state = await job.getState();
      if (state === 'failed' || state === 'completed') await job.remove();
    }
    if (scans.length > 0) await this.add(scans);
  }

  async counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
  }
}
