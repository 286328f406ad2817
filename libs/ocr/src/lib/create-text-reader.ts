import type { TextReader } from '@listinglens/pipeline';
import { MemoryOcrCache, type OcrCache } from './ocr-cache';
import type { OcrPoolUsage } from './ocr-pool-usage';
import { assembleLanguageFolder } from './language-data';
import { writeOfflineWorkerScript } from './offline-worker-script';
import { type OcrLanguage, type OcrOptions, type OcrOptionsInput, ocrSettingsFingerprint, resolveOcrOptions } from './ocr-options';
import { PaddleTextReader } from './paddle/paddle-text-reader';
import { PPOCR_DEFAULTS, type PpOcrSettings } from './paddle/ppocr-settings';
import { PPOCR_MODEL_VERSION, ppOcrModelFiles } from './paddle/ppocr-models';
import { PpOcrPool } from './paddle/ppocr-pool';
import { TesseractLineRereader } from './tesseract-line-rereader';
import { TESSERACT_READER_VERSION, TesseractTextReader } from './tesseract-text-reader';
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
  /** Each of its pools' slots, busy seconds so far and queued requests (read by the worker's metrics). */
  poolUsage(): OcrPoolUsage[];
}

// Bump when a code change alters OCR output, so cached results from older code are not served.
const PPOCR_READER_VERSION = `ppocr:${PPOCR_MODEL_VERSION}/reader@9`;
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
  const { cache = new MemoryOcrCache(), ...rest } = input;
  const options = resolveOcrOptions(rest);
  return options.engine === 'ppocr' ? createPpOcrReader(options, cache) : createTesseractReader(options, cache);
}

function createTesseractReader(options: OcrOptions, cache: OcrCache): TesseractTextReader {
  const pool = tesseractPool(options, options.languages, { tessedit_pageseg_mode: options.pageSegMode });
  return new TesseractTextReader(pool, cache, options, ocrSettingsFingerprint(options, TESSERACT_READER_VERSION));
}

function createPpOcrReader(options: OcrOptions, cache: OcrCache): PaddleTextReader {
  const { ppocr } = options;
  const rereadLanguages = options.languages.filter((l) => TESSERACT_ONLY.includes(l));
  const rereads = rereadLanguages.length > 0;
  const settings: PpOcrSettings = {
    ...PPOCR_DEFAULTS,
    detection: { ...PPOCR_DEFAULTS.detection, limitSide: ppocr.limitSide },
    maxOcrPixels: ppocr.maxOcrPixels,
    angleClassifier: ppocr.angleClassifier,
    // With a second engine, unsure and unread lines come back too so it can re-read them; the reader
    // drops the ones that stay below the line threshold.
    minLineConfidence: rereads ? 0 : PPOCR_DEFAULTS.minLineConfidence,
    keepUnreadLines: rereads,
  };
  const pool = new PpOcrPool(ppOcrModelFiles(), options.poolSize, settings);
  // The rereader hands tesseract single line crops, each also keyed by its text's colour (overlay kana
  // and Hangul over photos).
  const unsure = rereads
    ? new TesseractLineRereader(tesseractPool(options, rereadLanguages, TESSERACT_LINE_PARAMETERS), ppocr.rereadBelow, options.timeoutMs, true)
    : undefined;
  // €, £… are not in PP-OCR's dictionary: lines with an unread mark before a number are re-read in
  // English (threads start on the first such line; most images have none).
  const marks = new TesseractLineRereader(tesseractPool(options, ['eng'], TESSERACT_LINE_PARAMETERS, MARK_REREAD_THREADS), 0, options.timeoutMs);
  return new PaddleTextReader(pool, cache, {
    timeoutMs: options.timeoutMs,
    minLineConfidence: PPOCR_DEFAULTS.minLineConfidence,
    fingerprint: ocrSettingsFingerprint(options, PPOCR_READER_VERSION),
    engineLabel: PPOCR_READER_VERSION,
  }, { unsure, marks });
}

/**
 * Tesseract for the re-readers: one line per page (PSM 7). Their crops are made from raw pixels, which
 * sharp writes as 25 dpi; tesseract warned on every crop and took 70 instead, so 70 is said once (the
 * reads are the same). A crop with no glyph tesseract can find made it print its empty histogram to
 * stdout: its debug output goes to /dev/null. The whole-image engine keeps both as they are.
 */
export const TESSERACT_LINE_PARAMETERS: Readonly<Record<string, string>> = {
  tessedit_pageseg_mode: '7',
  user_defined_dpi: '70',
  debug_file: '/dev/null',
};

/** Threads re-reading unread-mark lines: a few short lines on some images, one thread is plenty. */
const MARK_REREAD_THREADS = 1;

/** tesseract.js workers over offline language data gathered into one folder, with the network taken away. */
function tesseractPool(options: OcrOptions, languages: readonly OcrLanguage[], parameters: Readonly<Record<string, string>>, size = options.poolSize): TesseractWorkerPool {
  const langPath = assembleLanguageFolder(languages, options.languageSource, options.languageDir);
  return new TesseractWorkerPool({
    languages,
    langPath,
    workerPath: writeOfflineWorkerScript(langPath),
    size,
    parameters,
  });
}
