import type { TextReader } from '@listinglens/pipeline';
import { MemoryOcrCache, type OcrCache } from './ocr-cache';
import { assembleLanguageFolder } from './language-data';
import { writeOfflineWorkerScript } from './offline-worker-script';
import { type OcrLanguage, type OcrOptions, type OcrOptionsInput, ocrSettingsFingerprint, resolveOcrOptions } from './ocr-options';
import { PaddleTextReader } from './paddle/paddle-text-reader';
import { DB_DEFAULTS } from './paddle/db-postprocess';
import { DETECTION_PLAN_DEFAULTS } from './paddle/detection-plan';
import { PPOCR_DEFAULTS, type PpOcrSettings } from './paddle/ppocr-engine';
import { PPOCR_MODEL_VERSION, ppOcrModelFiles } from './paddle/ppocr-models';
import { PpOcrPool } from './paddle/ppocr-pool';
import { TesseractLineRereader } from './tesseract-line-rereader';
import { TesseractTextReader } from './tesseract-text-reader';
import { TesseractWorkerPool } from './tesseract-worker-pool';

export interface CreateTextReaderOptions extends OcrOptionsInput {
  /**
   * Where results are cached. Default: an in-memory LRU of 2,000 images. The service passes
   * `new TieredOcrCache([new MemoryOcrCache(), new RedisOcrCache(redis)])` so workers share results.
   */
  cache?: OcrCache;
}

/** A TextReader that owns threads: start them early, stop them on shutdown. */
export interface ManagedTextReader extends TextReader {
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

// Bump when a code change alters OCR output, so cached results from older code are not served.
const TESSERACT_READER_VERSION = 'tesseract.js@7/reader@2';
const PPOCR_READER_VERSION = `ppocr:${PPOCR_MODEL_VERSION}/reader@1`;
/** Languages PP-OCR's Chinese model cannot read: handed to tesseract.js line by line. */
const TESSERACT_ONLY: readonly OcrLanguage[] = ['kor', 'jpn'];

/**
 * Builds the OCR reader. Options (all optional):
 * - engine: 'ppocr' (default) or 'tesseract' (see OCR_ENGINES).
 * - languages: ['eng', 'chi_sim'] by default; also 'chi_tra', 'jpn', 'kor'.
 * - poolSize: worker threads (default: the machine's cores). timeoutMs: per image (default 60 s).
 * - ppocr: see PpOcrOptions. The tesseract engine: profile, languageSource, pageSegMode,
 *   minWordConfidence, preprocess (see ocr-options.ts).
 * - cache: see above.
 * Model and language files are checked here (throws if missing); threads start on first read or warmUp().
 */
export function createTextReader(input: CreateTextReaderOptions = {}): ManagedTextReader {
  const { cache, ...rest } = input;
  const options = resolveOcrOptions(rest);
  return options.engine === 'ppocr' ? createPpOcrReader(options, cache ?? new MemoryOcrCache()) : createTesseractReader(options, cache ?? new MemoryOcrCache());
}

function createTesseractReader(options: OcrOptions, cache: OcrCache): TesseractTextReader {
  const langPath = assembleLanguageFolder(options.languages, options.languageSource, options.languageDir);
  const pool = new TesseractWorkerPool({
    languages: options.languages,
    langPath,
    workerPath: writeOfflineWorkerScript(langPath),
    size: options.poolSize,
    parameters: { tessedit_pageseg_mode: options.pageSegMode },
  });
  return new TesseractTextReader(pool, cache, options, ocrSettingsFingerprint(options, TESSERACT_READER_VERSION));
}

function createPpOcrReader(options: OcrOptions, cache: OcrCache): PaddleTextReader {
  const { ppocr } = options;
  const rereadLanguages = options.languages.filter((l) => TESSERACT_ONLY.includes(l));
  const settings: PpOcrSettings = {
    ...PPOCR_DEFAULTS,
    detection: { ...DETECTION_PLAN_DEFAULTS, limitSide: ppocr.limitSide },
    db: DB_DEFAULTS,
    maxOcrPixels: ppocr.maxOcrPixels,
    angleClassifier: ppocr.angleClassifier,
    // With a second engine, unsure lines come back too so it can re-read them; the reader drops the
    // ones that stay below the line threshold.
    minLineConfidence: rereadLanguages.length > 0 ? 0 : PPOCR_DEFAULTS.minLineConfidence,
    keepUnreadLines: rereadLanguages.length > 0,
  };
  const pool = new PpOcrPool(ppOcrModelFiles(), options.poolSize, settings);
  let rereader: TesseractLineRereader | undefined;
  if (rereadLanguages.length > 0) {
    const langPath = assembleLanguageFolder(rereadLanguages, options.languageSource, options.languageDir);
    const tesseract = new TesseractWorkerPool({
      languages: rereadLanguages,
      langPath,
      workerPath: writeOfflineWorkerScript(langPath),
      size: options.poolSize,
      parameters: { tessedit_pageseg_mode: '7' },
    });
    rereader = new TesseractLineRereader(tesseract, ppocr.rereadBelow, options.timeoutMs);
  }
  const fingerprint = ocrSettingsFingerprint(options, PPOCR_READER_VERSION);
  return new PaddleTextReader(pool, cache, {
    timeoutMs: options.timeoutMs,
    minLineConfidence: PPOCR_DEFAULTS.minLineConfidence,
    fingerprint,
    engineLabel: PPOCR_READER_VERSION,
  }, rereader);
}
