import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from '../support/fixture-server';
import { SD_PARAMETERS, solidPng, withTextChunk } from '../support/images';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
let server: FixtureServer;

beforeAll(async () => {
  const ai = withTextChunk(await solidPng(128, 128, '#c96'), 'parameters', SD_PARAMETERS);
  server = await startFixtureServer({ 'slow.png': await solidPng(100, 100), 'ai.png': ai });
  stack = await startStack('sigterm', { IMAGE_FETCH_ALLOW_HOSTS: 'localhost', IMAGE_FETCH_TIMEOUT_MS: '30000' }, 1);
});
afterAll(async () => {
  await stack?.stop();
  await server?.close();
});

describe('a worker sent SIGTERM mid-scan (a deploy)', () => {
  it('finishes the scan it is running before it closes its database and OCR, then exits', async () => {
    const res = await stack.request('POST', '/v1/listings', {
      marketplace: 'e2e-shop',
      externalId: 'term-1',
      sellerId: 'seller-1',
      title: 'Bowl during a deploy',
      price: { amount: '5', currency: 'USD' },
      images: [{ url: server.url('/slow/slow.png?ms=3000') }, { url: server.url('/img/ai.png') }],
    });
    await stack.waitForScan(res.body.scanId, ['running'], 20_000);
    await server.firstHit('/slow/slow.png');
    expect(server.hits('/slow/slow.png')).toBe(1);
    const [worker] = stack.workers;
    await worker.stop('SIGTERM');
    expect(worker.output()).not.toMatch(/shutdown not done/);
    // The stack's only worker has exited: whatever the scan's state now, that worker left it so.
    const scan = await stack.waitForScan(res.body.scanId, ['completed', 'failed'], 1_000);
    expect(scan.status).toBe('completed');
    expect(scan.images.map((i: { error: unknown }) => i.error)).toEqual([null, null]);
    expect(scan.findings.length).toBeGreaterThan(0);
  });
});
