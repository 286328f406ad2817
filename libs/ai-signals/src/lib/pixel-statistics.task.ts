// Worker-thread entry (run by CpuPool): the AI pixel statistics, 100–450 ms each on a 1–12 MP image,
// which on the event loop would hold up BullMQ's lock renewal and every other scan's I/O.
import { spectralPeakStatistic, type SpectralPeakStatistic } from './forensic/spectral-peak-statistic';
import type { RawPixels } from './pixels';
import { detectSdWatermarks, type WatermarkReport } from './watermark/sd-watermark-detector';

/** Pixels as they arrive in the thread: the Buffer was copied into a plain Uint8Array. */
type ClonedPixels = Omit<RawPixels, 'data'> & { data: Uint8Array };

const asPixels = (p: ClonedPixels): RawPixels => ({ ...p, data: Buffer.from(p.data.buffer, p.data.byteOffset, p.data.byteLength) });

export function watermarks(pixels: ClonedPixels): WatermarkReport {
  return detectSdWatermarks(asPixels(pixels));
}

export function spectralPeak(pixels: ClonedPixels): SpectralPeakStatistic | null {
  return spectralPeakStatistic(asPixels(pixels));
}
