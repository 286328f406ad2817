import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { hammingDistanceHex, SharpImageDecoder } from '@listinglens/pipeline';
import { centreDistance, centreProbeHashes, storedCentreHashes } from './centre-hash';

/** An asymmetric scene (so a mirror differs from the original) with detail across the frame. */
const scene = (hue: number) =>
  sharp(
    Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600"><rect width="600" height="600" fill="hsl(${hue},40%,70%)"/>
      <circle cx="220" cy="260" r="120" fill="hsl(${hue + 120},60%,35%)"/><rect x="330" y="120" width="180" height="330" fill="hsl(${hue + 240},50%,25%)"/>
      <polygon points="60,560 300,420 260,590" fill="#222"/><circle cx="480" cy="520" r="40" fill="#fff"/></svg>`),
  ).png().toBuffer();
/** A different photo: other shapes in other places. */
const otherScene = () =>
  sharp(
    Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600"><rect width="600" height="600" fill="#345"/>
      <rect x="100" y="80" width="400" height="120" fill="#eee"/><circle cx="300" cy="400" r="150" fill="#c84"/><rect x="40" y="300" width="60" height="260" fill="#fff"/></svg>`),
  ).png().toBuffer();
const phash = async (b: Buffer) => (await new SharpImageDecoder({ maxPixels: 1e8 }).inspect(b)).phash;

describe('centre hash', () => {
  it('finds a 20 % crop and a mirrored copy that the whole-image pHash misses, but not a different photo', async () => {
    const original = await scene(20);
    const crop = await sharp(original).extract({ left: 60, top: 60, width: 480, height: 480 }).png().toBuffer();
    const mirror = await sharp(original).flop().png().toBuffer();
    const other = await otherScene();
    const stored = await storedCentreHashes(original);
    expect(hammingDistanceHex(await phash(original), await phash(crop))).toBeGreaterThan(12);
    expect(centreDistance(stored, await centreProbeHashes(crop))).toBeLessThanOrEqual(10);
    expect(centreDistance(stored, await centreProbeHashes(mirror))).toBeLessThanOrEqual(10);
    // The probes are as is only: the mirrored copy is found through the stored mirrored hash.
    expect(centreDistance(stored[0], await centreProbeHashes(mirror))).toBeGreaterThan(10);
    expect(centreDistance(stored, await centreProbeHashes(other))).toBeGreaterThan(10);
  });
});

describe('centre hash on degenerate strips (issue 23)', () => {
  // Both under the pixel cap; shrunk to at most 512 px a side they are 1 px thin, thinner than the 8 px
  // region the hash used to cut (sharp.extract: "received -4 for left").
  it.each([
    [3, 180_000],
    [240_000, 2],
  ])('hashes a %i × %i PNG', async (width, height) => {
    const png = await sharp({ create: { width, height, channels: 3, background: '#777' } }).png().toBuffer();
    const [centre, mirrored] = await storedCentreHashes(png);
    expect(centre).toMatch(/^[0-9a-f]{16}$/);
    expect(mirrored).toMatch(/^[0-9a-f]{16}$/);
    expect(await centreProbeHashes(png)).toHaveLength(7);
  });
});
