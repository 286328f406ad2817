/**
 * DCT perceptual hash (the "pHash" of imagehash): 32×32 greyscale, 2-D DCT, the 8×8 lowest
 * frequencies thresholded at their median. Re-encoding, resizing and mild edits move few bits.
 */
const N = 32;
const COS: Float64Array = (() => {
  const table = new Float64Array(N * N);
  for (let k = 0; k < N; k++) {
    for (let n = 0; n < N; n++) table[k * N + n] = Math.cos((Math.PI / N) * (n + 0.5) * k);
  }
  return table;
})();

/** `grey` is N×N 8-bit luminance, row-major. Returns 16 hex digits. */
export function phashFromGrey32(grey: Uint8Array): string {
  if (grey.length !== N * N) throw new Error(`phash needs ${N * N} grey pixels, got ${grey.length}`);
  // Separable DCT-II, only the 8 lowest frequencies in each direction are needed.
  const rows = new Float64Array(N * 8);
  for (let y = 0; y < N; y++) {
    for (let u = 0; u < 8; u++) {
      let sum = 0;
      for (let x = 0; x < N; x++) sum += grey[y * N + x] * COS[u * N + x];
      rows[y * 8 + u] = sum;
    }
  }
  const low = new Float64Array(64);
  for (let v = 0; v < 8; v++) {
    for (let u = 0; u < 8; u++) {
      let sum = 0;
      for (let y = 0; y < N; y++) sum += rows[y * 8 + u] * COS[v * N + y];
      low[v * 8 + u] = sum;
    }
  }
  const sorted = Array.from(low).sort((a, b) => a - b);
  const median = (sorted[31] + sorted[32]) / 2;
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    let value = 0;
    for (let bit = 0; bit < 4; bit++) value = (value << 1) | (low[nibble * 4 + bit] > median ? 1 : 0);
    hex += value.toString(16);
  }
  return hex;
}

export function hammingDistanceHex(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (x) {
    x &= x - 1n;
    count++;
  }
  return count;
}
