import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { type AnalyzedImage, type DetectorContext, SharpImageDecoder } from '@listinglens/pipeline';
import { ImageReusedDetector } from '../detectors/image-reused.detector';
import { centreProbeHashes, storedCentreHashes } from './centre-hash';
import { InMemoryPhashIndex } from './in-memory-phash-index';

/** A photo-like scene: a gradient under overlapping shapes placed by a seeded generator. */
function photo(seed: number): Promise<Buffer> {
  let s = seed >>> 0;
  const r = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const colour = () => `hsl(${Math.floor(r() * 360)},${30 + Math.floor(r() * 50)}%,${20 + Math.floor(r() * 60)}%)`;
  let shapes = '';
  for (let i = 0; i < 40; i++) {
    const [x, y, size] = [Math.round(r() * 800), Math.round(r() * 600), Math.round(20 + r() * 120)];
    shapes += r() < 0.5
      ? `<circle cx="${x}" cy="${y}" r="${Math.round(size / 2)}" fill="${colour()}"/>`
      : `<rect x="${x}" y="${y}" width="${size}" height="${Math.round(size * (0.5 + r()))}" fill="${colour()}" transform="rotate(${Math.floor(r() * 90)} ${x} ${y})"/>`;
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="${colour()}"/><stop offset="1" stop-color="${colour()}"/></linearGradient></defs><rect width="800" height="600" fill="url(#g)"/>${shapes}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}
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
