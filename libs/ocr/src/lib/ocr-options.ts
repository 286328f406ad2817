import { availableParallelism } from 'node:os';

/** Tesseract language codes this project ships offline data for. */
export const OCR_LANGUAGES = ['eng', 'chi_sim', 'chi_tra', 'jpn', 'kor'] as const;
export type OcrLanguage = (typeof OCR_LANGUAGES)[number];

/**
 * Where the traineddata comes from. 'npm' = @tesseract.js-data/<lang>/4.0.0_best_int (installed with
 * the project); 'debian' = /usr/share/tesseract-ocr/5/tessdata (tessdata_fast, apt packages
 * tesseract-ocr-eng / -chi-sim ...). 'auto' takes npm's file and falls back to Debian's.
 * Measured on ../shared/corpus/ocr (bench:ocr): best_int found 55.5 % of ground-truth strings, Debian's
 * fast data 54.0 %, and best_int read rendered Chinese price tags ("¥99", "-70%") that fast misread.
 */
export type LanguageDataSource = 'auto' | 'debian' | 'npm';

export interface PreprocessOptions {
  /** Greyscale + contrast stretch before OCR. Off by default: on the corpus it lost 2.6 points of
   * recall (tesseract binarises itself, and stretching amplified JPEG noise on receipts). */
  normalise: boolean;
  /** Images whose longer side is below this are upscaled to it (small text reads badly). */
  upscaleToLongSide: number;
  /** Upper bound of the upscale factor, so a 40×40 icon is not blown up to a poster. */
  maxUpscale: number;
  /** Images taller than `tileAspect` × width are cut into overlapping horizontal bands. */
  tileAspect: number;
  /** Band height as a multiple of the (scaled) width. */
  tileHeightRatio: number;
  /** Overlap between bands in scaled pixels; must exceed the tallest text line to keep lines whole. */
  tileOverlap: number;
  /** Read solid panels of saturated colour (badges, buttons, coupon strips) again on their own, as
   * grey = 255 − distance from the panel's colour: light text on them is lost in the whole-image pass
   * (see colour-panels.ts). On the corpus: recall 54.4 → 54.7 %, 6–8 % more OCR CPU. */
  colourPanels: boolean;
  /** Cap on the pixels sent to OCR for one image (all tiles together): the image is downscaled to fit.
   * Also a recall win: a 4961×7016 receipt scan read better at 2.5 MP than at full size. */
  maxOcrPixels: number;
}

/**
 * Which reader. 'ppocr' (default): PaddleOCR's PP-OCRv4 detector + recogniser on onnxruntime-node, made
 * for scene text (text laid over photos); on the corpus it found 82.7 % of ground-truth strings where
 * the native tesseract CLI found 56.1 % (README, Figures). 'tesseract': tesseract.js, for documents and
 * as the reader of Korean and Japanese, which PP-OCR's Chinese model cannot read.
 */
export const OCR_ENGINES = ['ppocr', 'tesseract'] as const;
export type OcrEngineName = (typeof OCR_ENGINES)[number];

/** PP-OCR knobs (see ppocr-engine.ts and detection-plan.ts for what each does). */
export interface PpOcrOptions {
  /** Longest detector input side; bench:ocr measured 960, 1280 and 1600. */
  limitSide: number;
  angleClassifier: boolean;
  /** Cap on the pixels OCR decodes one image to (shrunk on load): bounds memory for any input. */
  maxOcrPixels: number;
  /** With kor or jpn configured, lines PP-OCR reads below this confidence are re-read by tesseract.js. */
  rereadBelow: number;
}

export const DEFAULT_PPOCR: PpOcrOptions = { limitSide: 960, angleClassifier: true, maxOcrPixels: 12_000_000, rereadBelow: 0.8 };

export interface OcrOptions {
  engine: OcrEngineName;
  ppocr: PpOcrOptions;
  /** Languages recognised together. Default eng + chi_sim. With PP-OCR, eng, chi_sim and chi_tra are
   * read by its own model and kor/jpn through tesseract.js (see rereadBelow). */
  languages: OcrLanguage[];
  languageSource: LanguageDataSource;
  /** Folder the traineddata files are gathered into (one folder, as tesseract.js wants). */
  languageDir?: string;
  /** Worker threads in the pool. Default: the machine's cores. */
  poolSize: number;
  /** Per image (all its tiles). On expiry the worker is replaced and read() throws OcrTimeoutError. */
  timeoutMs: number;
  /**
   * Tesseract page segmentation mode. The tesseract API (and so tesseract.js) defaults to 6, "one
   * uniform block of text"; the CLI uses 3, "automatic". Measured on the corpus, 6 found 55.5 % of
   * ground-truth strings, 3 found 49.5 % and 11 (sparse text) 49.7 %: 6 keeps receipt and price-tag
   * lines whole, where 3 splits them into fragments.
   */
  pageSegMode: '3' | '4' | '6' | '11' | '12';
  /** Words below this confidence (0..1) are dropped: mostly noise from photos and textures. 0.1 keeps
   * real overlay words tesseract is unsure of ("-70%" and "LIVE" read at 0.35); corpus recall 54.4 %
   * at 0.1, 53.6 % at 0.3, 55.5 % at 0. */
  minWordConfidence: number;
  preprocess: PreprocessOptions;
}

export const DEFAULT_PREPROCESS: PreprocessOptions = {
  normalise: false,
  upscaleToLongSide: 1000,
  maxUpscale: 3,
  tileAspect: 3,
  tileHeightRatio: 1.5,
  tileOverlap: 160,
  colourPanels: true,
  maxOcrPixels: 2_500_000,
};

export function defaultOcrOptions(): OcrOptions {
  return {
    engine: 'ppocr',
    ppocr: { ...DEFAULT_PPOCR },
    languages: ['eng', 'chi_sim'],
    languageSource: 'auto',
    poolSize: Math.max(1, availableParallelism()),
    timeoutMs: 60_000,
    pageSegMode: '6',
    minWordConfidence: 0.1,
    preprocess: { ...DEFAULT_PREPROCESS },
  };
}

/**
 * Named trade-offs between speed and what is read (bench:ocr prints both next to the native CLI).
 * - accurate (default): best_int data, PSM 6. Reads rendered price tags and percentages right;
 *   0.41–0.44× the native CLI's throughput on the corpus.
 * - fast: Debian's tessdata_fast, PSM 3 (the native CLI's own settings). About the native CLI's
 *   throughput with a little more recall than it on the corpus, but it misreads small rendered
 *   overlays ("¥99" → "¥OO", "-70%" → "-10%"), which is what the text detectors are for.
 * Explicit languageSource / pageSegMode options override the profile's.
 */
export const OCR_PROFILES = {
  accurate: { languageSource: 'auto', pageSegMode: '6' },
  fast: { languageSource: 'debian', pageSegMode: '3' },
} as const satisfies Record<string, Pick<OcrOptions, 'languageSource' | 'pageSegMode'>>;
export type OcrProfile = keyof typeof OCR_PROFILES;

export type OcrOptionsInput = Partial<Omit<OcrOptions, 'preprocess' | 'ppocr'>> & {
  preprocess?: Partial<PreprocessOptions>;
  ppocr?: Partial<PpOcrOptions>;
  profile?: OcrProfile;
};

export function resolveOcrOptions({ profile = 'accurate', ...input }: OcrOptionsInput = {}): OcrOptions {
  const base = { ...defaultOcrOptions(), ...OCR_PROFILES[profile] };
  const resolved: OcrOptions = {
    ...base,
    ...stripUndefined(input),
    preprocess: { ...base.preprocess, ...stripUndefined(input.preprocess ?? {}) },
    ppocr: { ...base.ppocr, ...stripUndefined(input.ppocr ?? {}) },
  };
  if (!(OCR_ENGINES as readonly string[]).includes(resolved.engine)) throw new Error(`unknown OCR engine: ${resolved.engine} (ppocr or tesseract)`);
  if (resolved.languages.length === 0) throw new Error('OCR needs at least one language');
  for (const lang of resolved.languages) {
    if (!(OCR_LANGUAGES as readonly string[]).includes(lang)) throw new Error(`unsupported OCR language: ${lang}`);
  }
  if (!Number.isInteger(resolved.poolSize) || resolved.poolSize < 1) throw new Error('poolSize must be ≥ 1');
  if (!(resolved.timeoutMs > 0)) throw new Error('timeoutMs must be > 0');
  return resolved;
}

/**
 * What changes the words OCR returns. Part of the cache key, so changing a language or a preprocessing
 * knob never serves results made under other settings. Pool size and timeout do not change output.
 */
export function ocrSettingsFingerprint(options: OcrOptions, engineVersion: string): string {
  if (options.engine === 'ppocr') {
    return JSON.stringify({ v: engineVersion, langs: options.languages, ppocr: options.ppocr });
  }
  return JSON.stringify({
    v: engineVersion,
    langs: options.languages,
    src: options.languageSource,
    conf: options.minWordConfidence,
    psm: options.pageSegMode,
    pre: options.preprocess,
  });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
