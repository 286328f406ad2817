import type { Finding } from './findings';
import type { ImageErrorView } from './image-errors';

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff' | 'avif' | 'heif' | 'bmp';

/**
 * Formats handed to a browser as stored (passive pictures, each with its own media type). Evidence in
 * any other format is shown through a PNG rendering the worker made; nothing else is ever served.
 */
export const BROWSER_IMAGE_TYPES: Readonly<Partial<Record<ImageFormat, string>>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
};

/** One image of a scan as the pipeline leaves it: what the worker stores and the CLI reports. */
export interface ImageResult {
  position: number;
  sha256: string | null;
  format: ImageFormat | null;
  width: number | null;
  height: number | null;
  byteSize: number | null;
  phash: string | null;
  /** PDQ (Meta's 256-bit perceptual hash), 64 lowercase hex digits: the form hash lists exchange. */
  pdq: string | null;
  /** PDQ's quality, 0–100. */
  pdqQuality: number | null;
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
