import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from '../support/fixture-server';
import { SD_PARAMETERS, solidPng, withTextChunk } from '../support/images';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
let server: FixtureServer;

beforeAll(async () => {
  // ai.png carries Stable Diffusion parameters: findings, a label, a notice, a review item and outbox events.
  const ai = withTextChunk(await solidPng(128, 128, '#c96'), 'parameters', SD_PARAMETERS);
  server = await startFixtureServer({ 'slow.png': await solidPng(100, 100), 'ai.png': ai });
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
    await server.firstHit('/slow/slow.png');
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

  it('a worker paused past its lock, then resumed after another finished the scan, writes nothing twice', async () => {
    const res = await stack.request('POST', '/v1/listings', {
      marketplace: 'e2e-shop',
      externalId: 'pause-1',
      sellerId: 'seller-2',
      title: 'Generated vase',
      price: { amount: '5', currency: 'USD' },
      images: [{ url: server.url('/slow/ai.png?ms=6000') }],
    });
    const { scanId, listingId } = res.body;
    await stack.waitForScan(scanId, ['running'], 20_000);
    await server.firstHit('/slow/ai.png');
    // SIGSTOP: the process keeps its place mid-scan but stops renewing the lock (a long GC pause, a
    // starved VM); another worker takes the job over and completes it.
    const paused = stack.workers[stack.workers.length - 1];
    paused.child.kill('SIGSTOP');
    await stack.startWorker();
    expect((await stack.waitForScan(scanId, ['completed', 'failed'], 60_000)).status).toBe('completed');
    // What the completed scan wrote, row by row: the write-once guard (the scan row locked, `completed`
    // seen, nothing written) is what keeps each of these as it is when the resumed run finishes.
    // Counting findings alone could not fail: a second write deletes them before inserting again.
    const written = () => writtenRows(listingId, scanId);
    const first = await written();
    expect(first.findingIds.length).toBeGreaterThanOrEqual(2); // ai.provenance + ai.undisclosed
    expect(first.outbox['scan.completed']).toBe(1);
    expect(first.reviewItems).toBe(1);
    expect(first.notices).toBe(1);

    const before = paused.output().length;
    paused.child.kill('SIGCONT');
    // The resumed worker finishes its own run of the same scan: the write-once guard must skip it.
    for (const deadline = Date.now() + 30_000; !/scan job (done|failed)/.test(paused.output().slice(before)) && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(paused.output().slice(before)).toMatch(/scan job done/);
    expect(await written()).toEqual(first);
  });
});

/** Every row a scan's completion writes, by kind: the ids of its findings (a rewrite replaces them), when it
 * completed, its outbox events by type, and the moderation rows of its listing. */
async function writtenRows(listingId: string, scanId: string) {
  const rows = <T>(sql: string) => stack.db.query<T>(sql, [listingId, scanId]);
  const findingIds = (await rows<{ id: string }>('SELECT id FROM findings WHERE "scanId" = $2 AND $1::uuid IS NOT NULL ORDER BY id')).map((r) => r.id);
  const [{ completedAt }] = await rows<{ completedAt: Date }>('SELECT "completedAt" FROM scans WHERE id = $2 AND $1::uuid IS NOT NULL');
  const events = await rows<{ type: string; n: string }>(`SELECT type, count(*) AS n FROM outbox_events WHERE payload::text LIKE '%' || $1 || '%' AND $2::uuid IS NOT NULL GROUP BY type`);
  const count = async (sql: string) => Number((await rows<{ n: string }>(sql))[0].n);
  return {
    findingIds,
    completedAt: completedAt.toISOString(),
    outbox: Object.fromEntries(events.map((e) => [e.type, Number(e.n)])),
    reviewItems: await count('SELECT count(*) AS n FROM review_items WHERE "listingId" = $1 AND $2::uuid IS NOT NULL'),
    notices: await count('SELECT count(*) AS n FROM notices WHERE "listingId" = $1 AND $2::uuid IS NOT NULL'),
    labels: await count('SELECT count(*) AS n FROM listing_labels WHERE "listingId" = $1 AND $2::uuid IS NOT NULL'),
    audit: await count('SELECT count(*) AS n FROM audit_events WHERE "listingId" = $1 AND $2::uuid IS NOT NULL'),
  };
}
