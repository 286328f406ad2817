import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { orientedSize, orientRaster, RasterCache } from './raster-cache';

const W = 4;
const H = 2;
const pixels = Buffer.from(Array.from({ length: W * H }, (_, i) => [i * 30, 255 - i * 30, i * 7]).flat());

async function tiffWithOrientation(orientation: number): Promise<Buffer> {
  return sharp(pixels, { raw: { width: W, height: H, channels: 3 } }).tiff({ compression: 'none' }).withMetadata({ orientation }).toBuffer();
}

describe('RasterCache', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('turns orientation %i exactly as sharp.autoOrient does', async (orientation) => {
    const file = await tiffWithOrientation(orientation);
    const raster = await new RasterCache({ maxPixels: 1e6, budgetBytes: 1e6 }).get(file);
    const want = await sharp(file).autoOrient().raw().toBuffer({ resolveWithObject: true });
    const got = await orientRaster(raster).raw().toBuffer({ resolveWithObject: true });
    expect({ width: got.info.width, height: got.info.height }).toEqual(orientedSize(raster));
    expect(got.info.width).toBe(want.info.width);
    expect(got.data.equals(want.data)).toBe(true);
  });

  it('decodes an image once however many ask, and again only once it was dropped for memory', async () => {
    const a = await tiffWithOrientation(1);
    const b = Buffer.from(a);
    const cache = new RasterCache({ maxPixels: 1e6, budgetBytes: W * H * 3 });
    await Promise.all([cache.get(a), cache.get(a), cache.get(a)]);
    expect(cache.decodes).toBe(1);
    await cache.get(b); // the budget holds one raster: a is dropped
    await cache.get(a);
    expect(cache.decodes).toBe(3);
  });

  it('refuses an image over the pixel cap with a per-image error', async () => {
    const file = await sharp({ create: { width: 100, height: 100, channels: 3, background: '#fff' } }).png().toBuffer();
    await expect(new RasterCache({ maxPixels: 5000, budgetBytes: 1e6 }).get(file)).rejects.toMatchObject({ code: 'image.unreadable' });
  });
});
