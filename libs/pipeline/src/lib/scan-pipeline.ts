import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import type { Finding, ImageResult, ImageSource, ListingFields, ScanOutcome } from '@listinglens/contracts';
import type { ImageDecoder } from './image-decoder';
import { ImageError } from './image-error';
import { ocrFailureMessage } from './ocr-failure-message';
import type { ImageLoader } from './image-loader';
import { sniffFormat } from './sniff-format';
import { runBounded } from './detector-boundary';
import type { AnalyzedImage, Detector, DetectorContext, OcrResult, SignalSource, TextReader } from './types';

export interface PipelineDeps {
  loader: ImageLoader;
  decoder: ImageDecoder;
  /** Run one image at a time each: a detector's detect() sees a context holding that image alone. */
  detectors: readonly Detector[];
  /** Heavy per-image work started early, beside OCR, that detectors read later (e.g. QR decoding). */
  sources?: readonly SignalSource[];
  textReader?: TextReader;
  /** Images loaded at once per scan (network and decode overlap; sharp decodes off the event loop). */
  concurrency?: number;
  /** Text reads a scan keeps in flight at once: the OCR pool's size. More would queue a 10-image
   * listing's every image in the pool's FIFO ahead of a scan beside it (bench:latency: a 1-image
   * listing waited 23 s behind a 10-image one, against 11 s before the reads were asked up front). */
  textConcurrency?: number;
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
 * One scan of one listing: load, identify and decode every image, then run every detector on every image,
 * each (detector, image) behind runBounded: an exception or an overrun is that image's recorded error and
 * the scan completes. Plain TypeScript: the worker persists what this returns, the CLI prints it.
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
    const loading = pLimit(this.deps.concurrency ?? 4);
    await Promise.all(
      sources.map((source, position) =>
        loading(async () => {
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
    const reading = pLimit(this.deps.textConcurrency ?? Infinity);
    const breakdown: ScanOutcome['breakdown'] = { ocrMs: 0, detectorMs: {} };
    const ctx: DetectorContext = {
      listing,
      images: analyzed,
      text: (image) => {
        let pending = textCache.get(image.position);
        if (!pending) {
          const asked = performance.now();
          pending = reading(() => this.readText(image, results[image.position])).finally(() => {
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
    // Every image's text is asked for up front, at most textConcurrency in the OCR pool at once, so a
    // 10-image listing keeps every OCR process busy instead of reading the images one after another.
    if (this.deps.textReader) for (const image of analyzed) void ctx.text(image);
    const limits = (image: AnalyzedImage) => ({ stepStarts: ctx.text(image), stepMs: budgets.stepMs, scanDeadline, scanMs: budgets.scanMs });
    // Signal sources start their heavy work (QR bands, pixel statistics) beside OCR; detectors read it later.
    for (const image of analyzed) {
      for (const source of this.deps.sources ?? []) {
        void runBounded(source.id, () => source.prepare(image, ctx.stepDeadline()), limits(image)).then((run) => {
          if (run.status !== 'done') ctx.reportError(image, run.error);
        });
      }
    }
    const found: Finding[][][] = this.deps.detectors.map(() => []);
    const limit = pLimit(this.deps.concurrency ?? 4);
    await Promise.all(
      analyzed.map((image) =>
        limit(() => {
          // Each detector sees this image alone: what it throws or overruns stays on this image.
          const one: DetectorContext = { ...ctx, images: [image] };
          return Promise.all(
            this.deps.detectors.map(async (detector, index) => {
              const began = performance.now();
              const run = await runBounded(detector.id, () => detector.detect(one), limits(image));
              breakdown.detectorMs[detector.id] = round((breakdown.detectorMs[detector.id] ?? 0) + performance.now() - began);
              if (run.status === 'done') found[index][image.position] = run.value;
              else ctx.reportError(image, run.error);
            }),
          );
        }),
      ),
    );
    // Detector order, then image order: the same findings come out in the same order, however the work interleaved.
    const findings: Finding[] = found.flatMap((perImage) =>
      perImage.flat().map((finding) => ({ ...finding, confidence: clamp01(finding.confidence) })),
    );
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
      pdq: null,
      pdqQuality: null,
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
      const { pdqVariants, ...identity } = info;
      Object.assign(result, identity);
      return { result, image: { position, bytes, sha256: result.sha256, format, ...identity, pdqVariants } };
    } catch (err) {
      if (!(err instanceof ImageError)) throw err;
      result.error = err.toView();
      return { result };
    }
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
