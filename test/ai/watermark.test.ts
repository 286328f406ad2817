import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { binomialUpperTail, detectSdWatermarks, embedBlockBits, KNOWN_WATERMARKS, SharpPixelDecoder, thresholdsFor } from '@listinglens/ai-signals';
import { syntheticRgb } from './support/fixture-builders';

const decoder = new SharpPixelDecoder();
const corpus = resolve(__dirname, '../../../shared/corpus/provenance');

async function marked(payload: string, width = 512, height = 512) {
  const data = await syntheticRgb(width, height, 7);
  const pixels = { width, height, channels: 3 as const, data };
  const wm = KNOWN_WATERMARKS.find((k) => k.id === payload);
  if (!wm) throw new Error(payload);
  embedBlockBits(pixels, wm.bits);
  return sharp(data, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

describe('Stable Diffusion invisible watermark (dwtDct)', () => {
  it.each(['sdxl', 'flux', 'sd1', 'sd2'])('decodes the %s payload embedded by our encoder, saved as PNG', async (payload) => {
    const report = detectSdWatermarks(await decoder.decode(await marked(payload), false));
    const best = report.matches[0];
    expect(best.payload).toBe(payload);
    expect(best.verdict).toBe('very_likely');
    expect(best.matchingBits).toBeGreaterThanOrEqual(best.thresholds.veryLikely);
  });

  it('still decodes the SDXL mark after JPEG re-encoding at quality 95', async () => {
    const jpeg = await sharp(await marked('sdxl')).jpeg({ quality: 95 }).toBuffer();
    const sdxl = detectSdWatermarks(await decoder.decode(jpeg, false)).matches.find((m) => m.payload === 'sdxl');
    expect(['very_likely', 'likely']).toContain(sdxl?.verdict);
  });

  it('finds nothing in an unmarked image', async () => {
    const data = await syntheticRgb(512, 512, 7);
    const report = detectSdWatermarks({ width: 512, height: 512, channels: 3, data });
    expect(report.matches.every((m) => m.verdict === 'none' || m.verdict === 'partial')).toBe(true);
  });

  it('refuses images under 256×256 like the reference decoder', async () => {
    const data = await syntheticRgb(200, 200);
    expect(detectSdWatermarks({ width: 200, height: 200, channels: 3, data }).decoded).toBe(false);
  });

  it('reads FLUX as the 46 bits its reference code embeds (bin() drops the leading zeros of 0b0010…)', () => {
    const flux = KNOWN_WATERMARKS.find((k) => k.id === 'flux');
    const message = 0b001010101111111010000111100111001111010100101110;
    expect(flux?.bits.join('')).toBe(message.toString(2));
  });

  it('states the chance that random bits pass each threshold (the false-match rate of an unmarked image)', () => {
    // P(X ≥ likely) for X ~ Binomial(n, ½), per payload: what a decoder reading noise would match by chance.
    const rates = Object.fromEntries(KNOWN_WATERMARKS.map((k) => [k.id, binomialUpperTail(k.bits.length, thresholdsFor(k.bits.length).likely)]));
    // Stated in the README: 2.8e-3 SDXL (34/48), 2.3e-3 FLUX (33/46), 3.5e-7 SD1 (97/136), 1.1e-3 SD2 (25/32);
    // at "very likely" 3.6e-4, 2.7e-4, 2.2e-9, 2.7e-4. Real unmarked photos decode to near-constant bits,
    // not random ones (bench/eval-ai.ts counts matches on the corpus's non-AI images).
    expect(rates['sdxl'].toExponential(1)).toBe('2.8e-3');
    expect(rates['flux'].toExponential(1)).toBe('2.3e-3');
    expect(rates['sd1'].toExponential(1)).toBe('3.5e-7');
    expect(rates['sd2'].toExponential(1)).toBe('1.1e-3');
  });

  it("uses Stability's 48-bit thresholds and stricter scaled ones for other lengths", () => {
    expect(thresholdsFor(48)).toMatchObject({ veryLikely: 36, likely: 34, partial: 28 });
    expect(thresholdsFor(136)).toMatchObject({ veryLikely: 102, likely: 97, partial: 80 });
    expect(thresholdsFor(32)).toMatchObject({ veryLikely: 26, likely: 25, partial: 20 });
  });

  it.runIf(existsSync(corpus))('decodes the reference-encoder vector and not its control (shared corpus)', async () => {
    const marked = detectSdWatermarks(await decoder.decode(readFileSync(join(corpus, 'testvec_wm_sdv1.png')), false));
    expect(marked.matches[0]).toMatchObject({ payload: 'sd1', matchingBits: 136, verdict: 'very_likely' });
    const control = detectSdWatermarks(await decoder.decode(readFileSync(join(corpus, 'testvec_wm_none.png')), false));
    expect(control.matches.every((m) => m.verdict === 'none')).toBe(true);
  });
});
