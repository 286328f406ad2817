import type { Box } from '@listinglens/contracts';
import { compiledEntry, type CpuPool, type CpuTask, orientedSize, orientRaster, type RasterCache } from '@listinglens/pipeline';
import type { QrDecodeInput, QrDecodeOutput } from './qr-decode.task';

export interface QrCodeHit {
  payload: string;
  /** In original (auto-oriented) image coordinates. */
  box: Box;
  /** The scale (scan size / original size) the code was found at. */
  scale: number;
}

/** Reads QR codes from pixels; the contact detector depends on this interface so tests can stub it. */
export interface QrCodeReader {
  /** @param deadline epoch ms: each decoding pass must end by then (see CpuPool). */
  read(bytes: Buffer, deadline: number): Promise<QrCodeHit[]>;
}

export interface JsQrCodeReaderOptions {
  /** The scan's shared decoded pixels: the image is decoded once for every band and size. */
  rasters: RasterCache;
  /** Where jsQR runs: worker threads, never the event loop. */
  cpu: CpuPool;
  /** Long sides (px) each band is scanned at. A small code in a big photo needs the large size; a
   * large, noisy code is found more easily once shrunk. Default [1200, 600]. */
  scanSizes?: number[];
}

const QR_TASK: CpuTask = {
  file: compiledEntry(typeof __dirname === 'string' ? __dirname : undefined, 'libs/text-detectors/src/lib', 'qr-decode.task.js'),
  name: 'decodeQr',
};

/**
 * jsQR over the shared raster. Tall pages are scanned in square-ish bands, each at every scan size; the
 * bands are cut and scaled from the one decoded raster and decoded by jsQR in a worker thread. jsQR
 * returns one code per pass: distinct payloads from all passes are collected.
 */
export class JsQrCodeReader implements QrCodeReader {
  private readonly scanSizes: number[];

  constructor(private readonly options: JsQrCodeReaderOptions) {
    this.scanSizes = options.scanSizes ?? [1200, 600];
  }

  async read(bytes: Buffer, deadline: number): Promise<QrCodeHit[]> {
    const raster = await this.options.rasters.get(bytes);
    const { width, height } = orientedSize(raster);
    const hits: QrCodeHit[] = [];
    for (const band of qrBands(width, height)) {
      for (const size of this.scanSizes) {
        const scale = Math.min(1, size / Math.max(band.height, width));
        const { data, info } = await orientRaster(raster)
          .extract({ left: 0, top: band.top, width, height: band.height })
          .resize(Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(band.height * scale)))
          .flatten({ background: '#ffffff' })
          .ensureAlpha()
          .raw()
          .toBuffer({ resolveWithObject: true });
        // A copy the thread can own: sharp's buffers are not transferable.
        const owned = new Uint8Array(data);
        const input: QrDecodeInput = { data: owned, width: info.width, height: info.height };
        const code = await this.options.cpu.run<QrDecodeOutput | null>(QR_TASK, input, { transfer: [owned.buffer], deadline });
        if (code && !hits.some((h) => h.payload === code.payload)) hits.push(toHit(code, band.top, scale));
      }
    }
    return hits;
  }
}

function toHit(code: QrDecodeOutput, top: number, scale: number): QrCodeHit {
  const x = Math.max(0, Math.floor(Math.min(...code.xs) / scale));
  const y = Math.max(0, Math.floor(Math.min(...code.ys) / scale) + top);
  return {
    payload: code.payload,
    box: { x, y, width: Math.ceil(Math.max(...code.xs) / scale) - x, height: Math.ceil(Math.max(...code.ys) / scale) + top - y },
    scale,
  };
}

/** The smallest QR code (version 1) is 21 modules across: a side shorter than that cannot hold one. */
export const QR_MIN_SIDE_PX = 21;
/** Longer side over shorter side beyond which an image is a strip, not a picture a code could be in. */
export const QR_MAX_ASPECT = 100;
/** Each band is scaled and decoded by jsQR once per scan size: this bounds the work per image. */
export const QR_MAX_BANDS = 24;

/**
 * The bands to scan: square-ish (at most 2× the width), overlapping by half a width so a code is whole in
 * at least one. Bounded by the image's shape, not only its pixels: a 488-byte 1×100000 PNG used to make
 * 50,000 bands (× 2 scan sizes, each decoding the PNG again, before the shared raster) and held a worker slot for 18 minutes, and a
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
