import 'reflect-metadata';
import { BullModule } from '@nestjs/bullmq';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { QUEUES } from '@listinglens/contracts';
import { redisOptions } from '@listinglens/queue';
import { withWorkerOptions } from '../../apps/worker/src/processor-options';
import { ScanJobService } from '../../apps/worker/src/scan-job.service';
import { ScanProcessor, scanWorkerOptions } from '../../apps/worker/src/scan.processor';
import { REDIS_URL, testQueuePrefix } from '../support/env';
import { deleteRedisKeys } from '../support/redis-keys';

@Module({})
class HostModule {}

/** Issue 12: WORKER_CONCURRENCY and WORKER_LOCK_MS come from the injected config, not from import time. */
describe('the scan Worker runs with the options of the configuration it was given', () => {
  const prefix = testQueuePrefix('scanopts');
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue(QUEUES.scan, { connection: redis, prefix });
  let app: INestApplicationContext | undefined;
  afterAll(async () => {
    await app?.close();
    await queue.close();
    redis.disconnect();
    await deleteRedisKeys(`${prefix}*`);
  });

  it('runs WORKER_CONCURRENCY scans at once and holds each job lock for WORKER_LOCK_MS', async () => {
    const started: string[] = [];
    const release: Array<() => void> = [];
    const scans = { run: (scanId: string) => new Promise<'completed'>((resolve) => (started.push(scanId), release.push(() => resolve('completed')))) };
    const config = { WORKER_CONCURRENCY: 3, WORKER_LOCK_MS: 4_321 };
    app = await NestFactory.createApplicationContext(
      {
        module: HostModule,
        imports: [BullModule.forRoot({ connection: redisOptions(REDIS_URL, 'worker'), prefix }), BullModule.registerQueue({ name: QUEUES.scan })],
        providers: [{ provide: ScanJobService, useValue: scans }, { provide: ScanProcessor, useClass: withWorkerOptions(ScanProcessor, QUEUES.scan, scanWorkerOptions(config)) }],
      },
      { logger: false },
    );

    await queue.addBulk(['s1', 's2', 's3', 's4', 's5'].map((scanId) => ({ name: 'scan.listing', data: { scanId }, opts: { jobId: scanId } })));
    await expect.poll(() => started.length, { timeout: 10_000 }).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(started).toHaveLength(3); // the other two wait for a free slot

    // The lock a running job holds: set and renewed for lockDuration, so its TTL never exceeds it.
    const ttl = await redis.pttl(`${prefix}:${QUEUES.scan}:${started[0]}:lock`);
    expect(ttl).toBeGreaterThan(1_000);
    expect(ttl).toBeLessThanOrEqual(config.WORKER_LOCK_MS);

    while (started.length < 5 || release.length > 0) {
      release.splice(0).forEach((done) => done());
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await expect.poll(() => queue.getJobCounts('completed').then((c) => c.completed), { timeout: 10_000 }).toBe(5);
  });
});
