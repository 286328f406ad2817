import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { ScanQueueProducer } from '@listinglens/queue';
import { REDIS_URL, testQueuePrefix } from '../support/env';
import { deleteRedisKeys } from '../support/redis-keys';

/** Issue 10 defect 12: the reconciler's re-enqueue must not be a no-op while a failed job keeps the id. */
describe('ScanQueueProducer.requeue', () => {
  const prefix = testQueuePrefix('requeue');
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue('scan', { connection, prefix, defaultJobOptions: { removeOnFail: { age: 7 * 24 * 3600 } } });
  afterAll(async () => {
    await queue.close();
    connection.disconnect();
    await deleteRedisKeys(`${prefix}*`);
  });

  it('a kept failed job with the scan id is replaced by a waiting one, carrying the request id', async () => {
    const scanId = '00000000-0000-4000-8000-000000000001';
    await queue.add('scan.listing', { scanId }, { jobId: scanId, attempts: 1 });
    const worker = new Worker('scan', async () => Promise.reject(new Error('PostgreSQL was down')), { connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }), prefix });
    await new Promise<void>((resolve) => worker.on('failed', () => resolve()));
    await worker.close();
    expect(await (await queue.getJob(scanId))?.getState()).toBe('failed');

    await new ScanQueueProducer(queue as never).requeue([{ scanId, requestId: 'req-from-ingest' }]);
    const job = await queue.getJob(scanId);
    expect(await job?.getState()).toBe('waiting');
    expect(job?.data).toEqual({ scanId, requestId: 'req-from-ingest' });
  });

  it('a job still waiting is left alone (one job per scan)', async () => {
    const scanId = '00000000-0000-4000-8000-000000000002';
    await queue.add('scan.listing', { scanId, requestId: 'first' }, { jobId: scanId });
    await new ScanQueueProducer(queue as never).requeue([{ scanId, requestId: 'second' }]);
    expect((await queue.getJob(scanId))?.data.requestId).toBe('first');
    expect((await queue.getJobs(['waiting'])).filter((j) => j.id === scanId)).toHaveLength(1);
  });
});
