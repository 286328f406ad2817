import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { type AnalyzedImage, type DetectorContext, SharpImageDecoder } from '@listinglens/pipeline';
import { ImageReusedDetector } from '../detectors/image-reused.detector';
import { centreProbeHashes, storedCentreHashes } from './centre-hash';
import { InMemoryPhashIndex } from './in-memory-phash-index';
import { photoScene as photo } from '../testing/photo-scene';

/** 15 % of each side trimmed, centred. */
const crop15 = (b: Buffer) => sharp(b).extract({ left: 60, top: 45, width: 680, height: 510 }).jpeg({ quality: 90 }).toBuffer();
const mirror = (b: Buffer) => sharp(b).flop().jpeg({ quality: 90 }).toBuffer();

async function analyzed(bytes: Buffer, position = 0): Promise<AnalyzedImage> {
  const info = await new SharpImageDecoder({ maxPixels: 1e8 }).inspect(bytes);
  return { position, bytes, sha256: 'x', format: 'jpeg', ...info };
}
function context(images: AnalyzedImage[], listingId: string, sellerId: string): DetectorContext {
  return {
    listing: { marketplace: 'm', externalId: listingId, listingId, sellerId, title: 'Lamp', price: { amount: '1.00', currency: 'EUR' } },
    images,
    text: async () => null,
    stepDeadline: () => Date.now() + 60_000,
    reportError: (image, error) => {
      throw new Error(`image ${image.position}: ${error.code} ${error.message}`);
    },
  };
}

describe('InMemoryPhashIndex: centre hash', () => {
  it('finds a stored centre hash by its nearest probe, skips the seller’s own and rows without one', async () => {
    const index = new InMemoryPhashIndex();
    const stored = 'f0f0f0f0f0f0f0f0';
    index.add({ listingId: 'L1', sellerId: 'seller-b', imagePosition: 2, phash: '0000000000000000', centreHash: stored });
    index.add({ listingId: 'L2', sellerId: 'seller-a', imagePosition: 0, phash: '0000000000000000', centreHash: stored });
    index.add({ listingId: 'L3', sellerId: 'seller-c', imagePosition: 0, phash: stored });
    // Probes 12 and 3 bits away: the nearest counts.
    const near = await index.findNearCentre(['0f0ff0f0f0f0f0f0', 'f0f0f0f0f0f0f0f7'], 10, 'seller-a');
    expect(near).toEqual([{ listingId: 'L1', sellerId: 'seller-b', imagePosition: 2, phash: stored, distance: 3 }]);
    expect(await index.findNearCentre(['0f0ff0f0f0f0f0f0'], 10, 'seller-a')).toEqual([]);
    // A stored mirrored hash is compared with the probes too; the nearest of both orientations counts.
    index.add({ listingId: 'L4', sellerId: 'seller-d', imagePosition: 1, phash: '0000000000000000', centreHash: '0000ffff0000ffff', centreMirroredHash: '0f0ff0f0f0f0f0f3' });
    expect(await index.findNearCentre(['0f0ff0f0f0f0f0f0'], 10, 'seller-a')).toEqual([
      { listingId: 'L4', sellerId: 'seller-d', imagePosition: 1, phash: '0f0ff0f0f0f0f0f3', distance: 2 },
    ]);
    // The pHash lookup does not read centre hashes.
    expect((await index.findNear(stored, 10, 'seller-a')).map((n) => n.listingId)).toEqual(['L3']);
  });

  it('finds real crops and mirrors through storedCentreHashes/centreProbeHashes, and not another photo', async () => {
    const original = await photo(7);
    const index = new InMemoryPhashIndex();
    const [centreHash, centreMirroredHash] = await storedCentreHashes(original);
    index.add({ listingId: 'L-orig', sellerId: 'seller-a', imagePosition: 0, phash: '0000000000000000', centreHash, centreMirroredHash });
    for (const copy of [await crop15(original), await mirror(original)]) {
      expect((await index.findNearCentre(await centreProbeHashes(copy), 10, 'seller-b')).map((n) => n.listingId)).toEqual(['L-orig']);
    }
    expect(await index.findNearCentre(await centreProbeHashes(await photo(101)), 10, 'seller-b')).toEqual([]);
  });

  it("lets image.reused flag another seller's 15 % crop and mirrored copy by the centre hash (the CLI's index)", async () => {
    const original = await photo(7);
    const index = new InMemoryPhashIndex();
    const detector = new ImageReusedDetector({ index });
    expect(await detector.detect(context([await analyzed(original)], 'L-a', 'seller-a'))).toEqual([]);
    const cropped = await detector.detect(context([await analyzed(await crop15(original))], 'L-b', 'seller-b'));
    expect(cropped).toHaveLength(1);
    expect(cropped[0]).toMatchObject({ code: 'image.reused', ruleId: 'image.reused.centre' });
    expect(cropped[0].evidence).toMatchObject({ centreMaxDistance: 10, matches: [expect.objectContaining({ listingId: 'L-a', hash: 'centre' })] });
    const flipped = await detector.detect(context([await analyzed(await mirror(original))], 'L-c', 'seller-c'));
    expect(flipped[0].evidence).toMatchObject({ matches: expect.arrayContaining([expect.objectContaining({ listingId: 'L-a', hash: 'centre' })]) });
    expect(await detector.detect(context([await analyzed(await photo(101))], 'L-d', 'seller-d'))).toEqual([]);
  });
});
