import type { Finding } from './findings';
import type { ImageErrorView } from './image-errors';

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff' | 'avif' | 'heif' | 'bmp';

/** One image of a scan as the pipeline leaves it: what the worker stores and the CLI reports. */
export interface ImageResult {
  position: number;
  sha256: string | null;
  format: ImageFormat | null;
  width: number | null;
  height: number | null;
  byteSize: number | null;
  phash: string | null;
  error: ImageErrorView | null;
  /** Recognised text, only when asked for. */
  text?: string;
}

/** What one scan of one listing found: the pipeline returns it, the worker writes it once. */
export interface ScanOutcome {
  images: ImageResult[];
  findings: Finding[];
  timings: { loadMs: number; detectMs: number; totalMs: number };
  /** Where detectMs went: time spent reading text (OCR, summed over images) and each detector's own time
   * (a detector's time includes waiting for OCR it was first to ask for). For metrics, not stored. */
  breakdown: { ocrMs: number; detectorMs: Record<string, number> };
}
