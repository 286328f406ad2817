import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIS_URL } from '../support/env';
import { solidPng } from '../support/images';
import { freePort } from '../support/processes';
import { type Stack, startStack } from '../support/stack';

/** Issue 10, observability: /metrics on api and worker, the queue dashboard for admins, request ids. */
let stack: Stack;
let workerMetricsPort: number;
const keys: Record<string, string> = {};
let scanId: string;

beforeAll(async () => {
  workerMetricsPort = await freePort();
  // OCR on (PP-OCR, one process: the stack's OCR_POOL_SIZE) so the worker's OCR pool and cache metrics have a read to show.
  stack = await startStack('observe', { WORKER_METRICS_PORT: String(workerMetricsPort) });
  for (const scope of ['read', 'review']) {
    keys[scope] = (await stack.request('POST', '/v1/api-keys', { name: scope, scopes: [scope] })).body.key;
  }
  const image = (await solidPng(64, 64)).toString('base64');
  const res = await stack.request(
    'POST',
    '/v1/listings',
    { marketplace: 'obs', externalId: 'o-1', sellerId: 's', title: 'Plate', price: { amount: '3', currency: 'USD' }, images: [{ dataBase64: image }] },
    { 'x-request-id': 'req-observe-0001' },
  );
  scanId = res.body.scanId;
  expect((await stack.waitForScan(scanId)).status).toBe('completed');
});
afterAll(async () => {
  await stack?.stop();
});

const get = (path: string, key?: string) => fetch(stack.baseUrl + path, { headers: key ? { authorization: `Bearer ${key}` } : {} });

describe('observability', () => {
  it('api /metrics (admin key): scans by status, ingest group sizes, queue depth and oldest waiting age', async () => {
    const res = await stack.request('GET', '/metrics');
    expect(res.status).toBe(200);
    const text = String(res.body);
    expect(text).toMatch(/^listinglens_scans\{status="completed"\} 1$/m);
    expect(text).toMatch(/^listinglens_ingest_group_size_count 1$/m);
    expect(text).toMatch(/^listinglens_queue_jobs\{queue="scan",state="waiting"\} 0$/m);
    expect(text).toMatch(/^listinglens_queue_oldest_waiting_seconds\{queue="webhooks"\} 0$/m);
  });

  it('/metrics and the queue dashboard refuse read and review keys (403) and no key (401)', async () => {
    for (const path of ['/metrics', '/admin/queues']) {
      expect((await get(path)).status, path).toBe(401);
      for (const scope of ['read', 'review']) expect((await get(path, keys[scope])).status, `${path} ${scope}`).toBe(403);
    }
    const board = await stack.request('GET', '/admin/queues');
    expect(board.status).toBe(200);
    expect(String(board.body)).toMatch(/<html/i);
    const api = await stack.request('GET', '/admin/queues/api/queues');
    expect(api.status).toBe(200);
    expect(api.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['maintenance', 'scan', 'webhooks']);
  });

  it('worker /metrics: scans by outcome and time per stage', async () => {
    const text = await (await fetch(`http://127.0.0.1:${workerMetricsPort}/metrics`)).text();
    expect(text).toMatch(/^listinglens_worker_scans_total\{outcome="completed"\} 1$/m);
    for (const stage of ['load', 'detect', 'ocr', 'text_detectors', 'ai_signals', 'persist']) expect(text).toMatch(new RegExp(`^listinglens_scan_stage_seconds_count\\{stage="${stage}"\\} 1$`, 'm'));
  });

  it('worker /metrics after one OCR read: OCR pool slots, busy seconds and queue, and the cache miss', async () => {
    const scrape = async () => (await fetch(`http://127.0.0.1:${workerMetricsPort}/metrics`)).text();
    const text = await scrape();
    expect(text).toMatch(/^listinglens_ocr_pool_slots\{pool="ppocr"\} 1$/m);
    expect(text).toMatch(/^listinglens_ocr_pool_queued\{pool="ppocr"\} 0$/m);
    expect(text).toMatch(/^# TYPE listinglens_ocr_pool_busy_seconds_total counter$/m);
    const busy = Number(/^listinglens_ocr_pool_busy_seconds_total\{pool="ppocr"\} (\S+)$/m.exec(text)?.[1]);
    expect(busy).toBeGreaterThan(0);
    // The image was read once (a fresh queue prefix, so a fresh cache) and nothing has run since.
    expect(text).toMatch(/^listinglens_ocr_cache_lookups_total\{result="miss"\} 1$/m);
    expect(Number(/^listinglens_ocr_pool_busy_seconds_total\{pool="ppocr"\} (\S+)$/m.exec(await scrape())?.[1])).toBe(busy);
  });

  it("the caller's x-request-id is in the scan job's data and the worker's log lines for it", async () => {
    const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue('scan', { connection, prefix: stack.queuePrefix });
    try {
      expect((await queue.getJob(scanId))?.data).toEqual({ scanId, requestId: 'req-observe-0001' });
    } finally {
      await queue.close();
      connection.disconnect();
    }
    const lines = stack.workers[0].output().split('\n').filter((l) => l.includes(scanId) && l.includes('"requestId":"req-observe-0001"'));
    expect(lines.some((l) => l.includes('scan job started'))).toBe(true);
    expect(lines.some((l) => l.includes('scan job done'))).toBe(true);
  });
});
