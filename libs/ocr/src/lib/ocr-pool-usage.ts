import type { PoolUsage } from '@listinglens/pipeline';

/** One OCR pool's usage: `ppocr` (the PP-OCR processes) or `tesseract` (tesseract.js threads: the
 * tesseract engine, or PP-OCR's re-reader of Korean and Japanese lines). */
export interface OcrPoolUsage extends PoolUsage {
  /** tesseract: the kor/jpn line re-reader (or the tesseract engine); tesseract-marks: the €/£ re-reader. */
  pool: 'ppocr' | 'tesseract' | 'tesseract-marks';
}
