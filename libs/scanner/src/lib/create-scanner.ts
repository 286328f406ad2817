import { type AiSignalsSettings, createAiDetectors, type PhashIndex, ThreadedPixelStatistics } from '@listinglens/ai-signals';
import { createTextReader, type CreateTextReaderOptions, defaultOcrOptions, type OcrCache, type OcrPoolUsage } from '@listinglens/ocr';
import { CpuPool, DEFAULT_SCAN_BUDGETS, ImageLoader, RasterCache, SafeHttpFetcher, ScanPipeline, SharpImageDecoder, threadedPdq } from '@listinglens/pipeline';
import { createTextDetectors } from '@listinglens/text-detectors';
import type { HashListMatcher } from '@listinglens/contracts';
import { PrefetchedQrReader } from './prefetched-qr-reader';
import type { ScannerOptions } from './scanner-options';
import { ZxingQrCodeReader } from './zxing-qr-code-reader';
import { SharedRasterGrey } from './shared-raster-grey';
import { SharedRasterPixels } from './shared-raster-pixels';

export interface Scanner {
  pipeline: ScanPipeline;
  /** Decoded pixels shared by the detectors (its `decodes` count is read by tests and benchmarks). */
  rasters: RasterCache;
  /** The OCR pools' slots, busy seconds and queued requests (none with OCR off), for metrics. */
  ocrPoolUsage(): OcrPoolUsage[];
  /** Releases pools (OCR processes, CPU threads); call once when the process is done scanning. */
  close(): Promise<void>;
}

export interface ScannerServices {
  /** Stored images of other listings (service only): enables `image.reused`. */
  phashIndex?: PhashIndex;
  /** The enabled hash lists (service: loaded from PostgreSQL; CLI: --match-list files): enables `image.listed_match`. */
  hashLists?: HashListMatcher;
  /** Where OCR results are cached (the service shares one in Redis); default: in memory. */
  ocrCache?: OcrCache;
  /** OCR settings (languages, pool size, timeout…); false turns OCR and the text detectors off. */
  ocr?: Omit<CreateTextReaderOptions, 'cache'> | false;
  /** The operator's C2PA trust list and pixel detectors (part of the app's settings); default none. */
  ai?: AiSignalsSettings;
}

/**
 * PDQ's input is at most 1024 px a side, so it cannot run long on any image (45 ms typical); its budget
 * only guards against a stuck thread, and a step budget set tight for the pixel statistics (which scale
 * with the image) must not stop it while its thread is still starting.
 */
const PDQ_MIN_BUDGET_MS = 10_000;

/** The one place the pipeline is assembled, so the worker and the CLI scan exactly alike. */
export async function createScanner(options: ScannerOptions, services: ScannerServices = {}): Promise<Scanner> {
  const fetcher = new SafeHttpFetcher({
    allowHosts: options.allowHosts,
    timeoutMs: options.fetchTimeoutMs,
    maxBytes: options.maxImageBytes,
    maxRedirects: 3,
  });
  const textReader = services.ocr === false ? undefined : createTextReader({ ...services.ocr, cache: services.ocrCache });
  const rasters = new RasterCache({ maxPixels: options.maxImagePixels, budgetBytes: options.rasterBudgetBytes });
  const cpu = new CpuPool();
  // QR decoding starts with the scan, beside OCR (the contact detector reads it after the image's text).
  const qrReader = new PrefetchedQrReader(new ZxingQrCodeReader({ rasters, cpu }));
  const pipeline = new ScanPipeline({
    loader: new ImageLoader(fetcher, options.maxImageBytes, options.pathBase),
    decoder: new SharpImageDecoder({ maxPixels: options.maxImagePixels, pdq: threadedPdq(cpu, Math.max(PDQ_MIN_BUDGET_MS, (options.budgets ?? DEFAULT_SCAN_BUDGETS).stepMs)) }),
    detectors: [
      ...(textReader ? createTextDetectors({ qrReader }) : []),
      ...createAiDetectors({
        phashIndex: services.phashIndex,
        hashLists: services.hashLists,
        reuseGrey: new SharedRasterGrey(rasters),
        pixelDecoder: new SharedRasterPixels(rasters),
        pixelStatistics: new ThreadedPixelStatistics(cpu),
        settings: services.ai,
      }),
    ],
    sources: textReader ? [qrReader] : [],
    textReader,
    textConcurrency: (services.ocr && services.ocr.poolSize) || defaultOcrOptions().poolSize,
    concurrency: options.imageConcurrency,
    budgets: options.budgets,
  });
  return { pipeline, rasters, ocrPoolUsage: () => textReader?.poolUsage() ?? [], close: async () => void (await Promise.all([textReader?.close(), cpu.close()])) };
}
