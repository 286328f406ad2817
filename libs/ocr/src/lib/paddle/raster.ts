import type { TextFrame } from './text-frame';

/** An 8-bit RGB image in memory: what the PP-OCR stages read from (decoded once per image). */
export interface RgbRaster {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Samples a text frame of the raster (read along its angle) into a `outW × outH` window of a CHW float
 * tensor at `batchIndex`, from column `offsetX` (short lines share a row), written in BGR channel order
 * (PaddleOCR models were trained on OpenCV's BGR)
 * and normalised as (v/255 − 0.5)/0.5. Bilinear, averaging `k × k` samples per output pixel when the
 * crop is shrunk more than 2×, so large headline text does not alias. Columns past `outW` up to the
 * tensor's width stay 0 (the mid-grey padding PaddleOCR uses). Where a slanted frame leaves the image,
 * edge pixels repeat.
 */
export function sampleCropInto(
  tensor: Float32Array,
  batchIndex: number,
  tensorW: number,
  tensorH: number,
  raster: RgbRaster,
  frame: TextFrame,
  outW: number,
  offsetX = 0,
): void {
  const { data, width, height } = raster;
  const fx = frame.along / outW;
  const fy = frame.across / tensorH;
  const cos = Math.cos(frame.angle);
  const sin = Math.sin(frame.angle);
  // The frame's top-left corner (reading direction's start, top side) in raster pixels.
  const ox0 = frame.cx - (frame.along / 2) * cos + (frame.across / 2) * sin;
  const oy0 = frame.cy - (frame.along / 2) * sin - (frame.across / 2) * cos;
  const k = Math.max(1, Math.min(4, Math.ceil(Math.max(fx, fy) / 2)));
  const plane = tensorW * tensorH;
  const base = batchIndex * 3 * plane;
  for (let oy = 0; oy < tensorH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      let b = 0, g = 0, r = 0;
      for (let sy = 0; sy < k; sy++) {
        for (let sx = 0; sx < k; sx++) {
          // (u, v): position inside the frame, in source pixels along and across the reading direction.
          const u = (ox + (sx + 0.5) / k) * fx;
          const v = (oy + (sy + 0.5) / k) * fy;
          const px = ox0 + u * cos - v * sin - 0.5;
          const py = oy0 + u * sin + v * cos - 0.5;
          const x0 = clamp(Math.floor(px), 0, width - 1);
          const y0 = clamp(Math.floor(py), 0, height - 1);
          const x1 = Math.min(x0 + 1, width - 1);
          const y1 = Math.min(y0 + 1, height - 1);
          const ax = clamp(px - x0, 0, 1);
          const ay = clamp(py - y0, 0, 1);
          const i00 = (y0 * width + x0) * 3, i01 = (y0 * width + x1) * 3;
          const i10 = (y1 * width + x0) * 3, i11 = (y1 * width + x1) * 3;
          const w00 = (1 - ax) * (1 - ay), w01 = ax * (1 - ay), w10 = (1 - ax) * ay, w11 = ax * ay;
          r += data[i00] * w00 + data[i01] * w01 + data[i10] * w10 + data[i11] * w11;
          g += data[i00 + 1] * w00 + data[i01 + 1] * w01 + data[i10 + 1] * w10 + data[i11 + 1] * w11;
          b += data[i00 + 2] * w00 + data[i01 + 2] * w01 + data[i10 + 2] * w10 + data[i11 + 2] * w11;
        }
      }
      const n = k * k * 127.5;
      const o = base + oy * tensorW + offsetX + ox;
      tensor[o] = b / n - 1;
      tensor[o + plane] = g / n - 1;
      tensor[o + 2 * plane] = r / n - 1;
    }
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
