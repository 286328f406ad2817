import type { Box } from '@listinglens/contracts';

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

/** The smallest QR code (version 1) is 21 modules across: a side shorter than that cannot hold one. */
export const QR_MIN_SIDE_PX = 21;
/** Longer side over shorter side beyond which an image is a strip, not a picture a code could be in. */
export const QR_MAX_ASPECT = 100;
/** Each band is scaled and decoded once per scan size: this bounds the work per image. */
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
