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
    await this.queue.addBulk(scans.map((data) => ({ name: 'scan.listing', data, opts: { jobId: data.scanId } })));
  }

  async counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
  }
}
