import { createHash } from 'node:crypto';
import type { Box, ListingFields } from '@listinglens/contracts';
import { type AnalyzedImage, type DetectorContext, NO_PDQ, type OcrResult, type TextReader } from '@listinglens/pipeline';
import sharp from 'sharp';

/** A line of text to draw; (x, y) is the top-left of the text's em box. */
export interface TextSpec {
  text: string;
  x: number;
  y: number;
  size: number;
  color?: string;
  weight?: 'normal' | 'bold';
}

export interface RenderSpec {
  width: number;
  height: number;
  background?: string;
  texts: TextSpec[];
  /** Filled rectangles drawn under the text (badges, buttons, QR modules). */
  rects?: (Box & { color: string })[];
}

/** The CJK font .ci/run installs (fonts-wqy-zenhei): every overlay is drawn with it. */
export const FONT = 'WenQuanYi Zen Hei';

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Draws an overlay the way a generated listing image would carry it, as PNG bytes (sharp + SVG). */
export async function renderOverlay(spec: RenderSpec): Promise<Buffer> {
  const rects = (spec.rects ?? [])
    .map((r) => `<rect x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" fill="${r.color}"/>`)
    .join('');
  const texts = spec.texts
    .map(
      (t) =>
        `<text x="${t.x}" y="${t.y + t.size * 0.88}" font-family="${FONT}" font-size="${t.size}" font-weight="${t.weight ?? 'normal'}" fill="${t.color ?? '#111'}">${xml(t.text)}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${spec.width}" height="${spec.height}"><rect width="100%" height="100%" fill="${spec.background ?? '#fff'}"/>${rects}${texts}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Where a drawn text line is, roughly (the em box, width estimated per character). */
export function textBox(t: TextSpec): Box {
  const width = [...t.text].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x100 ? 0.6 : 1) * t.size, 0);
  return { x: t.x, y: t.y, width, height: t.size };
}

export async function analyzedImage(bytes: Buffer, position = 0): Promise<AnalyzedImage> {
  const meta = await sharp(bytes).metadata();
  return {
    position,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    format: 'png',
    width: meta.width ?? 0,
    height: meta.height ?? 0,
    phash: '0000000000000000',
    ...NO_PDQ,
  };
}

/** A scan context like the pipeline's: each image read once, shared by every detector. */
export function scanContext(reader: TextReader, images: AnalyzedImage[], price: ListingFields['price']): DetectorContext {
  const memo = new Map<number, Promise<OcrResult | null>>();
  return {
    listing: { marketplace: 'test', externalId: 'x', sellerId: 's', title: 'test listing', price },
    images,
    text: (image) => {
      let read = memo.get(image.position);
      if (!read) {
        read = reader.read(image).catch(() => null);
        memo.set(image.position, read);
      }
      return read;
    },
    stepDeadline: () => Date.now() + 60_000,
    // A fake scan has nowhere to record an image error: surface it instead of losing it.
    reportError: (image, error) => {
      throw new Error(`image ${image.position}: ${error.code} ${error.message}`);
    },
  };
}

/** True when box `a` covers a good part of box `b` (OCR boxes are tighter than the em box we drew). */
export function overlaps(a: Box, b: Box, minShareOfA = 0.5): boolean {
  const ix = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  return ix * iy >= minShareOfA * a.width * a.height;
}
