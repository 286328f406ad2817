import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startStack } from '../support/stack';

/**
 * Scale-out bench (issue 10), not a CI test: `npm run bench:scale` (BENCH_SCALE=1). The same listings
 * scanned by 1 and then by 2 worker processes on the same Redis and PostgreSQL (OCR on, one PP-OCR
 * process per worker); prints images/s and the ratio.
 */
const RUN = process.env.BENCH_SCALE === '1';
const LISTINGS = Number(process.env.BENCH_SCALE_LISTINGS ?? 24);
const IMAGES = ['price-tag.png', 'coupon-cn.png', 'livestream.png', 'contact.png', 'clean-product.jpg', 'ai-product.png'].map((f) =>
  readFileSync(`examples/images/${f}`).toString('base64'),
);

async function imagesPerSecond(workers: number): Promise<number> {
  const stack = await startStack(`scale${workers}`, {}, workers);
  try {
    const started = Date.now();
    const scanIds: string[] = [];
    for (let i = 0; i < LISTINGS; i++) {
      // A per-run marker in the title keeps each listing new; the images repeat, so the OCR cache is
      // defeated by a distinct byte appended to each (sha256 differs, pixels do not).
      const images = IMAGES.slice(0, 3).map((b64, j) => ({ dataBase64: Buffer.concat([Buffer.from(b64, 'base64'), Buffer.from([i, j, workers])]).toString('base64') }));
      const res = await stack.request('POST', '/v1/listings', { marketplace: 'scale', externalId: `s-${workers}-${i}`, sellerId: `s${i}`, title: `Scale ${i}`, price: { amount: '9.99', currency: 'USD' }, images });
      scanIds.push(res.body.scanId);
    }
    for (const id of scanIds) expect((await stack.waitForScan(id, ['completed', 'failed'], 900_000)).status).toBe('completed');
    return (LISTINGS * 3) / ((Date.now() - started) / 1000);
  } finally {
    await stack.stop();
  }
}

describe.runIf(RUN)('scale-out bench', () => {
  it('1 vs 2 worker processes', async () => {
    const one = await imagesPerSecond(1);
    const two = await imagesPerSecond(2);
    console.log(`scale-out: ${LISTINGS * 3} images; 1 worker ${one.toFixed(2)} images/s, 2 workers ${two.toFixed(2)} images/s, ratio ${(two / one).toFixed(2)} (cores: ${(await import('node:os')).cpus().length})`);
  }, 1_800_000);
});
