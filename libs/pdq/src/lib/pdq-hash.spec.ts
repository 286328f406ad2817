import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DIHEDRAL_VARIANT_NAMES, type DihedralVariant } from './dihedral';
import { isPdqHex, pdqDistance } from './hash256';
import { pdqDihedral, pdqHash } from './pdq-hash';
import { pixelsForPdq, scene } from './testing';

// How each dihedral variant is made with sharp (flip = top to bottom, flop = left to right; sharp
// rotates clockwise), as steps: within one pipeline sharp mirrors before it rotates, whatever the call
// order. The reference's dih/ images are checked against the same names in pdq-reference.spec.ts.
const TURNS: Record<DihedralVariant, Array<(s: sharp.Sharp) => sharp.Sharp>> = {
  original: [],
  rotate90: [(s) => s.rotate(270)],
  rotate180: [(s) => s.rotate(180)],
  rotate270: [(s) => s.rotate(90)],
  flipX: [(s) => s.flip()],
  flipY: [(s) => s.flop()],
  flipPlus1: [(s) => s.rotate(90), (s) => s.flop()],
  flipMinus1: [(s) => s.rotate(90), (s) => s.flip()],
};

async function turned(bytes: Buffer, variant: DihedralVariant): Promise<Buffer> {
  let out = bytes;
  for (const step of TURNS[variant]) out = await step(sharp(out)).png().toBuffer();
  return out;
}

describe('pdqHash', () => {
  it('gives 64 lowercase hex digits and a quality for a photo-like image', async () => {
    const { hash, quality } = pdqHash(await pixelsForPdq(sharp(await scene(1))));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(isPdqHex(hash)).toBe(true);
    expect(quality).toBeGreaterThan(49);
  });

  it('moves few bits for a re-encode and a resize, and ~half the bits for another photo', async () => {
    const original = await scene(2);
    const base = pdqHash(await pixelsForPdq(sharp(original))).hash;
    const reencoded = await sharp(original).jpeg({ quality: 40 }).toBuffer();
    const resized = await sharp(original).resize(333).toBuffer();
    expect(pdqDistance(base, pdqHash(await pixelsForPdq(sharp(reencoded))).hash)).toBeLessThanOrEqual(16);
    expect(pdqDistance(base, pdqHash(await pixelsForPdq(sharp(resized))).hash)).toBeLessThanOrEqual(16);
    const other = pdqHash(await pixelsForPdq(sharp(await scene(3)))).hash;
    expect(pdqDistance(base, other)).toBeGreaterThan(70);
  });

  it('rates a flat image as quality 0', async () => {
    const flat = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#777777' } }).png().toBuffer();
    expect(pdqHash(await pixelsForPdq(sharp(flat))).quality).toBe(0);
  });

  it('hashes grey, tiny and very long images', async () => {
    // One grey channel hashes as its grey RGB expansion does (luma of r = g = b is that value).
    const grey = await sharp(await scene(4)).greyscale().raw().toBuffer({ resolveWithObject: true });
    const rgb = Uint8Array.from({ length: grey.data.length * 3 }, (_, k) => grey.data[Math.floor(k / 3)]);
    const fromGrey = pdqHash({ width: grey.info.width, height: grey.info.height, channels: 1, data: grey.data });
    const fromRgb = pdqHash({ width: grey.info.width, height: grey.info.height, channels: 3, data: rgb });
    expect(pdqDistance(fromGrey.hash, fromRgb.hash)).toBeLessThanOrEqual(2);
    expect(pdqHash({ width: 3, height: 2, channels: 3, data: new Uint8Array(18).fill(9) }).hash).toMatch(/^[0-9a-f]{64}$/);
    expect(pdqHash(await pixelsForPdq(sharp(await scene(5, 2000, 40)))).hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a buffer too short for its size', () => {
    expect(() => pdqHash({ width: 10, height: 10, channels: 3, data: new Uint8Array(10) })).toThrow(/cannot hold/);
  });
});

describe('pdqDihedral', () => {
  it('gives, for each rotation and flip of an image, the hash of that turned image (within 16 bits)', async () => {
    const original = await scene(6, 640, 480);
    const { hashes } = pdqDihedral(await pixelsForPdq(sharp(original)));
    expect(hashes.original).toBe(pdqHash(await pixelsForPdq(sharp(original))).hash);
    for (const variant of DIHEDRAL_VARIANT_NAMES) {
      const direct = pdqHash(await pixelsForPdq(sharp(await turned(original, variant)))).hash;
      // Each variant is near its own turn and far from the untouched image (the transforms differ).
      expect({ variant, d: pdqDistance(hashes[variant], direct) }).toEqual({ variant, d: expect.toSatisfy((d: number) => d <= 16) });
      if (variant !== 'original') expect(pdqDistance(hashes.original, direct)).toBeGreaterThan(40);
    }
  });

  it('finds the mirrored copy: the original among the mirror\'s variants', async () => {
    const original = await scene(7);
    const mirror = await sharp(original).flop().jpeg({ quality: 85 }).toBuffer();
    const listed = pdqHash(await pixelsForPdq(sharp(original))).hash;
    const probe = pdqDihedral(await pixelsForPdq(sharp(mirror)));
    expect(pdqDistance(probe.hashes.original, listed)).toBeGreaterThan(40);
    expect(pdqDistance(probe.hashes.flipY, listed)).toBeLessThanOrEqual(16);
  });
});
