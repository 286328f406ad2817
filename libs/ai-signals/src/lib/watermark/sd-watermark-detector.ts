import type { RawPixels } from '../pixels';
import { foldBlockBits, messageFromVotes, MIN_WATERMARK_PIXELS, readBlockBits } from './dwt-dct-blocks';
import { binomialUpperTail, thresholdsFor, verdictFor, type MatchThresholds, type WatermarkVerdict } from './match-thresholds';

export interface KnownWatermark {
  id: string;
  description: string;
  bits: readonly number[];
}

function bytesToBits(bytes: Buffer): number[] {
  const bits: number[] = [];
  for (const byte of bytes) for (let b = 7; b >= 0; b--) bits.push((byte >> b) & 1);
  return bits;
}

function hexToBits(hex: string, length: number): number[] {
  const value = BigInt(`0x${hex}`);
  return Array.from({ length }, (_, i) => Number((value >> BigInt(length - 1 - i)) & 1n));
}

/** Payloads the Stable Diffusion reference scripts embed (MSB first, as np.unpackbits). */
export const KNOWN_WATERMARKS: readonly KnownWatermark[] = [
  {
    id: 'sdxl',
    description: 'Stable Diffusion XL (sgm WatermarkEmbedder, 48-bit 0xB3EC907BB19E)',
    bits: hexToBits('B3EC907BB19E', 48),
  },
  {
    // black-forest-labs/flux WatermarkEmbedder: WATERMARK_MESSAGE = 0b0010101011…0101110 (48 digits), but its
    // bits come from `bin(message)[2:]`, which drops the two leading zeros: 46 bits are embedded, not 48.
    // (The "48-bit message shared by SDXL and FLUX" is SDXL's; FLUX's reference code has its own.)
    id: 'flux',
    description: 'FLUX.1 reference pipeline (flux WatermarkEmbedder, 46 bits of 0x2AFE879CF52E)',
    bits: hexToBits('2AFE879CF52E', 46),
  },
  {
    id: 'sd1',
    description: 'Stable Diffusion 1.x txt2img ("StableDiffusionV1", 136 bits)',
    bits: bytesToBits(Buffer.from('StableDiffusionV1', 'ascii')),
  },
  {
    id: 'sd2',
    description: 'Stable Diffusion 2.x txt2img ("SDV2", 32 bits)',
    bits: bytesToBits(Buffer.from('SDV2', 'ascii')),
  },
];

export interface WatermarkMatch {
  scheme: 'invisible-watermark/dwtDct';
  payload: string;
  description: string;
  matchingBits: number;
  totalBits: number;
  verdict: WatermarkVerdict;
  thresholds: MatchThresholds;
  /** Chance that a random bit string matches this well (the false-alarm rate behind the verdict). */
  chanceProbability: number;
  decodedHex: string;
}

export interface WatermarkReport {
  /** False for images too small to decode (under 256×256 pixels). */
  decoded: boolean;
  /** One entry per known payload, best match first. */
  matches: WatermarkMatch[];
}

function bitsToHex(bits: Uint8Array): string {
  let hex = '';
  for (let i = 0; i < bits.length; i += 4) {
    let v = 0;
    for (let b = 0; b < 4; b++) v = (v << 1) | (bits[i + b] ?? 0);
    hex += v.toString(16);
  }
  return hex;
}

/** Decodes the dwtDct blocks once and scores them against every known Stable Diffusion payload. */
export function detectSdWatermarks(pixels: RawPixels, known = KNOWN_WATERMARKS): WatermarkReport {
  if (pixels.width * pixels.height < MIN_WATERMARK_PIXELS) return { decoded: false, matches: [] };
  const blockBits = readBlockBits(pixels);
  const matches = known.map((wm): WatermarkMatch => {
    const votes = foldBlockBits(blockBits, wm.bits.length);
    const decoded = messageFromVotes(votes);
    let matching = 0;
    for (let i = 0; i < wm.bits.length; i++) if (decoded[i] === wm.bits[i]) matching++;
    const thresholds = thresholdsFor(wm.bits.length);
    return {
      scheme: 'invisible-watermark/dwtDct',
      payload: wm.id,
      description: wm.description,
      matchingBits: matching,
      totalBits: wm.bits.length,
      verdict: verdictFor(matching, thresholds),
      thresholds,
      chanceProbability: binomialUpperTail(wm.bits.length, matching),
      decodedHex: bitsToHex(decoded),
    };
  });
  matches.sort((a, b) => a.chanceProbability - b.chanceProbability);
  return { decoded: true, matches };
}
