import { compiledEntry, ForkPool, type PoolUsage } from '@listinglens/pipeline';
import { OcrClosedError, OcrTimeoutError } from '../ocr-errors';
import type { PpOcrModelFiles } from './ppocr-models';
import type { ProcessRequest } from './ppocr-process';
import type { PpOcrLine, PpOcrSettings } from './ppocr-settings';

/** An image PP-OCR could not read (not an image, corrupt), or an OCR process that died: a per-image error. */
export class PpOcrReadError extends Error {
  readonly code = 'ocr.read_failed';
  constructor(message: string) {
    super(message);
    this.name = 'PpOcrReadError';
  }
}

/**
 * PP-OCR engines in child processes (ForkPool: one image at a time each, FIFO; why processes and not
 * worker threads is said there). A read past its deadline fails with OcrTimeoutError and a fresh process
 * takes its place; a crash costs one image, not the worker.
 */
export class PpOcrPool {
  private readonly pool: ForkPool<ProcessRequest, PpOcrLine[]>;

  constructor(files: PpOcrModelFiles, size: number, private readonly settings: PpOcrSettings) {
    const script = compiledEntry(typeof __dirname === 'string' ? __dirname : undefined, 'libs/ocr/src/lib/paddle', 'ppocr-process.js');
    this.pool = new ForkPool(script, size, { LL_PPOCR_FILES: JSON.stringify(files) }, {
      timeout: (ms) => new OcrTimeoutError(ms),
      closed: () => new OcrClosedError(),
      failed: (message) => new PpOcrReadError(message),
    });
  }

  /** @param timeoutMs counted from when a process takes the image */
  read(bytes: Buffer, timeoutMs: number): Promise<PpOcrLine[]> {
    return this.pool.run({ bytes, settings: this.settings }, timeoutMs);
  }

  /** Processes, their busy time so far and images waiting for one (for the worker's metrics). */
  usage(): PoolUsage {
    return this.pool.usage();
  }

  /** Starts every process now and waits until their models are loaded. */
  warmUp(): Promise<void> {
    return this.pool.warmUp();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
