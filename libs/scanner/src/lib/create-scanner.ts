import {
  type Detector,
  ImageLoader,
  SafeHttpFetcher,
  ScanPipeline,
  SharpImageDecoder,
  type TextReader,
} from '@listinglens/pipeline';
import type { ScannerOptions } from './scanner-options';

export interface Scanner {
  pipeline: ScanPipeline;
  /** Releases pools (OCR workers); call once when the process is done scanning. */
  close(): Promise<void>;
}

/** The one place the pipeline is assembled, so the worker and the CLI scan exactly alike. */
export async function createScanner(options: ScannerOptions): Promise<Scanner> {
  const fetcher = new SafeHttpFetcher({
    allowHosts: options.allowHosts,
    timeoutMs: options.fetchTimeoutMs,
    maxBytes: options.maxImageBytes,
    maxRedirects: 3,
  });
  const detectors: Detector[] = [];
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
