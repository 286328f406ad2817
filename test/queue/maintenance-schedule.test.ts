import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { QUEUES } from '@listinglens/contracts';
import { MaintenanceQueueProducer } from '@listinglens/queue';
import { REDIS_URL, testQueuePrefix } from '../support/env';
import { deleteRedisKeys } from '../support/redis-keys';

const EVERY_MS = 1_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Issue 12: the reconcilers run once per interval however many worker processes keep their schedule. */
describe('maintenance jobs (BullMQ job schedulers)', () => {
  const prefixes: string[] = [];
  const connections: Redis[] = [];
  const closers: Array<() => Promise<void> | void> = [];
  const connection = () => {
    const c = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    connections.push(c);
    return c;
  };
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    connections.forEach((c) => c.disconnect());
    for (const prefix of prefixes) await deleteRedisKeys(`${prefix}*`);
  });

  /** Each test's own queue: the first test's workers keep running until the end, and would take the second's jobs. */
  function newPrefix(): string {
    prefixes.push(testQueuePrefix('maint'));
    return prefixes[prefixes.length - 1];
  }

  /** One worker process: its producer keeps the schedule, its Worker takes maintenance jobs. */
  function workerProcess(prefix: string, runs: number[]) {
    const queue = new Queue(QUEUES.maintenance, { connection: connection(), prefix });
    const producer = new MaintenanceQueueProducer(queue);
    const worker = new Worker(QUEUES.maintenance, async (job) => void (job.name === 'scan.reconcile' && runs.push(Date.now())), { connection: connection(), prefix });
    closers.push(() => producer.onModuleDestroy(), () => worker.close(), () => queue.close());
    return { queue, producer };
  }

  it('two workers keeping the same schedule: one scheduler, one run per interval', async () => {
    const runs: number[] = [];
    const prefix = newPrefix();
    const a = workerProcess(prefix, runs);
    const b = workerProcess(prefix, runs);
    a.producer.keep('scan.reconcile', EVERY_MS);
    b.producer.keep('scan.reconcile', EVERY_MS);
    await sleep(4_500);

    expect(await a.queue.getJobSchedulersCount()).toBe(1);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    // Two timers (or two schedulers) would run twice per interval; a busy machine only spaces runs out.
    const gaps = runs.slice(1).map((t, i) => t - runs[i]);
    expect(Math.min(...gaps)).toBeGreaterThan(EVERY_MS * 0.8);
  });

  it('a schedule lost with Redis data is put back within an interval', async () => {
    const runs: number[] = [];
    const prefix = newPrefix();
    const { queue, producer } = workerProcess(prefix, runs);
    producer.keep('scan.reconcile', EVERY_MS);
    await expect.poll(() => queue.getJobScheduler('scan.reconcile'), { timeout: 5_000 }).toBeTruthy();
    await deleteRedisKeys(`${prefix}:${QUEUES.maintenance}:*`); // what a Redis restart without persistence does
    expect(await queue.getJobScheduler('scan.reconcile')).toBeFalsy();
    const lost = Date.now();
    await expect.poll(() => runs.filter((t) => t > lost).length, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(await queue.getJobScheduler('scan.reconcile')).toBeTruthy();
  });
});
