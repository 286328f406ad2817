import {
  type Detector,
  ImageLoader,
  SafeHttpFetcher,
  ScanPipeline,
  SharpImageDecoder,
  type TextReader,
} from '@listinglens/pipeline';
import { createAiDetectors, type PhashIndex } from '@listinglens/ai-signals';
import type { ScannerOptions } from './scanner-options';

export interface Scanner {
  pipeline: ScanPipeline;
  /** Releases pools (OCR workers); call once when the process is done scanning. */
  close(): Promise<void>;
}

export interface ScannerServices {
  /** Stored images of other listings (service only): enables `image.reused`. */
  phashIndex?: PhashIndex;
}

/** The one place the pipeline is assembled, so the worker and the CLI scan exactly alike. */
export async function createScanner(options: ScannerOptions, services: ScannerServices = {}): Promise<Scanner> {
  const fetcher = new SafeHttpFetcher({
    allowHosts: options.allowHosts,
    timeoutMs: options.fetchTimeoutMs,
    maxBytes: options.maxImageBytes,
    maxRedirects: 3,
  });
  const detectors: Detector[] = [...createAiDetectors({ phashIndex: services.phashIndex })];
  const textReader: TextReader | undefined = undefined;
  const pipeline = new ScanPipeline({
    loader: new ImageLoader(fetcher, options.maxImageBytes, options.pathBase),
    decoder: new SharpImageDecoder({ maxPixels: options.maxImagePixels }),
    detectors,
    textReader,
    concurrency: options.imageConcurrency,
  });
  return { pipeline, close: async () => undefined };
}
