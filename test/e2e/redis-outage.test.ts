import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { REDIS_URL, testQueuePrefix } from '../support/env';
import { solidPng } from '../support/images';
import { freePort, type RunningProcess, startApp } from '../support/processes';
import { deleteRedisKeys } from '../support/redis-keys';
import { ADMIN_KEY } from '../support/stack';

let db: TestDatabase;
let api: RunningProcess;
let worker: RunningProcess | undefined;
let base: string;
const prefix = testQueuePrefix('outage');

beforeAll(async () => {
  db = await createTestDatabase('outage');
  const port = await freePort();
  // Nothing listens on port 1: the api's Redis is down from the start.
  api = await startApp('api', { DATABASE_URL: db.url, REDIS_URL: 'redis://127.0.0.1:1', QUEUE_PREFIX: prefix, PORT: String(port), HOST: '127.0.0.1', BOOTSTRAP_ADMIN_KEY: ADMIN_KEY }, /api listening/);
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await api?.stop('SIGKILL'); // its Redis never came up: nothing to drain
  await worker?.stop();
  await db?.drop();
  await deleteRedisKeys(`${prefix}*`);
});

describe('Redis down while listings arrive', () => {
  it('accepts the listing (202), reports not ready, and a worker scans it once Redis is reachable', async () => {
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { checks: { postgres: string } }).checks.postgres).toBe('ok');

    const res = await fetch(`${base}/v1/listings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        marketplace: 'outage', externalId: 'o-1', sellerId: 's', title: 'Bowl', price: { amount: '3', currency: 'EUR' },
        images: [{ dataBase64: (await solidPng(40, 40)).toString('base64') }],
      }),
    });
    expect(res.status).toBe(202);
    const { scanId } = (await res.json()) as { scanId: string };

    // The reconciler of a worker that does reach Redis finds the scan left queued and runs it.
    worker = await startApp('worker', { DATABASE_URL: db.url, REDIS_URL, QUEUE_PREFIX: prefix, OCR_ENABLED: 'false', RECONCILE_AFTER_MS: '1000', RECONCILE_INTERVAL_MS: '1000' }, /worker started/);
    const deadline = Date.now() + 30_000;
    let status = '';
    while (Date.now() < deadline && status !== 'completed') {
      [{ status }] = await db.query<{ status: string }>('SELECT status::text AS status FROM scans WHERE id = $1', [scanId]);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe('completed');
  });
});
