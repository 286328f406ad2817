import { createAiDetectors, type PhashIndex } from '@listinglens/ai-signals';
import { createTextReader, type CreateTextReaderOptions, type OcrCache } from '@listinglens/ocr';
import { ImageLoader, SafeHttpFetcher, ScanPipeline, SharpImageDecoder } from '@listinglens/pipeline';
import { createTextDetectors } from '@listinglens/text-detectors';
import type { ScannerOptions } from './scanner-options';

export interface Scanner {
  pipeline: ScanPipeline;
  /** Releases pools (OCR workers); call once when the process is done scanning. */
  close(): Promise<void>;
}

export interface ScannerServices {
  /** Stored images of other listings (service only): enables `image.reused`. */
  phashIndex?: PhashIndex;
  /** Where OCR results are cached (the service shares one in Redis); default: in memory. */
  ocrCache?: OcrCache;
  /** OCR settings (languages, pool size, timeout…); false turns OCR and the text detectors off. */
  ocr?: Omit<CreateTextReaderOptions, 'cache'> | false;
}

/** The one place the pipeline is assembled, so the worker and the CLI scan exactly alike. */
export async function createScanner(options: ScannerOptions, services: ScannerServices = {}): Promise<Scanner> {
  const fetcher = new SafeHttpFetcher({
    allowHosts: options.allowHosts,
    timeoutMs: options.fetchTimeoutMs,
    maxBytes: options.maxImageBytes,
    maxRedirects: 3,
  });
  const textReader = services.ocr === false ? undefined : createTextReader({ ...services.ocr, cache: services.ocrCache });
  const pipeline = new ScanPipeline({
    loader: new ImageLoader(fetcher, options.maxImageBytes, options.pathBase),
    decoder: new SharpImageDecoder({ maxPixels: options.maxImagePixels }),
    detectors: [...(textReader ? createTextDetectors() : []), ...createAiDetectors({ phashIndex: services.phashIndex })],
    textReader,
    concurrency: options.imageConcurrency,
  });
  return { pipeline, close: async () => textReader?.close() };
}
