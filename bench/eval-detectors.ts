/**
 * `npm run eval:detectors`: the text detectors on the evaluation set of issue 21 (fakes planted on the
 * real product photos in ../shared/corpus/products, and negatives a reviewer would leave alone), each
 * case scanned as a one-image listing through the CLI's scanner (createScanner: the PP-OCR reader, every
 * detector). Then the corpus photos as they are. Skips when the corpus is absent.
 *
 * Flags: --seed N (21) --limit N --kind CODE|negative --lang en|zh|ja|ko --concurrency N (2)
 *        --ocr-cache DIR (words per image on disk: a rerun after a detector change skips OCR)
 *        --dump DIR (the rendered images, to look at)
 *        --engine ppocr|tesseract (OCR_ENGINE; default ppocr, as deployed)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MemoryOcrCache, OCR_ENGINES, type OcrEngineName, type OcrLanguage } from '@listinglens/ocr';
import { createScanner, DEFAULT_SCANNER_OPTIONS } from '@listinglens/scanner';
import type { ListingFields } from '@listinglens/contracts';
import { corpusDir } from './ai/corpus-images';
import { buildEvalCases, type EvalCase, READER_LANGUAGES, readerGroup } from './detectors/eval-cases';
import { TEXT_CODES, type TextCode } from './detectors/eval-phrases';
import { type CaseResult, readText, report } from './detectors/eval-report';
import { FileOcrCache, RecordingOcrCache } from './detectors/ocr-file-cache';
import { renderEvalCase, requireEvalFonts } from './detectors/render-eval-case';

interface Job {
  c: EvalCase;
  /** Makes the image when its turn comes (500 rendered photos at once would hold ~1 GB). */
  render: () => Promise<Buffer>;
}

const { values: flags } = parseArgs({
  options: {
    seed: { type: 'string', default: '21' },
    limit: { type: 'string' },
    kind: { type: 'string' },
    lang: { type: 'string' },
    concurrency: { type: 'string', default: '2' },
    'ocr-cache': { type: 'string' },
    dump: { type: 'string' },
    engine: { type: 'string', default: 'ppocr' },
  },
});

async function main(): Promise<void> {
  const corpus = corpusDir();
  if (!corpus) {
    console.log('eval:detectors skipped: ../shared/corpus not found (set LISTINGLENS_CORPUS to point at it).');
    return;
  }
  requireEvalFonts();
  const dir = join(corpus, 'products');
  const [header, ...manifest] = readFileSync(join(dir, 'manifest.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
  const described = header.indexOf('description');
  const clean = manifest.filter((row) => !row[0].startsWith('PROMO_')).map((row) => row[0]);
  const seed = Number(flags.seed);
  const engine = flags.engine as OcrEngineName;
  if (!(OCR_ENGINES as readonly string[]).includes(engine)) throw new Error(`--engine must be one of ${OCR_ENGINES.join(', ')}`);
  let cases = buildEvalCases(seed, clean).filter((c) => (!flags.kind || c.kind === flags.kind) && (!flags.lang || c.lang === flags.lang));
  if (flags.limit) cases = spread(cases, Number(flags.limit));
  const concurrency = Math.max(1, Number(flags.concurrency));
  const started = performance.now();

  const photos = new Map(manifest.map((row) => [row[0], readFileSync(join(dir, row[0]))]));
  const dump = flags.dump;
  if (dump) mkdirSync(dump, { recursive: true });
  const jobs: Job[] = cases.map((c) => ({
    c,
    render: async () => {
      const bytes = await renderEvalCase(c, photos.get(c.photo) as Buffer);
      if (dump) writeFileSync(join(dump, `${c.id.replace(/\//g, '_')}.${c.output.format === 'jpeg' ? 'jpg' : 'png'}`), bytes);
      return bytes;
    },
  }));

  const results: CaseResult[] = [];
  const untouched: { file: string; result: CaseResult }[] = [];
  const timings: string[] = [];
  const groups = [...new Set(jobs.map((j) => readerGroup(j.c)))];
  if (!groups.includes(READER_LANGUAGES.en.join('+'))) groups.unshift(READER_LANGUAGES.en.join('+'));
  for (const group of groups) {
    const began = performance.now();
    const languages = group.split('+') as OcrLanguage[];
    const cache = new RecordingOcrCache(flags['ocr-cache'] ? new FileOcrCache(flags['ocr-cache']) : new MemoryOcrCache(10_000));
    const scanner = await createScanner({ ...DEFAULT_SCANNER_OPTIONS }, { ocr: { engine, languages }, ocrCache: cache });
    try {
      const groupJobs = jobs.filter((j) => readerGroup(j.c) === group);
      results.push(...(await scanAll(scanner, cache, groupJobs, concurrency)));
      if (group === READER_LANGUAGES.en.join('+')) {
        // The corpus photos as they are, with a listing whose price they do not show.
        const asIs = manifest.map((row): Job => ({ c: untouchedCase(row[0], row[described] ?? ''), render: async () => photos.get(row[0]) as Buffer }));
        const scanned = await scanAll(scanner, cache, asIs, concurrency);
        scanned.forEach((result, i) => untouched.push({ file: manifest[i][0], result }));
      }
    } finally {
      await scanner.close();
    }
    timings.push(`${group}: ${((performance.now() - began) / 1000).toFixed(1)} s (OCR cache ${cache.hits} hits, ${cache.misses} misses)`);
  }

  console.log(`eval:detectors — seed ${seed}, ${cases.length} cases (${cases.filter((c) => c.kind !== 'negative').length} positive, ${cases.filter((c) => c.kind === 'negative').length} negative) on ${clean.length} corpus product photos`);
  console.log(`readers (${engine}): en/zh ${READER_LANGUAGES.en.join('+')}, ja ${READER_LANGUAGES.ja.join('+')}, ko ${READER_LANGUAGES.ko.join('+')} (OCR_LANGUAGES as a ja/ko deployment sets it)\n`);
  console.log(report(results));
  console.log('\ncorpus product photos as they are (listing 49.99 USD):');
  const cleanFlagged = untouched.filter((u) => !u.file.startsWith('PROMO_') && u.result.found.length > 0);
  for (const u of untouched) {
    const mark = u.file.startsWith('PROMO_') ? 'promo' : 'clean';
    console.log(`  ${mark} ${u.file}: ${u.result.found.join(', ') || '-'}${u.result.found.length ? `  (${u.result.evidence.join('; ')})` : ''}`);
    if (u.result.found.length) console.log(`      read: ${readText(u.result.ocr)}`);
  }
  console.log(`clean photos flagged: ${cleanFlagged.length} of ${untouched.filter((u) => !u.file.startsWith('PROMO_')).length}`);
  console.log(`\ntime (rendering included): ${timings.join('; ')}; total ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (dump) console.log(`rendered images in ${dump}`);
}

type Scanner = Awaited<ReturnType<typeof createScanner>>;

/** Scans each job as a one-image listing, `concurrency` listings at a time (as a worker's WORKER_CONCURRENCY). */
async function scanAll(scanner: Scanner, cache: RecordingOcrCache, jobs: readonly Job[], concurrency: number): Promise<CaseResult[]> {
  const out: CaseResult[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < jobs.length; i = next++) {
      const { c, render } = jobs[i];
      const bytes = await render();
      const outcome = await scanner.pipeline.scan({ ...c.listing, listingId: c.id }, [{ kind: 'inline', bytes }]);
      const text = outcome.findings.filter((f): f is typeof f & { code: TextCode } => (TEXT_CODES as readonly string[]).includes(f.code));
      const image = outcome.images[0];
      out[i] = {
        c,
        found: [...new Set(text.map((f) => f.code))],
        evidence: text.map((f) => `${f.code}: ${evidenceText(f.evidence)}`),
        ocr: (image.sha256 && cache.bySha.get(image.sha256)) || null,
        error: image.error ? `${image.error.code} ${image.error.message}` : null,
      };
      if (++done % 25 === 0) process.stderr.write(`  ${done}/${jobs.length}\n`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return out;
}

function evidenceText(evidence: unknown): string {
  const e = evidence as { text?: string; value?: string };
  return JSON.stringify(e.text ?? e.value ?? '');
}

function untouchedCase(file: string, description: string): EvalCase {
  const listing: ListingFields = { marketplace: 'demo-us', externalId: file, sellerId: 'corpus', title: description.slice(0, 80) || file, price: { amount: '49.99', currency: 'USD' } };
  return {
    id: `corpus/${file}`,
    kind: 'negative',
    negative: 'clean',
    lang: 'en',
    photo: file,
    placement: 'none',
    lines: [],
    extras: [],
    expect: [],
    allow: [],
    listing,
    style: { fontShare: 0, palette: 0, rotation: 0, posX: 0, posY: 0, corner: 0, visibleTail: 0, latinFont: 'zenhei', bold: false },
    output: { format: 'png', quality: 0, scale: 1 },
  };
}

/** N cases spread over the whole set (every kind keeps its share), not the first N. */
function spread<T>(items: readonly T[], n: number): T[] {
  if (n >= items.length) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
