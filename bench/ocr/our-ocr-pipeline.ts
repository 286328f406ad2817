import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type CreateTextReaderOptions, createTextReader } from '@listinglens/ocr';
import { type AnalyzedImage, NO_PDQ, type OcrResult } from '@listinglens/pipeline';
import sharp from 'sharp';
import { reapedChildCpuSeconds, treeRssMb } from './process-tree';

export interface OurRun {
  firstSeconds: number;
  /** CPU time of this process (main thread, OCR worker threads, sharp) during the first scan, plus its
   * OCR child processes (PP-OCR) over the whole run, model loading included. */
  cpuSeconds: number;
  cachedSeconds: number;
  peakRssMb: number;
  texts: Map<string, string>;
  errors: Map<string, string>;
}

async function analysed(path: string, position: number): Promise<AnalyzedImage> {
  const bytes = readFileSync(path);
  const meta = await sharp(bytes).metadata();
  return {
    position,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    format: 'png',
    width: meta.autoOrient?.width ?? meta.width ?? 0,
    height: meta.autoOrient?.height ?? meta.height ?? 0,
    phash: '0000000000000000',
    ...NO_PDQ,
  };
}

/**
 * Reads every image once through our reader (all submitted at once, as a worker does with a listing's
 * images; the pool spreads them over its threads), then reads them all again to time the cache. The
 * pool is started before the clock runs: a service starts it once, not per image.
 */
export async function runOurPipeline(paths: readonly string[], options: CreateTextReaderOptions): Promise<OurRun> {
  const images = await Promise.all(paths.map((p, i) => analysed(p, i)));
  const reader = createTextReader(options);
  const childCpu0 = reapedChildCpuSeconds();
  let peakRss = treeRssMb();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, treeRssMb());
  }, 100);
  const texts = new Map<string, string>();
  const errors = new Map<string, string>();
  let t0 = 0, t1 = 0, t2 = 0;
  let cpu: NodeJS.CpuUsage;
  try {
    await reader.warmUp();
    const readAll = (): Promise<PromiseSettledResult<OcrResult>[]> =>
      Promise.allSettled(images.map((image) => reader.read(image)));
    t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const first = await readAll();
    cpu = process.cpuUsage(cpu0);
    t1 = performance.now();
    await readAll();
    t2 = performance.now();
    first.forEach((outcome, i) => {
      if (outcome.status === 'fulfilled') texts.set(paths[i], outcome.value.text);
      else errors.set(paths[i], String(outcome.reason));
    });
  } finally {
    clearInterval(sampler);
    await reader.close();
  }
  // SIGKILLed children are reaped asynchronously; give them a moment before reading their CPU time.
  await new Promise((r) => setTimeout(r, 300));
  return {
    firstSeconds: (t1 - t0) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6 + (reapedChildCpuSeconds() - childCpu0),
    cachedSeconds: (t2 - t1) / 1000,
    peakRssMb: peakRss,
    texts,
    errors,
  };
}
