import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SD_PARAMETERS, solidPng, withTextChunk } from '../support/images';
import { type Stack, startStack } from '../support/stack';

/** Issue 23: who may read what — a `metrics` key, and scans that belong to the seller they were made for. */
let stack: Stack;
let aiImage: string;

async function createKey(name: string, scopes: string[]): Promise<string> {
  const res = await stack.request('POST', '/v1/api-keys', { name, scopes });
  expect(res.status).toBe(201);
  return res.body.key;
}
const as = (key: string) => ({ authorization: `Bearer ${key}` });

beforeAll(async () => {
  aiImage = withTextChunk(await solidPng(128, 128, '#a96'), 'parameters', SD_PARAMETERS).toString('base64');
  stack = await startStack('access', { OCR_ENABLED: 'false' });
});
afterAll(async () => {
  await stack?.stop();
});

describe('a metrics key', () => {
  it('reads GET /metrics and nothing else', async () => {
    const metrics = await createKey('prometheus', ['metrics']);
    const scrape = await fetch(`${stack.baseUrl}/metrics`, { headers: as(metrics) });
    expect(scrape.status).toBe(200);
    expect(await scrape.text()).toContain('listinglens_scans');
    for (const [method, path] of [
      ['GET', '/v1/me'],
      ['GET', '/v1/review/items'],
      ['GET', '/v1/notices'],
      ['GET', '/v1/audit'],
      ['POST', '/v1/listings'],
      ['GET', '/admin/queues'],
      ['GET', '/admin/queues/api/queues'],
    ]) {
      const res = await stack.request(method, path, method === 'POST' ? {} : undefined, as(metrics));
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    // And other keys still cannot read /metrics.
    const ingest = await createKey('ingest', ['ingest']);
    expect((await fetch(`${stack.baseUrl}/metrics`, { headers: as(ingest) })).status).toBe(403);
  });
});

describe('a scan belongs to the seller it was made for', () => {
  it("re-ingested under a new sellerId, the listing's old scans stay the old seller's", async () => {
    const listing = (sellerId: string) => ({
      marketplace: 'access-shop',
      externalId: 'moved-1',
      sellerId,
      title: 'Bowl',
      price: { amount: '20', currency: 'EUR' },
      images: [{ dataBase64: aiImage }],
    });
    const first = await stack.request('POST', '/v1/listings', listing('seller-old'));
    await stack.waitForScan(first.body.scanId);
    const second = await stack.request('POST', '/v1/listings', listing('seller-new'));
    expect(second.body.listingId).toBe(first.body.listingId);
    expect(second.body.scanId).not.toBe(first.body.scanId);
    await stack.waitForScan(second.body.scanId);

    const oldSeller = await createKey('old seller', ['seller:seller-old']);
    const newSeller = await createKey('new seller', ['seller:seller-new']);
    expect((await stack.request('GET', `/v1/scans/${first.body.scanId}`, undefined, as(newSeller))).status).toBe(404);
    expect((await stack.request('GET', `/v1/scans/${first.body.scanId}`, undefined, as(oldSeller))).status).toBe(200);
    expect((await stack.request('GET', `/v1/scans/${second.body.scanId}`, undefined, as(newSeller))).status).toBe(200);
    expect((await stack.request('GET', `/v1/scans/${second.body.scanId}`, undefined, as(oldSeller))).status).toBe(404);
    const current = await stack.request('GET', `/v1/listings/${first.body.listingId}`, undefined, as(newSeller));
    expect(current.body.latestScan.scanId).toBe(second.body.scanId);
  });
});
