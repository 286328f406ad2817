import { DB_DEFAULTS, type DbPostprocessOptions } from './db-postprocess';
import { DETECTION_PLAN_DEFAULTS, type DetectionPlanOptions } from './detection-plan';
import type { Rect } from './raster';
import type { TextFrame } from './text-frame';
import { RECOGNITION_DEFAULTS, type RecognitionOptions } from './rec-plan';

// Apart from ppocr-engine.ts, so the process that owns the pool never loads onnxruntime (27 MB).

export interface PpOcrSettings {
  detection: DetectionPlanOptions;
  db: DbPostprocessOptions;
  /** Cap on the decoded raster OCR works on: a 35 MP scan is shrunk on load, so memory stays bounded. */
  maxOcrPixels: number;
  /** Lines the recogniser is less sure of are dropped (PaddleOCR drop_score: 0.5). */
  minLineConfidence: number;
  /** Check unsure lines with the 0°/180° classifier and read the upside-down ones again, turned. */
  angleClassifier: boolean;
  /** Lines recognised together (PaddleOCR rec_batch_num: 6); lines are sorted by width first. */
  recBatchSize: number;
  /** Input widths for the recogniser: the narrowest, short lines sharing rows, long lines in chunks. */
  recognition: RecognitionOptions;
  /** Also return detected lines the recogniser read as nothing (Hangul, kana): a second engine re-reads them. */
  keepUnreadLines: boolean;
  /** Each line's frame is lengthened before its start by this share of its height: the detector's kernel
   * leaves out a short stroke that opens a line (the "-" of a "-23%" badge). Both ends: +6 corpus strings;
   * the start alone: +8, and a price's end no longer reaches into its raised cents. */
  linePadding: number;
  /** Read raised cents ("2⁹⁹") as a decimal point ("2.99"); see raised-cents.ts. */
  raisedCents: boolean;
}

export const PPOCR_DEFAULTS: PpOcrSettings = {
  detection: DETECTION_PLAN_DEFAULTS,
  db: DB_DEFAULTS,
  maxOcrPixels: 12_000_000,
  minLineConfidence: 0.5,
  angleClassifier: true,
  recBatchSize: 6,
  recognition: RECOGNITION_DEFAULTS,
  keepUnreadLines: false,
  linePadding: 0.15,
  raisedCents: true,
};

/** A recognised line in original image pixels. `chars` holds each character's x range when the line
 * was read horizontally (turn 0 or 180); vertical lines have none. */
export interface PpOcrLine {
  text: string;
  confidence: number;
  box: Rect;
  chars: Array<[number, number]> | null;
  /** Per character of `text`, the recogniser's probability; null after a re-read by another engine. */
  charConfidence: number[] | null;
  /** The detected line's rectangle where it runs at a slant (a rotated sticker or seal; not vertical
   * lines): another engine re-reading the line crops along it, as PP-OCR's recogniser did. */
  slant?: TextFrame;
}

