/**
 * PDQ (Meta's 256-bit perceptual hash), written from the published algorithm (facebook/ThreatExchange
 * pdq/: hashing.pdf and the C++ and Python reference hashers): luminance, a Jarosz tent filter (two X,Y
 * passes of box filters, each 1/128 of the side) decimated to 64×64, the 16×16 lowest non-DC frequencies
 * of its DCT, each bit "above the median". Quality is the sum of quantised 64×64 gradients, capped at 100.
 * The hex form is the reference's: 16 words of 16 bits, DCT row 15 first, column j as bit j of its word.
 */
import { type DihedralVariant, DIHEDRAL_VARIANTS } from './dihedral';

/**
 * The long side images are shrunk to before hashing. The C++ reference hashes full resolution, the Python
 * one a 512 px thumbnail; at 512 the reference's rotated and mirrored dih/ images came 16–18 bits from the
 * variants of the original, at 1024 within 10 (at full size 8), for 4× the pixels of 512 (a few ms).
 */
export const PDQ_MAX_SIDE = 1024;

export interface PdqResult {
  /** 64 lowercase hex digits. */
  hash: string;
  /** 0–100; the reference suggests discarding hashes of quality ≤ 49 as too featureless to match. */
  quality: number;
}

export interface PdqDihedralResult {
  /** The hash of each of the 8 rotations and flips of the image, all from one DCT. */
  hashes: Record<DihedralVariant, string>;
  quality: number;
}

/** Pixels row-major, 1 (grey), 3 (RGB) or 4 (RGBA; alpha ignored, flatten first) channels of 8 bits. */
export interface PdqPixels {
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
  data: Uint8Array;
}

export function pdqHash(pixels: PdqPixels): PdqResult {
  const { dct, quality } = pdqDct(pixels);
  return { hash: bitsToHex(dct), quality };
}

export function pdqDihedral(pixels: PdqPixels): PdqDihedralResult {
  const { dct, quality } = pdqDct(pixels);
  const hashes = {} as Record<DihedralVariant, string>;
  for (const variant of DIHEDRAL_VARIANTS) hashes[variant.name] = bitsToHex(variant.apply(dct));
  return { hashes, quality };
}

// The reference's luma weights (BT.601).
const R = 0.299;
const G = 0.587;
const B = 0.114;

function pdqDct(pixels: PdqPixels): { dct: Float64Array; quality: number } {
  const { width, height } = pixels;
  if (!(width > 0 && height > 0)) throw new Error(`pdq needs a non-empty image, got ${width}×${height}`);
  const luma = lumaOf(pixels);
  const scratch = new Float32Array(width * height);
  // Window sizes round up: a 1024-wide image is blurred over 8 columns per pass, 16 in all.
  const alongRows = Math.ceil(width / 128);
  const alongCols = Math.ceil(height / 128);
  for (let pass = 0; pass < 2; pass++) {
    boxFilter(luma, scratch, height, width, width, 1, alongRows);
    boxFilter(scratch, luma, width, height, 1, width, alongCols);
  }
  const small = decimate64(luma, width, height);
  return { dct: dct16(small), quality: quality64(small) };
}

function lumaOf({ width, height, channels, data }: PdqPixels): Float32Array {
  const n = width * height;
  if (data.length < n * channels) throw new Error(`pdq: ${data.length} bytes cannot hold ${width}×${height}×${channels}`);
  const luma = new Float32Array(n);
  if (channels <= 2) {
    for (let p = 0; p < n; p++) luma[p] = data[p * channels];
  } else {
    for (let p = 0, o = 0; p < n; p++, o += channels) luma[p] = R * data[o] + G * data[o + 1] + B * data[o + 2];
  }
  return luma;
}

/**
 * A 1-D box filter along every line: `lines` lines of `length` samples, consecutive lines `lineStep`
 * apart, samples `step` apart. Each output is the mean of the window around it, clipped at the ends
 * (the reference's window for size w spans w - ⌊(w+2)/2⌋ samples before and ⌊(w+2)/2⌋ - 1 after).
 */
function boxFilter(input: Float32Array, output: Float32Array, lines: number, length: number, lineStep: number, step: number, window: number): void {
  const half = Math.floor((window + 2) / 2);
  const before = window - half;
  const after = half - 1;
  const prefix = new Float64Array(length + 1);
  for (let line = 0; line < lines; line++) {
    const base = line * lineStep;
    for (let k = 0; k < length; k++) prefix[k + 1] = prefix[k] + input[base + k * step];
    for (let k = 0; k < length; k++) {
      const lo = Math.max(0, k - before);
      const hi = Math.min(length, k + after + 1);
      output[base + k * step] = (prefix[hi] - prefix[lo]) / (hi - lo);
    }
  }
}

/** Samples the blurred image at the centres of a 64×64 grid. */
function decimate64(luma: Float32Array, width: number, height: number): Float64Array {
  const out = new Float64Array(64 * 64);
  for (let i = 0; i < 64; i++) {
    const y = Math.floor(((i + 0.5) * height) / 64);
    for (let j = 0; j < 64; j++) {
      const x = Math.floor(((j + 0.5) * width) / 64);
      out[i * 64 + j] = luma[y * width + x];
    }
  }
  return out;
}

/** Counts significant gradients: each neighbour difference in percent of full scale, truncated. */
function quality64(a: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < 64; i++) {
    for (let j = 0; j < 64; j++) {
      const u = a[i * 64 + j];
      if (i < 63) sum += Math.abs(Math.trunc(((u - a[(i + 1) * 64 + j]) * 100) / 255));
      if (j < 63) sum += Math.abs(Math.trunc(((u - a[i * 64 + j + 1]) * 100) / 255));
    }
  }
  return Math.min(100, Math.trunc(sum / 90));
}

// Rows 1..16 of the 64-point DCT-II basis (row 0, the mean, carries no structure).
const DCT: Float64Array = (() => {
  const m = new Float64Array(16 * 64);
  const scale = Math.sqrt(2 / 64);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 64; j++) m[i * 64 + j] = scale * Math.cos((Math.PI / 128) * (i + 1) * (2 * j + 1));
  }
  return m;
})();

/** D · A · Dᵀ, only the 16×16 coefficients the hash keeps. */
function dct16(a: Float64Array): Float64Array {
  const t = new Float64Array(16 * 64);
  for (let i = 0; i < 16; i++) {
    for (let k = 0; k < 64; k++) {
      const d = DCT[i * 64 + k];
      for (let j = 0; j < 64; j++) t[i * 64 + j] += d * a[k * 64 + j];
    }
  }
  const out = new Float64Array(256);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      let sum = 0;
      for (let k = 0; k < 64; k++) sum += t[i * 64 + k] * DCT[j * 64 + k];
      out[i * 16 + j] = sum;
    }
  }
  return out;
}

/** Bit (i, j) is set when coefficient (i, j) is above the median (the 128th smallest of 256). */
function bitsToHex(dct: Float64Array): string {
  const median = Float64Array.from(dct).sort()[127];
  let hex = '';
  for (let row = 15; row >= 0; row--) {
    let word = 0;
    for (let col = 0; col < 16; col++) if (dct[row * 16 + col] > median) word |= 1 << col;
    hex += word.toString(16).padStart(4, '0');
  }
  return hex;
}
