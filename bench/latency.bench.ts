/**
 * `npm run bench:latency`: how long a listing waits for its scan, for 1-image and 10-image listings, on
 * an idle and on a loaded scanner (another 10-image listing scanning beside it, as a worker with
 * WORKER_CONCURRENCY=2 runs), p50 and p95; then the peak RSS (this process and its OCR processes) over
 * the hostile-image drill's set scanned two listings at a time with 2 OCR processes.
 *
 * In-process: createScanner + pipeline.scan, the worker's scan path without BullMQ and PostgreSQL (their
 * share of ingest → scan.completed is small beside OCR, and is measured by bench:ingest). Each phase has
 * a fresh scanner (no OCR cache carried over) and distinct corpus images per listing within a phase.
 * Runs against any build: copy dist/bench/latency.bench.js into another tree's dist/bench for a before/after.
 * A figure to read, not a test: noisy while other work shares the machine.
 */
import { readFileSync } from 'node:fs';
import { InMemoryPhashIndex } from '@listinglens/ai-signals';
import { createScanner, DEFAULT_SCANNER_OPTIONS, type Scanner } from '@listinglens/scanner';
import { findCorpusDir, loadCorpus } from './ocr/ocr-corpus';
import { treeRssMb } from './ocr/process-tree';
import { hostileImages } from '../test/drills/support/hostile-images';

const LISTING = { marketplace: 'bench', sellerId: 's', title: 'bench', price: { amount: '9.99', currency: 'EUR' } };

const fresh = () => createScanner(DEFAULT_SCANNER_OPTIONS, { ocr: { poolSize: 2 }, phashIndex: new InMemoryPhashIndex() });

async function timeScan(scanner: Scanner, id: string, images: Buffer[]): Promise<number> {
  const started = performance.now();
  await scanner.pipeline.scan({ ...LISTING, externalId: id, listingId: id }, images.map((bytes) => ({ kind: 'inline' as const, bytes })));
  return (performance.now() - started) / 1000;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/** Listings of `size` images cut from the corpus in order (distinct images, so no OCR cache hit). */
function listings(corpus: Buffer[], size: number, count: number, offset = 0): Buffer[][] {
  return Array.from({ length: count }, (_, i) => Array.from({ length: size }, (_, j) => corpus[(offset + i * size + j) % corpus.length]));
}

async function phase(name: string, size: number, count: number, corpus: Buffer[], loaded: boolean): Promise<void> {
  const scanner = await fresh();
  try {
    await timeScan(scanner, 'warm-up', [await (await import('sharp')).default({ create: { width: 64, height: 64, channels: 3, background: '#fff' } }).png().toBuffer()]);
    let stop = false;
    // The load: 10-image listings of the other corpus half, one after another, beside the measured scans.
    const load = loaded
      ? (async () => {
          for (let i = 0; !stop; i++) await timeScan(scanner, `load-${i}`, listings(corpus, 10, 1, corpus.length / 2 + i * 10)[0]);
        })()
      : Promise.resolve();
    const seconds: number[] = [];
    for (const [i, images] of listings(corpus.slice(0, Math.floor(corpus.length / 2)), size, count).entries()) seconds.push(await timeScan(scanner, `${name}-${i}`, images));
    stop = true;
    await load;
    console.log(`${name.padEnd(24)} n=${String(count).padStart(2)}  p50 ${pct(seconds, 50).toFixed(2).padStart(6)} s  p95 ${pct(seconds, 95).toFixed(2).padStart(6)} s  (${seconds.map((s) => s.toFixed(1)).join(' ')})`);
  } finally {
    await scanner.close();
  }
}

async function main(): Promise<void> {
  const dir = findCorpusDir(process.cwd());
  if (!dir) return console.log('bench:latency skipped: no OCR corpus (set OCR_CORPUS_DIR or put it at ../shared/corpus/ocr)');
  const corpus = loadCorpus(dir).map((c) => readFileSync(c.path));
  console.log(`bench:latency: ${corpus.length} corpus images; OCR pool 2; in-process scans (no queue, no database)`);
  await phase('1 image, idle', 1, 8, corpus, false);
  await phase('1 image, loaded', 1, 6, corpus, true);
  await phase('10 images, idle', 10, 3, corpus, false);
  await phase('10 images, loaded', 10, 2, corpus, true);

  const hostile = await hostileImages();
  const scanner = await fresh();
  let peak = treeRssMb();
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssMb())), 50);
  const started = performance.now();
  try {
    const queue = hostile.map((h, i) => ({ h, i }));
    const lane = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await timeScan(scanner, `hostile-${next.i}`, [next.h.bytes]);
    };
    await Promise.all([lane(), lane()]);
  } finally {
    clearInterval(sampler);
    await scanner.close();
  }
  console.log(`hostile drill set: ${hostile.length} images, 2 at a time, OCR pool 2: peak RSS ${peak} MB (process + OCR processes), ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
