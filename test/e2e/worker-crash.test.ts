import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from '../support/fixture-server';
import { solidPng } from '../support/images';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer({ 'slow.png': await solidPng(100, 100) });
  // A short lock so the killed worker's job is noticed as stalled within seconds.
  stack = await startStack('crash', { IMAGE_FETCH_ALLOW_HOSTS: 'localhost', WORKER_LOCK_MS: '2000', IMAGE_FETCH_TIMEOUT_MS: '30000' }, 1);
});
afterAll(async () => {
  await stack?.stop();
  await server?.close();
});

describe('a worker SIGKILLed mid-scan', () => {
  it('leaves a scan another worker finishes, exactly once', async () => {
    const res = await stack.request('POST', '/v1/listings', {
      marketplace: 'e2e-shop',
      externalId: 'crash-1',
      sellerId: 'seller-1',
      title: 'Slow bowl',
      price: { amount: '5', currency: 'USD' },
      // Slow enough that the kill lands mid-fetch even on a loaded machine.
      images: [{ url: server.url('/slow/slow.png?ms=10000') }, { url: server.url('/img/slow.png') }],
    });
    await stack.waitForScan(res.body.scanId, ['running'], 20_000);
    // Kill only once the worker is inside the slow fetch: that is "mid-scan".
    for (const deadline = Date.now() + 20_000; server.hits('/slow/slow.png') === 0 && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(server.hits('/slow/slow.png')).toBe(1);
    await stack.workers[0].stop('SIGKILL');

    await stack.startWorker();
    const scan = await stack.waitForScan(res.body.scanId, ['completed', 'failed'], 60_000);
    expect(scan.status).toBe('completed');
    expect(scan.images.map((i: { error: unknown; width: number }) => [i.error, i.width])).toEqual([[null, 100], [null, 100]]);

    const [row] = await stack.db.query<{ attempts: number }>('SELECT attempts FROM scans WHERE id = $1', [res.body.scanId]);
    expect(row.attempts).toBeGreaterThanOrEqual(2); // the killed run and the one that finished
    const images = await stack.db.query('SELECT id FROM listing_images WHERE "scanId" = $1', [res.body.scanId]);
    expect(images).toHaveLength(2);
    expect(server.hits('/slow/slow.png')).toBeGreaterThanOrEqual(2);
  });
});
