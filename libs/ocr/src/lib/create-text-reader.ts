import { MemoryOcrCache, type OcrCache } from './ocr-cache';
import { assembleLanguageFolder } from './language-data';
import { writeOfflineWorkerScript } from './offline-worker-script';
import { type OcrOptionsInput, ocrSettingsFingerprint, resolveOcrOptions } from './ocr-options';
import { TesseractTextReader } from './tesseract-text-reader';
import { TesseractWorkerPool } from './tesseract-worker-pool';

export interface CreateTextReaderOptions extends OcrOptionsInput {
  /**
   * Where results are cached. Default: an in-memory LRU of 2,000 images. The service passes
   * `new TieredOcrCache([new MemoryOcrCache(), new RedisOcrCache(redis)])` so workers share results.
   */
  cache?: OcrCache;
}

// Bump when a code change alters OCR output, so cached results from older code are not served.
const READER_VERSION = 'tesseract.js@7/reader@2';

/**
 * Builds the OCR reader. Options (all optional):
 * - languages: ['eng', 'chi_sim'] by default; also 'chi_tra', 'jpn', 'kor'.
 * - profile: 'accurate' (default) or 'fast', a preset of languageSource and pageSegMode (see OCR_PROFILES).
 * - languageSource: 'auto' (npm @tesseract.js-data, else Debian tessdata when installed), 'debian', 'npm'.
 * - languageDir: folder to gather traineddata links in (default under the OS temp dir).
 * - poolSize: worker threads (default: the machine's cores). timeoutMs: per image (default 60 s).
 * - pageSegMode: tesseract PSM (default '6', one block: measured best on the corpus; see ocr-options).
 * - minWordConfidence: 0..1, words below it are dropped (default 0.1).
 * - preprocess: see PreprocessOptions (normalise, upscaleToLongSide, maxUpscale, tileAspect,
 *   tileHeightRatio, tileOverlap, colourPanels, maxOcrPixels).
 * - cache: see above.
 * Language data is checked and linked here (throws if missing); workers start on first read or warmUp().
 * Call close() on shutdown.
 */
export function createTextReader(input: CreateTextReaderOptions = {}): TesseractTextReader {
  const { cache, ...rest } = input;
  const options = resolveOcrOptions(rest);
  const langPath = assembleLanguageFolder(options.languages, options.languageSource, options.languageDir);
  const workerPath = writeOfflineWorkerScript(langPath);
  const pool = new TesseractWorkerPool({
    languages: options.languages,
    langPath,
    workerPath,
    size: options.poolSize,
    parameters: { tessedit_pageseg_mode: options.pageSegMode },
  });
  return new TesseractTextReader(
    pool,
    cache ?? new MemoryOcrCache(),
    options,
    ocrSettingsFingerprint(options, READER_VERSION),
  );
}
