import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;

/** A photo-like image (smooth gradient plus shapes) whose pHash is far from all-zero. */
async function photo(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#c84"/><stop offset="1" stop-color="#248"/></linearGradient></defs>
    <rect width="480" height="360" fill="url(#g)"/><circle cx="150" cy="140" r="90" fill="#eed"/><rect x="280" y="180" width="150" height="120" fill="#333"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}

beforeAll(async () => {
  // Two scans at once in one worker, OCR off: the scans are short and overlap, as in the race.
  stack = await startStack('reuse-race', { WORKER_CONCURRENCY: '2', OCR_ENABLED: 'false' });
});
afterAll(async () => {
  await stack?.stop();
});

describe('image.reused when two sellers post the same photo at the same moment (built worker, PostgreSQL)', () => {
  it('flags at least one of the two listings', async () => {
    const image = (await photo()).toString('base64');
    const listing = (seller: string) => ({
      marketplace: 'race-shop',
      externalId: `sku-${seller}`,
      sellerId: seller,
      title: 'Desk lamp',
      price: { amount: '30.00', currency: 'EUR' },
      images: [{ dataBase64: image }],
    });
    // One batch: both scans are queued together and the worker runs them concurrently.
    const res = await stack.request('POST', '/v1/listings/batch', { listings: [listing('seller-a'), listing('seller-b')] });
    expect(res.status).toBe(202);
    const scans = await Promise.all(res.body.results.map((r: { scanId: string }) => stack.waitForScan(r.scanId)));
    const flagged = scans.filter((s) => s.findings.some((f: { code: string }) => f.code === 'image.reused'));
    expect(scans.map((s) => s.status)).toEqual(['completed', 'completed']);
    expect(flagged.length).toBeGreaterThanOrEqual(1);
    const finding = flagged[0].findings.find((f: { code: string }) => f.code === 'image.reused');
    expect(finding.evidence.matches[0]).toMatchObject({ distance: 0 });
  });
});
