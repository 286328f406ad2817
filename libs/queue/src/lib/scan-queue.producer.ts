import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { type JobPayloads, QUEUES } from '@listinglens/contracts';

const ENQUEUE_TIMEOUT_MS = 2_000;

/** The typed way to put a scan on the queue. jobId = scanId: enqueueing twice is one job. */
@Injectable()
export class ScanQueueProducer {
  constructor(@InjectQueue(QUEUES.scan) private readonly queue: Queue<JobPayloads['scan.listing']>) {}

  /** Fails after ENQUEUE_TIMEOUT_MS rather than waiting for Redis: callers must never hang on it. */
  async enqueue(scans: ReadonlyArray<JobPayloads['scan.listing']>): Promise<void> {
    if (scans.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not accept the jobs within ${ENQUEUE_TIMEOUT_MS} ms`)), ENQUEUE_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.add(scans), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async add(scans: ReadonlyArray<JobPayloads['scan.listing']>): Promise<void> {
    // One job is the common case (POST /v1/listings): add() is one round trip, addBulk() a MULTI.
    if (scans.length === 1) {
      await this.queue.add('scan.listing', scans[0], { jobId: scans[0].scanId });
      return;
    }
    await this.queue.addBulk(scans.map((data) => ({ name: 'scan.listing', data, opts: { jobId: data.scanId } })));
  }

  async counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
  }
}
