/** PDQ hashes as text (64 hex digits) and as eight 32-bit words for fast Hamming distances. */

const HEX64 = /^[0-9a-f]{64}$/;

/** True for a PDQ hash in the exchange form: 64 hex digits (either case is accepted, lowercase is ours). */
export function isPdqHex(value: string): boolean {
  return HEX64.test(value.toLowerCase());
}

/** Eight 32-bit words, the first from the first 8 hex digits. Throws on anything but 64 hex digits. */
export function pdqWords(hex: string): Uint32Array {
  const lower = hex.toLowerCase();
  if (!HEX64.test(lower)) throw new Error(`not a PDQ hash (64 hex digits): ${JSON.stringify(hex.slice(0, 80))}`);
  const words = new Uint32Array(8);
  for (let w = 0; w < 8; w++) words[w] = Number.parseInt(lower.slice(w * 8, w * 8 + 8), 16);
  return words;
}

/** The hash at position i of a packed word array (8 words per hash) as 64 hex digits: pdqWords' inverse. */
export function pdqHexAt(words: Uint32Array, i: number): string {
  return Array.from(words.subarray(i * 8, i * 8 + 8), (w) => w.toString(16).padStart(8, '0')).join('');
}

export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

export function hammingWords(a: Uint32Array, b: Uint32Array): number {
  let d = 0;
  for (let w = 0; w < 8; w++) d += popcount32(a[w] ^ b[w]);
  return d;
}

export function pdqDistance(a: string, b: string): number {
  return hammingWords(pdqWords(a), pdqWords(b));
}

/** The 16 bands of 16 bits multi-index hashing indexes, first band from the first 4 hex digits. */
export function pdqBands(hex: string): number[] {
  const lower = hex.toLowerCase();
  if (!HEX64.test(lower)) throw new Error('not a PDQ hash (64 hex digits)');
  const bands: number[] = [];
  for (let b = 0; b < 16; b++) bands.push(Number.parseInt(lower.slice(b * 4, b * 4 + 4), 16));
  return bands;
}
