import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photoScene } from '../../libs/ai-signals/src/lib/testing/photo-scene';
import { type JsonBody, type Stack, startStack } from '../support/stack';

let stack: Stack;

/** The same photo-like scene as the unit spec's, its shapes at 0.85 opacity. */
const photo = (seed: number) => photoScene(seed, 0.85);

beforeAll(async () => {
  stack = await startStack('reuse-crop', { OCR_ENABLED: 'false' });
});
afterAll(async () => {
  await stack?.stop();
});

async function scan(seller: string, image: Buffer): Promise<JsonBody> {
  const res = await stack.request('POST', '/v1/listings/batch', {
    listings: [{ marketplace: 'crop-shop', externalId: `sku-${seller}`, sellerId: seller, title: 'Table lamp', price: { amount: '40.00', currency: 'EUR' }, images: [{ dataBase64: image.toString('base64') }] }],
  });
  expect(res.status).toBe(202);
  const done = await stack.waitForScan(res.body.results[0].scanId);
  expect(done.status).toBe('completed');
  return done;
}

const reused = (scanView: JsonBody) => scanView.findings.filter((f: { code: string }) => f.code === 'image.reused');

describe('image.reused on cropped and mirrored copies (built worker, PostgreSQL centre-hash index)', () => {
  it("flags another seller's 15 % centre crop and mirrored copy by the centre hash, and not a different photo", async () => {
    const original = await photo(7);
    // 15 % of each side trimmed, centred (7.5 % per edge): the whole-image pHash is 14+ bits away.
    const crop = await sharp(original).extract({ left: 60, top: 45, width: 680, height: 510 }).jpeg({ quality: 90 }).toBuffer();
    const mirror = await sharp(original).flop().jpeg({ quality: 90 }).toBuffer();
    const first = await scan('seller-a', original);
    expect(reused(first)).toEqual([]);

    const cropped = reused(await scan('seller-b', crop));
    expect(cropped).toHaveLength(1);
    expect(cropped[0].ruleId).toBe('image.reused.centre');
    expect(cropped[0].evidence.matches).toEqual([
      expect.objectContaining({ listingId: first.listingId, sellerId: 'seller-a', imagePosition: 0, hash: 'centre', distance: expect.any(Number) }),
    ]);
    expect(cropped[0].evidence.matches[0].distance).toBeLessThanOrEqual(cropped[0].evidence.centreMaxDistance);

    const flipped = reused(await scan('seller-c', mirror));
    expect(flipped).toHaveLength(1);
    const fromOriginal = flipped[0].evidence.matches.find((m: { listingId: string }) => m.listingId === first.listingId);
    expect(fromOriginal).toMatchObject({ sellerId: 'seller-a', hash: 'centre' });

    expect(reused(await scan('seller-d', await photo(101)))).toEqual([]);
  }, 120_000);
});
