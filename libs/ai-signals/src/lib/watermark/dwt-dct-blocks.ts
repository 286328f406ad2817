import type { RawPixels } from '../pixels';

/**
 * The `invisible-watermark` "dwtDct" scheme (ShieldMnt/invisible-watermark, imwatermark/maxDct.py), used by
 * Stable Diffusion 1.x/2.x and SDXL to mark their outputs:
 *  - BGR → YUV (OpenCV 8-bit), only the U channel carries bits (its default scales are [0, 36, 36] but
 *    its channel loop stops before V, so Y is skipped by scale 0 and V is never reached);
 *  - one-level Haar DWT of U cropped to a multiple of 4; the approximation band cA is cut in 4×4 blocks;
 *  - in each block the largest-magnitude coefficient other than [0][0] is quantised with step `scale`
 *    (36) to (k + 0.25) · 36 for bit 0 or (k + 0.75) · 36 for bit 1. Despite the name no DCT is applied
 *    to the block in the released code, and this reader follows the released code.
 *  - block n carries payload bit n mod L; decoding averages every block of a bit and thresholds at ½.
 */
export const DWT_DCT_SCALE = 36;
const BLOCK = 4;

/** Reference decoder refuses images under 256×256 pixels: too few blocks to average. */
export const MIN_WATERMARK_PIXELS = 256 * 256;

/**
 * OpenCV's 8-bit BGR2YUV U component, 0.492·(B − Y) + 128 = −0.147·R − 0.289·G + 0.436·B + 128, rounded
 * and saturated; in 14-bit fixed point because this runs once per pixel.
 */
function uOf(r: number, g: number, b: number): number {
  const u = (-2410 * r - 4732 * g + 7145 * b + (128 << 14) + (1 << 13)) >> 14;
  return u < 0 ? 0 : u > 255 ? 255 : u;
}

/** Haar approximation coefficients of the U channel: cA[i][j] = (sum of the 2×2 pixels) / 2. */
function uApproximation(pixels: RawPixels): { ca: Float64Array; rows: number; cols: number } {
  const { width, channels, data } = pixels;
  const rows = Math.floor(pixels.height / 4) * 2;
  const cols = Math.floor(width / 4) * 2;
  const ca = new Float64Array(rows * cols);
  for (let y = 0; y < rows * 2; y++) {
    const rowBase = (y >> 1) * cols;
    let p = y * width * channels;
    for (let x = 0; x < cols * 2; x++, p += channels) ca[rowBase + (x >> 1)] += uOf(data[p], data[p + 1], data[p + 2]);
  }
  for (let i = 0; i < ca.length; i++) ca[i] /= 2;
  return { ca, rows, cols };
}

/** Index (0..15) of the largest |coefficient| in a 4×4 block, skipping [0][0]; first one on ties (np.argmax). */
function maxCoefficientIndex(ca: Float64Array, cols: number, bi: number, bj: number): number {
  let best = 1;
  let bestAbs = -1;
  for (let k = 1; k < 16; k++) {
    const v = Math.abs(ca[(bi * BLOCK + (k >> 2)) * cols + bj * BLOCK + (k & 3)]);
    if (v > bestAbs) {
      bestAbs = v;
      best = k;
    }
  }
  return best;
}

/** One raw bit per 4×4 block, in the order the encoder writes them (row-major over blocks). */
export function readBlockBits(pixels: RawPixels, scale = DWT_DCT_SCALE): Uint8Array {
  const { ca, rows, cols } = uApproximation(pixels);
  const blockRows = Math.floor(rows / BLOCK);
  const blockCols = Math.floor(cols / BLOCK);
  const bits = new Uint8Array(blockRows * blockCols);
  let n = 0;
  for (let bi = 0; bi < blockRows; bi++) {
    for (let bj = 0; bj < blockCols; bj++) {
      const k = maxCoefficientIndex(ca, cols, bi, bj);
      const value = Math.abs(ca[(bi * BLOCK + (k >> 2)) * cols + bj * BLOCK + (k & 3)]);
      bits[n++] = value % scale > 0.5 * scale ? 1 : 0;
    }
  }
  return bits;
}

/** Share of blocks voting 1 for each of the L message bits (block n votes for bit n mod L). */
export function foldBlockBits(blockBits: Uint8Array, length: number): Float64Array {
  const ones = new Float64Array(length);
  const counts = new Float64Array(length);
  for (let n = 0; n < blockBits.length; n++) {
    ones[n % length] += blockBits[n];
    counts[n % length] += 1;
  }
  return ones.map((one, i) => (counts[i] > 0 ? one / counts[i] : 0.5));
}

/** The reference thresholds mean·255 > 127, i.e. slightly under one half. */
export function messageFromVotes(votes: Float64Array): Uint8Array {
  return Uint8Array.from(votes, (v) => (v * 255 > 127 ? 1 : 0));
}

/**
 * Embeds `bits` into RGB(A) pixels in place, the way the reference encoder does (used by tests to make
 * vectors). Changing cA by d changes each of its 2×2 U pixels by d/2; U is then folded back into RGB
 * keeping Y and V, and rounded to 8 bits like any saved image.
 */
export function embedBlockBits(pixels: RawPixels, bits: readonly number[], scale = DWT_DCT_SCALE): void {
  const { width, channels, data } = pixels;
  const { ca, rows, cols } = uApproximation(pixels);
  const delta = new Float64Array(rows * cols);
  const blockRows = Math.floor(rows / BLOCK);
  const blockCols = Math.floor(cols / BLOCK);
  let n = 0;
  for (let bi = 0; bi < blockRows; bi++) {
    for (let bj = 0; bj < blockCols; bj++) {
      const k = maxCoefficientIndex(ca, cols, bi, bj);
      const at = (bi * BLOCK + (k >> 2)) * cols + bj * BLOCK + (k & 3);
      const value = ca[at];
      const bit = bits[n++ % bits.length];
      const magnitude = (Math.floor(Math.abs(value) / scale) + 0.25 + 0.5 * bit) * scale;
      delta[at] = Math.sign(value || 1) * magnitude - value;
    }
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const d = delta[i * cols + j];
      if (d === 0) continue;
      for (let dy = 0; dy < 2; dy++) {
        for (let dx = 0; dx < 2; dx++) shiftU(data, ((2 * i + dy) * width + (2 * j + dx)) * channels, d / 2);
      }
    }
  }
}

/** Adds `du` to a pixel's U keeping Y and V: B moves by du/0.492, G compensates to hold Y. */
function shiftU(data: Buffer, p: number, du: number): void {
  const r = data[p];
  const g = data[p + 1];
  const b = data[p + 2];
  const db = du / 0.492;
  const newB = b + db;
  const newG = g - (0.114 * db) / 0.587;
  data[p + 1] = clampByte(newG);
  data[p + 2] = clampByte(newB);
  data[p] = clampByte(r);
}

function clampByte(v: number): number {
  const r = Math.round(v);
  return r < 0 ? 0 : r > 255 ? 255 : r;
}
