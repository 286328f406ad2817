import { describe, expect, it } from 'vitest';
import { type GreySource, ImageReusedDetector, InMemoryPhashIndex, REUSE_MAX_DISTANCE } from '@listinglens/ai-signals';
import { hasCode } from '@listinglens/contracts';
import { type AnalyzedImage, NO_PDQ } from '@listinglens/pipeline';
import { context } from './support/fixture-builders';

const image = (phash: string, position = 0): AnalyzedImage => ({
  position,
  bytes: Buffer.alloc(0),
  sha256: 'x',
  format: 'jpeg',
  width: 1,
  height: 1,
  phash,
  ...NO_PDQ,
});

/** These images are hashes without pixels: the centre hash reads a flat grey (stored rows here have none). */
const flatGrey: GreySource = { grey: async () => ({ data: Buffer.alloc(64 * 64, 128), width: 64, height: 64 }) };
const detector = (index: InMemoryPhashIndex) => new ImageReusedDetector({ index, grey: flatGrey });

function indexWith(...rows: [listingId: string, sellerId: string, phash: string][]) {
  const index = new InMemoryPhashIndex();
  rows.forEach(([listingId, sellerId, phash], i) => index.add({ listingId, sellerId, imagePosition: i % 2, phash }));
  return index;
}

describe('image.reused', () => {
  it("names the other seller's listing and the distance", async () => {
    const index = indexWith(['L-other', 'seller-b', 'ffff0000ffff0003'], ['L-far', 'seller-c', '0000ffff0000ffff']);
    const findings = await detector(index).detect(context([image('ffff0000ffff0000', 1)], { listingId: 'L-mine' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'image.reused', imagePosition: 1 });
    expect(findings.filter(hasCode('image.reused'))[0].evidence.matches).toEqual([
      { listingId: 'L-other', sellerId: 'seller-b', imagePosition: 0, phash: 'ffff0000ffff0003', hash: 'phash', distance: 2 },
    ]);
  });

  it("is not a finding when the seller reuses their own photo", async () => {
    const index = indexWith(['L-old', 'seller-a', 'ffff0000ffff0000']);
    const findings = await detector(index).detect(context([image('ffff0000ffff0000')], { listingId: 'L-new' }));
    expect(findings).toEqual([]);
  });

  it('does not check without a stored listing (CLI)', async () => {
    const index = indexWith(['L-other', 'seller-b', 'ffff0000ffff0000']);
    expect(await detector(index).detect(context([image('ffff0000ffff0000')]))).toEqual([]);
  });

  it('ignores images beyond the measured threshold', async () => {
    // 13 bits apart: over REUSE_MAX_DISTANCE (12).
    const index = indexWith(['L-other', 'seller-b', '0000000000001fff']);
    expect(REUSE_MAX_DISTANCE).toBe(12);
    expect(await detector(index).detect(context([image('0000000000000000')], { listingId: 'L' }))).toEqual([]);
  });
});
