import type { DihedralVariant } from '@listinglens/pdq';
import type { Box, Finding, ImageErrorView, ImageFormat, ListingFields } from '@listinglens/contracts';

/** An image that loaded and decoded: what every detector sees. */
export interface AnalyzedImage {
  position: number;
  bytes: Buffer;
  sha256: string;
  format: ImageFormat;
  width: number;
  height: number;
  /** 64-bit DCT perceptual hash, 16 hex digits. */
  phash: string;
  /** PDQ, 64 lowercase hex digits, and its quality (0–100). */
  pdq: string;
  pdqQuality: number;
  /** PDQ of each of the 8 rotations and flips (original included), for hash-list matching. */
  pdqVariants: Record<DihedralVariant, string>;
}

export interface OcrWord {
  text: string;
  /** 0..1 */
  confidence: number;
  /** In original image coordinates. */
  box: Box;
  /**
   * Per UTF-16 unit of `text`, its x range [x0, x1) in original pixels, where the engine knows it (PP-OCR
   * reads whole lines and knows each character's columns): a match inside a line gets its own box.
   */
  charX?: Array<[number, number]>;
  /** Per UTF-16 unit of `text`, the recogniser's probability for that character, where the engine
   * gives one: a match's confidence is its least sure character, not the line's mean. */
  charConfidence?: number[];
}

export interface OcrResult {
  text: string;
  words: OcrWord[];
  /** Engine and model version that read it (e.g. "paddle:PP-OCRv4..."), recorded in evidence. */
  engine?: string;
}

/** Reads the text in an image (OCR). Implemented outside the core so the core has no engine in it. */
export interface TextReader {
  read(image: AnalyzedImage): Promise<OcrResult>;
}

export interface DetectorContext {
  listing: ListingFields;
  images: readonly AnalyzedImage[];
  /**
   * The image's text, read at most once per scan and shared by every detector. Null when no reader is
   * configured or reading failed (the failure is recorded on the image, the scan goes on).
   */
  text(image: AnalyzedImage): Promise<OcrResult | null>;
  /**
   * Epoch ms by which one heavy step on one image (a QR pass, a pixel statistic) must end: the image's
   * step budget, cut short by what is left of the scan's budget. Past it the step fails with
   * `image.time_budget_exceeded`, recorded through reportError().
   */
  stepDeadline(): number;
  /** Records a failure that belongs to one image; the scan goes on with the other images and detectors. */
  reportError(image: AnalyzedImage, error: ImageErrorView): void;
}

/**
 * A detector turns what is in a listing's images into findings, each with its evidence. The pipeline
 * calls detect() once per image, with `ctx.images` holding that image alone: whatever it throws or
 * overruns is recorded on that image (see runBounded) and every other (detector, image) still runs.
 */
export interface Detector {
  readonly id: string;
  readonly version: number;
  detect(ctx: DetectorContext): Promise<Finding[]>;
}

/**
 * Heavy per-image work (a QR pass, pixel statistics) started when the scan starts, beside OCR, and cached
 * by whoever implements it so the detector that needs it later gets the result. Runs behind the same
 * boundary as detectors: what it throws is recorded on the image under its id.
 */
export interface SignalSource {
  readonly id: string;
  /** @param deadline epoch ms the work must end by (the image's step budget). */
  prepare(image: AnalyzedImage, deadline: number): Promise<unknown>;
}

/** For images made up by tests and benches without decoding: a PDQ of zeros, quality 0 (never matched). */
export const NO_PDQ: Pick<AnalyzedImage, 'pdq' | 'pdqQuality' | 'pdqVariants'> = {
  pdq: '0'.repeat(64),
  pdqQuality: 0,
  pdqVariants: { original: '0'.repeat(64), rotate90: '0'.repeat(64), rotate180: '0'.repeat(64), rotate270: '0'.repeat(64), flipX: '0'.repeat(64), flipY: '0'.repeat(64), flipPlus1: '0'.repeat(64), flipMinus1: '0'.repeat(64) },
};
