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
    for (const band of bands(width, height)) {
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

/** Bands of at most 2× the width, overlapping by half a width, so a code is whole in at least one. */
function bands(width: number, height: number): { top: number; height: number }[] {
  const band = Math.min(height, 2 * width);
  if (band >= height) return [{ top: 0, height }];
  const out: { top: number; height: number }[] = [];
  const step = Math.max(1, band - Math.floor(width / 2));
  for (let top = 0; top + band < height; top += step) out.push({ top, height: band });
  out.push({ top: height - band, height: band });
  return out;
}
