import type { PoolUsage } from '@listinglens/pipeline';

/** One OCR pool's usage: `ppocr` (the PP-OCR processes) or `tesseract` (tesseract.js threads: the
 * tesseract engine, or PP-OCR's re-reader of Korean and Japanese lines). */
export interface OcrPoolUsage extends PoolUsage {
  pool: 'ppocr' | 'tesseract';
}
