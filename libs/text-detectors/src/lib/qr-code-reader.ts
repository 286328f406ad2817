import type { Box } from '@listinglens/contracts';
import jsQR from 'jsqr';
import sharp from 'sharp';

export interface QrCodeHit {
  payload: string;
  /** In original (auto-oriented) image coordinates. */
  box: Box;
  /** The scale (scan size / original size) the code was found at. */
  scale: number;
}

/** Reads QR codes from pixels; the contact detector depends on this interface so tests can stub it. */
export interface QrCodeReader {
  read(bytes: Buffer): Promise<QrCodeHit[]>;
}

export interface JsQrCodeReaderOptions {
  /** Long sides (px) each band is scanned at. A small code in a big photo needs the large size; a
   * large, noisy code is found more easily once shrunk. Default [1200, 600]. */
  scanSizes?: number[];
}

/**
 * jsQR over sharp's RGBA. jsQR is plain JS on the calling thread, so sizes are capped (a 1200 px pass is
 * ~50 ms) and the loop yields between passes; tall pages are scanned in square-ish bands. jsQR returns
 * one code per pass: distinct payloads from all passes are collected.
 */
export class JsQrCodeReader implements QrCodeReader {
  private readonly scanSizes: number[];

  constructor(options: JsQrCodeReaderOptions = {}) {
    this.scanSizes = options.scanSizes ?? [1200, 600];
  }

  async read(bytes: Buffer): Promise<QrCodeHit[]> {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    const width = meta.autoOrient?.width ?? meta.width ?? 0;
    const height = meta.autoOrient?.height ?? meta.height ?? 0;
    if (!width || !height) return [];
    const hits: QrCodeHit[] = [];
    for (const band of qrBands(width, height)) {
      for (const size of this.scanSizes) {
        const scale = Math.min(1, size / Math.max(band.height, width));
        const hit = await this.scan(bytes, band, width, scale);
        if (hit && !hits.some((h) => h.payload === hit.payload)) hits.push(hit);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    return hits;
  }

  private async scan(bytes: Buffer, band: { top: number; height: number }, width: number, scale: number): Promise<QrCodeHit | null> {
    const { data, info } = await sharp(bytes, { limitInputPixels: false })
      .autoOrient()
      .extract({ left: 0, top: band.top, width, height: band.height })
      .resize(Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(band.height * scale)))
      .flatten({ background: '#ffffff' })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const code = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height, {
      inversionAttempts: 'attemptBoth',
    });
    if (!code || !code.data) return null;
    const loc = code.location;
    const xs = [loc.topLeftCorner.x, loc.topRightCorner.x, loc.bottomLeftCorner.x, loc.bottomRightCorner.x];
    const ys = [loc.topLeftCorner.y, loc.topRightCorner.y, loc.bottomLeftCorner.y, loc.bottomRightCorner.y];
    const x = Math.max(0, Math.floor(Math.min(...xs) / scale));
    const y = Math.max(0, Math.floor(Math.min(...ys) / scale) + band.top);
    return {
      payload: code.data,
      box: { x, y, width: Math.ceil(Math.max(...xs) / scale) - x, height: Math.ceil(Math.max(...ys) / scale) + band.top - y },
      scale,
    };
  }
}

/** The smallest QR code (version 1) is 21 modules across: a side shorter than that cannot hold one. */
export const QR_MIN_SIDE_PX = 21;
/** Longer side over shorter side beyond which an image is a strip, not a picture a code could be in. */
export const QR_MAX_ASPECT = 100;
/** Each band is decoded from the source bytes again, once per scan size: this bounds the work per image. */
export const QR_MAX_BANDS = 24;

/**
 * The bands to scan: square-ish (at most 2× the width), overlapping by half a width so a code is whole in
 * at least one. Bounded by the image's shape, not only its pixels: a 488-byte 1×100000 PNG used to make
 * 50,000 bands (× 2 scan sizes, each decoding the PNG again) and held a worker slot for 18 minutes, and a
 * 1×10,000,000 strip is still under the pixel cap. Degenerate shapes get no bands; a very tall page gets
 * at most QR_MAX_BANDS, taller than 2× the width if need be.
 */
export function qrBands(width: number, height: number): { top: number; height: number }[] {
  const short = Math.min(width, height);
  if (short < QR_MIN_SIDE_PX || Math.max(width, height) / short > QR_MAX_ASPECT) return [];
  const overlap = Math.floor(width / 2);
  // n bands of height b stepping b - overlap cover b + (n - 1)(b - overlap) px: solve for b at n = QR_MAX_BANDS.
  const band = Math.min(height, Math.max(2 * width, Math.ceil((height + (QR_MAX_BANDS - 1) * overlap) / QR_MAX_BANDS)));
  if (band >= height) return [{ top: 0, height }];
  const out: { top: number; height: number }[] = [];
  const step = Math.max(1, band - overlap);
  for (let top = 0; top + band < height; top += step) out.push({ top, height: band });
  out.push({ top: height - band, height: band });
  return out;
}
