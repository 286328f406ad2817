import { SPECTRAL_PEAK_CALIBRATION } from '../forensic/spectral-peak-calibration';
import { inlinePixelStatistics, type PixelStatistics } from '../pixel-statistics';
import type { AiSignalResult, AiSignalSource, SignalInput } from './ai-signal';

/** Model-free forensic statistic: always weak, never enough for `likely_ai` on its own. */
export class ForensicSignalSource implements AiSignalSource {
  readonly id = 'forensic';
  readonly version = 1;
  readonly kind = 'forensic';

  constructor(private readonly stats: PixelStatistics = inlinePixelStatistics) {}

  async analyze(input: SignalInput): Promise<AiSignalResult> {
    const pixels = await input.pixels();
    const statistic = pixels ? await this.stats.spectralPeak(pixels, input.deadline) : null;
    if (!statistic || statistic.value < SPECTRAL_PEAK_CALIBRATION.threshold) {
      return { signals: [], measurements: { forensic: statistic } };
    }
    return {
      signals: [
        {
          id: 'forensic.residual-spectrum-peak',
          kind: 'forensic',
          strength: 'weak',
          likelihood: SPECTRAL_PEAK_CALIBRATION.likelihoodAboveThreshold,
          summary:
            `The image's fine-grain noise has periodic peaks typical of generator upsampling ` +
            `(statistic ${statistic.value}, threshold ${SPECTRAL_PEAK_CALIBRATION.threshold}); weak evidence on its own.`,
          evidence: { statistic, calibration: SPECTRAL_PEAK_CALIBRATION },
        },
      ],
      measurements: { forensic: statistic },
    };
  }
}
