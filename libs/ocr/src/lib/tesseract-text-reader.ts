import type { AnalyzedImage, OcrResult, TextReader } from '@listinglens/pipeline';
import pLimit from 'p-limit';
import { CachedReads, type OcrCache, ocrCacheKey } from './ocr-cache';
import { OcrClosedError, OcrTimeoutError } from './ocr-errors';
import { prepareForOcr } from './ocr-image-preparation';
import type { OcrOptions } from './ocr-options';
import { linesToResult, mergePanelRead, panelLines, tileLines } from './ocr-page-words';
import type { OcrPoolUsage } from './ocr-pool-usage';
import type { TesseractWorkerPool } from './tesseract-worker-pool';

/** Recorded on every result (and so in findings' evidence) and part of the cache key. Bump the reader
 * number when a code change alters OCR output, so cached results from older code are not served. */
export const TESSERACT_READER_VERSION = 'tesseract.js@7/reader@2';

/**
 * The pipeline's TextReader on tesseract.js: cache first (by sha256 + settings), then preprocess, then
 * every tile through the worker pool, then words merged back into original image coordinates.
 * Concurrent reads of the same image share one recognition.
 */
export class TesseractTextReader implements TextReader {
  private readonly reads: CachedReads;
  private closed = false;
  // One image decoding while the pool's workers read the others keeps every worker fed.
  /** Images prepared/recognised at once: a decoded page can be ~100 MB, so queued images wait undecoded. */
  private readonly limit: pLimit.Limit;

  constructor(
    private readonly pool: TesseractWorkerPool,
    cache: OcrCache,
    private readonly options: OcrOptions,
    private readonly settingsFingerprint: string,
  ) {
    this.limit = pLimit(options.poolSize + 1);
    this.reads = new CachedReads(cache);
  }

  async read(image: AnalyzedImage): Promise<OcrResult> {
    if (this.closed) throw new OcrClosedError();
    const key = ocrCacheKey(image.sha256, this.settingsFingerprint);
    return this.reads.read(key, () => this.limit(() => this.recognise(image.bytes)));
  }

  /** Starts the pool's workers now instead of on the first image. */
  warmUp(): Promise<void> {
    return this.pool.warmUp();
  }

  poolUsage(): OcrPoolUsage[] {
    return [{ pool: 'tesseract', ...this.pool.usage() }];
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.pool.close();
  }

  private async recognise(bytes: Buffer): Promise<OcrResult> {
    const { timeoutMs, preprocess, minWordConfidence } = this.options;
    const deadline = Date.now() + timeoutMs;
    const prepared = await prepareForOcr(bytes, preprocess);
    if (Date.now() > deadline) throw new OcrTimeoutError(timeoutMs);
    const { scale } = prepared.plan;
    const [pages, panelPages] = await Promise.all([
      Promise.all(prepared.tiles.map((tile) => this.pool.recognize(tile, deadline, timeoutMs))),
      Promise.all(prepared.panels.map((panel) => this.pool.recognize(panel.image, deadline, timeoutMs))),
    ]);
    let lines = pages.flatMap((page, i) => tileLines(page, prepared.plan.tiles[i], scale, minWordConfidence));
    prepared.panels.forEach(({ box }, i) => {
      const area = { x: box.x / scale, y: box.y / scale, width: box.width / scale, height: box.height / scale };
      lines = mergePanelRead(lines, area, panelLines(panelPages[i], box, scale, minWordConfidence));
    });
    return { ...linesToResult(lines), engine: TESSERACT_READER_VERSION };
  }
}
