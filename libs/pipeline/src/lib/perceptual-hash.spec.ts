import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { SharpImageDecoder } from './image-decoder';
import { hammingDistanceHex } from './perceptual-hash';

const decoder = new SharpImageDecoder({ maxPixels: 50_000_000 });

async function scene(seed: number): Promise<Buffer> {
  const shapes = Array.from({ length: 6 }, (_, i) => {
    const v = (seed * 97 + i * 53) % 255;
    return `<circle cx="${(v * 3) % 400}" cy="${(v * 7) % 300}" r="${30 + (v % 60)}" fill="rgb(${v},${255 - v},${(v * 5) % 255})"/>`;
  }).join('');
  return sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="100%" height="100%" fill="#eee"/>${shapes}</svg>`))
    .png()
    .toBuffer();
}

describe('perceptual hash', () => {
  it('barely moves under re-encoding and resizing, and separates different images', async () => {
    const original = await scene(1);
    const { phash } = await decoder.inspect(original);
    const reencoded = await sharp(original).resize(200).jpeg({ quality: 60 }).toBuffer();
    expect(hammingDistanceHex(phash, (await decoder.inspect(reencoded)).phash)).toBeLessThanOrEqual(4);
    const other = (await decoder.inspect(await scene(7))).phash;
    expect(hammingDistanceHex(phash, other)).toBeGreaterThan(12);
  });

  it('counts differing bits', () => {
    expect(hammingDistanceHex('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistanceHex('00000000000000f0', '0000000000000000')).toBe(4);
  });
});

describe('SharpImageDecoder', () => {
  it('refuses a bomb by its header, before decoding', async () => {
    const big = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#000' } }).png().toBuffer();
    await expect(new SharpImageDecoder({ maxPixels: 1_000_000 }).inspect(big)).rejects.toMatchObject({ code: 'image.too_large' });
  });

  it('refuses bytes it cannot decode', async () => {
    await expect(decoder.inspect(Buffer.from('GIF89a but not really a gif'))).rejects.toMatchObject({ code: 'image.unreadable' });
  });
});
