import { inlinePixelStatistics, type PixelStatistics } from '../pixel-statistics';
import type { AiSignal, AiSignalResult, AiSignalSource, SignalInput } from './ai-signal';

/**
 * Likelihoods follow Stability's published false-alarm rates: "very likely" had no false positive in
 * their test of real images, "likely" 0.02 %. Both are strong; a partial match is not reported as AI.
 */
const LIKELIHOOD = { very_likely: 0.97, likely: 0.9 } as const;

export class WatermarkSignalSource implements AiSignalSource {
  readonly id = 'watermark';
  readonly version = 1;
  readonly kind = 'watermark';

  constructor(private readonly stats: PixelStatistics = inlinePixelStatistics) {}

  async analyze(input: SignalInput): Promise<AiSignalResult> {
    const pixels = await input.pixels();
    if (!pixels) return { signals: [], measurements: { watermark: null } };
    const report = await this.stats.watermarks(pixels, input.deadline);
    const signals: AiSignal[] = [];
    for (const match of report.matches) {
      if (match.verdict !== 'very_likely' && match.verdict !== 'likely') continue;
      signals.push({
        id: `watermark.${match.payload}`,
        kind: 'watermark',
        strength: 'strong',
        likelihood: LIKELIHOOD[match.verdict],
        summary:
          `The invisible watermark of ${match.description} decodes from the pixels ` +
          `(${match.matchingBits} of ${match.totalBits} bits match: ${match.verdict.replace('_', ' ')}).`,
        evidence: { ...match },
      });
    }
    return { signals, measurements: { watermark: report } };
  }
}
