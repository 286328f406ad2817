/**
 * Stability AI's published thresholds for its 48-bit SDXL watermark (generative-models,
 * scripts/demo/detect.py): ≤ 27 matching bits "no watermark", 28–33 "partial, cannot determine",
 * 34–35 "likely" (0.02 % of real images in their test), ≥ 36 "very likely" (none in their test).
 *
 * Other payload lengths take the stricter of two scalings: the same share of bits (36/48 = 75 %), and the
 * same chance of a random bit string reaching it (Binomial(n, ½) upper tail). The share is stricter for
 * long payloads, where the binomial tail alone would accept 65 % — too lenient, because an unmarked
 * image decodes to a near-constant string, not a random one. Result: 136 bits (SD 1.x) 102 / 97 / 80,
 * 32 bits (SD 2.x) 26 / 25 / 20 for very likely / likely / partial.
 */
export type WatermarkVerdict = 'very_likely' | 'likely' | 'partial' | 'none';

export interface MatchThresholds {
  bits: number;
  /** Minimum matching bits for each verdict. */
  veryLikely: number;
  likely: number;
  partial: number;
}

const SDXL = { bits: 48, veryLikely: 36, likely: 34, partial: 28 };

function logChoose(n: number, k: number): number {
  let sum = 0;
  for (let i = 1; i <= k; i++) sum += Math.log((n - k + i) / i);
  return sum;
}

/** P(X ≥ k) for X ~ Binomial(n, ½). */
export function binomialUpperTail(n: number, k: number): number {
  let p = 0;
  for (let i = Math.max(0, k); i <= n; i++) p += Math.exp(logChoose(n, i) - n * Math.LN2);
  return Math.min(1, p);
}

function equivalentThreshold(n: number, sdxlThreshold: number): number {
  const proportional = Math.ceil((sdxlThreshold / SDXL.bits) * n);
  const target = binomialUpperTail(SDXL.bits, sdxlThreshold);
  let binomial = n + 1;
  for (let k = 0; k <= n; k++) {
    if (binomialUpperTail(n, k) <= target) {
      binomial = k;
      break;
    }
  }
  return Math.max(proportional, binomial);
}

const cache = new Map<number, MatchThresholds>([[SDXL.bits, SDXL]]);

export function thresholdsFor(bits: number): MatchThresholds {
  const cached = cache.get(bits);
  if (cached) return cached;
  const thresholds = {
    bits,
    veryLikely: equivalentThreshold(bits, SDXL.veryLikely),
    likely: equivalentThreshold(bits, SDXL.likely),
    partial: equivalentThreshold(bits, SDXL.partial),
  };
  cache.set(bits, thresholds);
  return thresholds;
}

export function verdictFor(matching: number, thresholds: MatchThresholds): WatermarkVerdict {
  if (matching >= thresholds.veryLikely) return 'very_likely';
  if (matching >= thresholds.likely) return 'likely';
  if (matching >= thresholds.partial) return 'partial';
  return 'none';
}
