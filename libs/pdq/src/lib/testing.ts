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
