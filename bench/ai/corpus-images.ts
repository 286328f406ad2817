import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SharpImageDecoder, sniffFormat, type AnalyzedImage } from '@listinglens/pipeline';

/** ../shared/corpus beside the repository (LISTINGLENS_CORPUS overrides); null when absent. */
export function corpusDir(): string | null {
  const dir = process.env['LISTINGLENS_CORPUS'] ?? resolve(process.cwd(), '../shared/corpus');
  return existsSync(dir) ? dir : null;
}

export interface ManifestRow {
  file: string;
  expectedLabel: string;
  signal: string;
}

export function readManifest(dir: string): ManifestRow[] {
  const lines = readFileSync(join(dir, 'manifest.tsv'), 'utf8').trim().split('\n');
  const header = lines[0].split('\t');
  const col = (name: string) => header.indexOf(name);
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    return { file: cells[0], expectedLabel: cells[col('expected_label')] ?? '', signal: cells[col('signal')] ?? '' };
  });
}

const decoder = new SharpImageDecoder({ maxPixels: 100_000_000 });

/** Builds what the pipeline hands detectors, with the pipeline's own sniffing and pHash. */
export async function analyzedImage(bytes: Buffer, position = 0): Promise<AnalyzedImage> {
  const format = sniffFormat(bytes);
  if (!format) throw new Error('not an image');
  const info = await decoder.inspect(bytes);
  return {
    position,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    format,
    width: info.width,
    height: info.height,
    phash: info.phash,
    pdq: info.pdq,
    pdqQuality: info.pdqQuality,
    pdqVariants: info.pdqVariants,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
