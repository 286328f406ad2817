import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeRaster, toOriginal } from './decode-raster';

/** A white `width × height` PNG with black rows [from, to). */
async function stripWithBand(width: number, height: number, from: number, to: number): Promise<Buffer> {
  const data = Buffer.alloc(width * height * 3, 255);
  data.fill(0, from * width * 3, to * width * 3);
  return sharp(data, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

describe('decodeRaster / toOriginal', () => {
  it('maps a thin image back per axis: a band found in the shrunk raster lands where it was drawn', async () => {
    // 3 × 24,000 shrunk to half its pixels: 2 × 16,971, so x shrinks by 0.667 and y by 0.707.
    const png = await stripWithBand(3, 24_000, 18_000, 18_400);
    const { raster, scaleX, scaleY } = await decodeRaster(png, 36_000);
    expect([raster.width, raster.height]).toEqual([2, 16_971]);
    const dark = (y: number) => raster.data[y * raster.width * 3] < 128;
    let top = 0;
    while (!dark(top)) top++;
    let bottom = top;
    while (dark(bottom)) bottom++;
    const line = { text: 'x', confidence: 1, box: { x: 0, y: top, width: raster.width, height: bottom - top }, chars: [[0, 2]] as Array<[number, number]>, charConfidence: [1] };
    const back = toOriginal(line, scaleX, scaleY);
    // One scale for both axes (× 1.5) would put it at 19,090.
    expect(Math.abs(back.box.y - 18_000)).toBeLessThan(4);
    expect(Math.abs(back.box.height - 400)).toBeLessThan(4);
    expect(back.box.width).toBe(3);
    expect(back.chars).toEqual([[0, 3]]);
  });

  it('maps a slanted line\'s frame back with its box, per axis', () => {
    const slant = { cx: 100, cy: 50, along: 80, across: 10, angle: 0.3 };
    const line = { text: 'x', confidence: 1, box: { x: 60, y: 30, width: 80, height: 40 }, chars: null, charConfidence: null, slant };
    const back = toOriginal(line, 0.5, 0.25);
    expect(back.slant?.cx).toBeCloseTo(200);
    expect(back.slant?.cy).toBeCloseTo(200);
    // Stretched 4× down and 2× across, the line runs steeper.
    expect(back.slant?.angle).toBeCloseTo(Math.atan2(4 * Math.sin(0.3), 2 * Math.cos(0.3)));
    expect(toOriginal({ ...line, slant: undefined }, 0.5, 0.25).slant).toBeUndefined();
  });

  it('keeps an image under the cap as it is', async () => {
    const { raster, scaleX, scaleY } = await decodeRaster(await stripWithBand(40, 30, 10, 12), 12_000_000);
    expect([raster.width, raster.height, scaleX, scaleY]).toEqual([40, 30, 1, 1]);
  });
});
