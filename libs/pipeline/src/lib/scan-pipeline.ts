import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import type { Finding, ImageResult, ImageSource, ListingFields, ScanOutcome } from '@listinglens/contracts';
import type { ImageDecoder } from './image-decoder';
import { ImageError } from './image-error';
import { ocrFailureMessage } from './ocr-failure-message';
import type { ImageLoader } from './image-loader';
import { sniffFormat } from './sniff-format';
import type { AnalyzedImage, Detector, DetectorContext, OcrResult, TextReader } from './types';

export interface PipelineDeps {
  loader: ImageLoader;
  decoder: ImageDecoder;
  detectors: readonly Detector[];
  textReader?: TextReader;
  /** Images loaded at once per scan (network and decode overlap; sharp decodes off the event loop). */
  concurrency?: number;
  /** Time budgets (ms): each heavy step on one image, and the whole scan. */
  budgets?: { stepMs: number; scanMs: number };
}

export interface ScanOptions {
  includeText?: boolean;
  loaded?: (image: AnalyzedImage) => void;
}

/** A step on one image may take 60 s (a 12000 px page's QR bands take ~2 s), a scan 5 minutes. */
export const DEFAULT_SCAN_BUDGETS = { stepMs: 60_000, scanMs: 300_000 };

/**
 * One scan of one listing: load, identify and decode every image, then run every detector. Plain
 * TypeScript: the worker persists what this returns, the CLI prints it.
 */
export class ScanPipeline {
  constructor(private readonly deps: PipelineDeps) {}

  /**
   * `opts.loaded` is told each image's bytes as loaded (the worker keeps those of flagged images as
   * evidence, so what is stored is exactly what was scanned).
   */
  async scan(listing: ListingFields, sources: readonly ImageSource[], opts: ScanOptions = {}): Promise<ScanOutcome> {
    const started = performance.now();
    const budgets = this.deps.budgets ?? DEFAULT_SCAN_BUDGETS;
    const scanDeadline = Date.now() + budgets.scanMs;
    const results: ImageResult[] = new Array(sources.length);
    const analyzed: AnalyzedImage[] = [];
    const limit = pLimit(this.deps.concurrency ?? 4);
    await Promise.all(
      sources.map((source, position) =>
        limit(async () => {
          const { result, image } = await this.analyze(source, position);
          results[position] = result;
          if (image) {
            analyzed.push(image);
            opts.loaded?.(image);
          }
        }),
      ),
    );
    analyzed.sort((a, b) => a.position - b.position);
    const loaded = performance.now();

    const textCache = new Map<number, Promise<OcrResult | null>>();
    const breakdown: ScanOutcome['breakdown'] = { ocrMs: 0, detectorMs: {} };
    const ctx: DetectorContext = {
      listing,
      images: analyzed,
      text: (image) => {
        let pending = textCache.get(image.position);
        if (!pending) {
          const asked = performance.now();
          pending = this.readText(image, results[image.position]).finally(() => {
            breakdown.ocrMs += performance.now() - asked;
          });
          textCache.set(image.position, pending);
        }
        return pending;
      },
      stepDeadline: () => Math.min(scanDeadline, Date.now() + budgets.stepMs),
      reportError: (image, error) => {
        results[image.position].error ??= error;
      },
    };
    const findings: Finding[] = [];
    for (const [index, detector] of this.deps.detectors.entries()) {
      if (Date.now() >= scanDeadline) {
        this.budgetSpent(analyzed, results, budgets.scanMs, this.deps.detectors.slice(index));
        break;
      }
      const began = performance.now();
      for (const finding of await detector.detect(ctx)) {
        findings.push({ ...finding, confidence: clamp01(finding.confidence) });
      }
      breakdown.detectorMs[detector.id] = round(performance.now() - began);
    }
    if (opts.includeText && this.deps.textReader) {
      for (const image of analyzed) {
        const text = await ctx.text(image);
        if (text) results[image.position].text = text.text;
      }
    }
    const done = performance.now();
    return {
      images: results,
      findings,
      timings: { loadMs: round(loaded - started), detectMs: round(done - loaded), totalMs: round(done - started) },
      breakdown: { ...breakdown, ocrMs: round(breakdown.ocrMs) },
    };
  }

  private async analyze(source: ImageSource, position: number): Promise<{ result: ImageResult; image?: AnalyzedImage }> {
    const result: ImageResult = {
      position,
      sha256: null,
      format: null,
      width: null,
      height: null,
      byteSize: null,
      phash: null,
      error: null,
    };
    try {
      const bytes = await this.deps.loader.load(source);
      result.byteSize = bytes.length;
      result.sha256 = createHash('sha256').update(bytes).digest('hex');
      const format = sniffFormat(bytes);
      if (!format) {
        throw new ImageError('image.unsupported', `not a recognised image format (starts with ${bytes.subarray(0, 8).toString('hex') || 'nothing'})`);
      }
      result.format = format;
      const info = await this.deps.decoder.inspect(bytes);
      Object.assign(result, info);
      return { result, image: { position, bytes, sha256: result.sha256, format, ...info } };
    } catch (err) {
      if (!(err instanceof ImageError)) throw err;
      result.error = err.toView();
      return { result };
    }
  }

  /** The scan ran out of time: every image still without an error says which checks it did not get. */
  private budgetSpent(analyzed: AnalyzedImage[], results: ImageResult[], scanMs: number, skipped: readonly Detector[]): void {
    const message = `the scan's time budget of ${scanMs / 1000} s ran out before ${skipped.map((d) => d.id).join(', ')}`;
    for (const image of analyzed) results[image.position].error ??= { code: 'image.time_budget_exceeded', message };
  }

  private async readText(image: AnalyzedImage, result: ImageResult): Promise<OcrResult | null> {
    if (!this.deps.textReader) return null;
    try {
      return await this.deps.textReader.read(image);
    } catch (err) {
      // OCR failing on one image is that image's error; the scan completes with what it has.
      result.error ??= { code: 'image.ocr_failed', message: ocrFailureMessage(err) };
      return null;
    }
  }
}

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));
const round = (ms: number) => Math.round(ms * 10) / 10;
