import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { type JobPayloads, QUEUES } from '@listinglens/contracts';

/** The typed way to put a scan on the queue. jobId = scanId: enqueueing twice is one job. */
@Injectable()
export class ScanQueueProducer {
  constructor(@InjectQueue(QUEUES.scan) private readonly queue: Queue<JobPayloads['scan.listing']>) {}

  async enqueue(scans: ReadonlyArray<JobPayloads['scan.listing']>): Promise<void> {
    if (scans.length === 0) return;
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
