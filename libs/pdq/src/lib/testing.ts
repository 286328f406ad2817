import sharp from 'sharp';
import { PDQ_MAX_SIDE, type PdqPixels } from './pdq-hash';

/** Test helper: decode as the scan does (turned as a viewer sees it, flattened, at most PDQ_MAX_SIDE a side). */
export async function pixelsForPdq(image: sharp.Sharp): Promise<PdqPixels> {
  const { data, info } = await image
    .autoOrient()
    .flatten({ background: '#ffffff' })
    .resize(PDQ_MAX_SIDE, PDQ_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: info.channels as 3, data };
}

/** A photo-like scene (seeded shapes over a gradient): structure at every scale, as PDQ needs. */
export function scene(seed: number, width = 800, height = 600): Promise<Buffer> {
  let s = seed >>> 0;
  const r = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const colour = () => `hsl(${Math.floor(r() * 360)},${30 + Math.floor(r() * 50)}%,${20 + Math.floor(r() * 60)}%)`;
  let shapes = '';
  for (let i = 0; i < 40; i++) {
    const [x, y, size] = [Math.round(r() * width), Math.round(r() * height), Math.round(20 + r() * 120)];
    shapes += r() < 0.5
      ? `<circle cx="${x}" cy="${y}" r="${Math.round(size / 2)}" fill="${colour()}"/>`
      : `<rect x="${x}" y="${y}" width="${size}" height="${Math.round(size * (0.5 + r()))}" fill="${colour()}" transform="rotate(${Math.floor(r() * 90)} ${x} ${y})"/>`;
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="${colour()}"/><stop offset="1" stop-color="${colour()}"/></linearGradient></defs><rect width="${width}" height="${height}" fill="url(#g)"/>${shapes}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}

/**
 * Test helper: a photo-like RGB image from integer arithmetic alone (a seeded gradient, rectangles and
 * discs; `shapes` of them), so the same seed gives the same bytes on every machine and library version: what the
 * reference-hash vectors in pdq-reference-vectors.spec.ts were computed from.
 */
export function syntheticRgb(seed: number, width: number, height: number, shapes = 30): PdqPixels {
  let s = seed >>> 0;
  const next = (n: number) => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) >>> 8) % n;
  const data = new Uint8Array(width * height * 3);
  const [gx, gy, base] = [1 + next(5), 1 + next(5), [next(256), next(256), next(256)]];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      for (let c = 0; c < 3; c++) data[(y * width + x) * 3 + c] = (base[c] + ((x * gx + y * gy) >> (c + 1))) & 255;
  for (let i = 0; i < shapes; i++) {
    const [cx, cy, w, h] = [next(width), next(height), 1 + next(Math.max(2, width >> 2)), 1 + next(Math.max(2, height >> 2))];
    const colour = [next(256), next(256), next(256)];
    const disc = next(2) === 0;
    for (let y = Math.max(0, cy - h); y < Math.min(height, cy + h); y++)
      for (let x = Math.max(0, cx - w); x < Math.min(width, cx + w); x++) {
        if (disc && (x - cx) * (x - cx) * h * h + (y - cy) * (y - cy) * w * w > w * w * h * h) continue;
        data.set(colour, (y * width + x) * 3);
      }
  }
  return { width, height, channels: 3, data };
}
