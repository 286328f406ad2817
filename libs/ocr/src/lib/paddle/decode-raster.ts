import sharp from 'sharp';
import type { RgbRaster } from './raster';
import { scaleFrame } from './text-frame';
import type { PpOcrLine } from './ppocr-settings';

/** A decoded image and, per axis, raster pixels per original pixel (rounding makes the two differ). */
export interface DecodedRaster {
  raster: RgbRaster;
  scaleX: number;
  scaleY: number;
}

/** Decodes once: EXIF orientation applied, alpha flattened onto white (a transparent PNG's text would
 * read as black on black), shrunk on load to at most `maxPixels`. */
export async function decodeRaster(bytes: Buffer, maxPixels: number): Promise<DecodedRaster> {
  const meta = await sharp(bytes).metadata();
  const rotated = (meta.orientation ?? 1) >= 5;
  const width = (rotated ? meta.height : meta.width) ?? 0;
  const height = (rotated ? meta.width : meta.height) ?? 0;
  if (width === 0 || height === 0) throw new Error('image has no pixels');
  const scale = Math.min(1, Math.sqrt(maxPixels / (width * height)));
  let pipeline = sharp(bytes).rotate();
  if (scale < 1) {
    pipeline = pipeline.resize(Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)), { fit: 'fill' });
  }
  const { data, info } = await pipeline
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`unexpected ${info.channels}-channel raster`);
  // Each axis rounds on its own: a 3 × 8,000,000 image shrinks to 2 × 5,656,854, × 0.667 across and
  // × 0.707 down, so one scale for both would put a line 6 % too low on the way back.
  return { raster: { data, width: info.width, height: info.height }, scaleX: info.width / width, scaleY: info.height / height };
}

/** A line measured on the raster, in original image pixels. */
export function toOriginal(line: PpOcrLine, scaleX: number, scaleY: number): PpOcrLine {
  const x = (v: number) => Math.round(v / scaleX);
  const y = (v: number) => Math.round(v / scaleY);
  return {
    ...line,
    box: { x: x(line.box.x), y: y(line.box.y), width: x(line.box.width), height: y(line.box.height) },
    chars: line.chars?.map(([a, b]): [number, number] => [x(a), x(b)]) ?? null,
    ...(line.slant ? { slant: scaleFrame(line.slant, 1 / scaleX, 1 / scaleY) } : {}),
  };
}
