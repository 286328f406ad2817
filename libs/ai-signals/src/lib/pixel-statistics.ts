import { compiledEntry, type CpuPool, type CpuTask } from '@listinglens/pipeline';
import { spectralPeakStatistic, type SpectralPeakStatistic } from './forensic/spectral-peak-statistic';
import type { RawPixels } from './pixels';
import { detectSdWatermarks, type WatermarkReport } from './watermark/sd-watermark-detector';

/** The CPU-heavy pixel statistics of the AI sources, behind one seam: in worker threads in the scanner. */
export interface PixelStatistics {
  /** @param deadline epoch ms by which the step must end (see CpuPool) */
  watermarks(pixels: RawPixels, deadline: number): Promise<WatermarkReport>;
  spectralPeak(pixels: RawPixels, deadline: number): Promise<SpectralPeakStatistic | null>;
}

/** On the calling thread, no deadline: for library use, tests and the eval. */
export const inlinePixelStatistics: PixelStatistics = {
  watermarks: async (pixels) => detectSdWatermarks(pixels),
  spectralPeak: async (pixels) => spectralPeakStatistic(pixels),
};

const file = compiledEntry(typeof __dirname === 'string' ? __dirname : undefined, 'libs/ai-signals/src/lib', 'pixel-statistics.task.js');
const WATERMARKS: CpuTask = { file, name: 'watermarks' };
const SPECTRAL_PEAK: CpuTask = { file, name: 'spectralPeak' };

/**
 * In the scan's worker threads. The raster is shared with other detectors, so it is copied to the thread
 * (a 12 MP image is 36 MB, ~10 ms), never transferred away.
 */
export class ThreadedPixelStatistics implements PixelStatistics {
  constructor(private readonly cpu: CpuPool) {}

  watermarks(pixels: RawPixels, deadline: number): Promise<WatermarkReport> {
    return this.cpu.run(WATERMARKS, pixels, { deadline });
  }

  spectralPeak(pixels: RawPixels, deadline: number): Promise<SpectralPeakStatistic | null> {
    return this.cpu.run(SPECTRAL_PEAK, pixels, { deadline });
  }
}
