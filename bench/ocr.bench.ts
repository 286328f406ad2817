/**
 * `npm run bench:ocr`: our OCR (tesseract.js pool + preprocessing + tiling) against the native tesseract
 * CLI on ../shared/corpus/ocr. Prints throughput, ground-truth recall, cached re-scan speed-up and RSS.
 * Env: OCR_CORPUS_DIR (corpus folder), OCR_BENCH_POOL (threads/processes, default 2),
 * OCR_BENCH_OPTIONS (JSON merged into createTextReader options, for trying preprocessing settings),
 * OCR_BENCH_SKIP_NATIVE=1, OCR_BENCH_SKIP_FAST=1 (only the default profile), OCR_BENCH_DETAIL=1 (per-image rows).
 */
import type { CreateTextReaderOptions } from '@listinglens/ocr';
import { countFound, findCorpusDir, loadCorpus } from './ocr/ocr-corpus';
import { ensureNativeTesseract, runNativeTesseract } from './ocr/native-tesseract';
import { runOurPipeline } from './ocr/our-ocr-pipeline';

const LANGUAGES = ['eng', 'chi_sim'] as const;

async function main(): Promise<void> {
  const dir = findCorpusDir(process.cwd());
  if (!dir) {
    console.log('bench:ocr skipped: no OCR corpus (set OCR_CORPUS_DIR or put it at ../shared/corpus/ocr)');
    return;
  }
  const corpus = loadCorpus(dir);
  const paths = corpus.map((c) => c.path);
  const parallel = Number(process.env['OCR_BENCH_POOL'] ?? 2);
  const extra = JSON.parse(process.env['OCR_BENCH_OPTIONS'] ?? '{}') as CreateTextReaderOptions;
  const totalExpected = corpus.reduce((n, c) => n + c.expected.length, 0);
  console.log(`OCR corpus: ${corpus.length} images, ${totalExpected} ground-truth strings, ${dir}`);
  console.log(`languages ${LANGUAGES.join('+')}, ${parallel} parallel; options ${JSON.stringify(extra)}`);

  // First: it installs Debian's tesseract and data when missing, which the fast profile reads too.
  const nativeBin = process.env['OCR_BENCH_SKIP_NATIVE'] ? null : ensureNativeTesseract(LANGUAGES);
  const ours = await runOurPipeline(paths, { languages: [...LANGUAGES], poolSize: parallel, ...extra });
  const ourFound = corpus.map((c) => countFound(c.expected, ours.texts.get(c.path) ?? ''));
  // The fast profile too, in the same run, unless the options already chose one.
  const fast = extra.profile || process.env['OCR_BENCH_SKIP_FAST'] ? null : await runOurPipeline(paths, { languages: [...LANGUAGES], poolSize: parallel, ...extra, profile: 'fast' });
  const fastFound = fast ? corpus.map((c) => countFound(c.expected, fast.texts.get(c.path) ?? '')) : null;

  const native = nativeBin ? await runNativeTesseract(paths, LANGUAGES, parallel) : null;
  const nativeFound = native ? corpus.map((c) => countFound(c.expected, native.texts.get(c.path) ?? '')) : null;

  if (process.env['OCR_BENCH_DETAIL']) {
    console.log('\nimage                                   strings   ours  native');
    corpus.forEach((c, i) => {
      const n = nativeFound ? String(nativeFound[i]) : '-';
      console.log(`${c.file.padEnd(40)} ${String(c.expected.length).padStart(7)} ${String(ourFound[i]).padStart(6)} ${n.padStart(7)}`);
    });
  }

  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  const pct = (n: number): string => `${((100 * n) / totalExpected).toFixed(1)} %`;
  const ourRate = corpus.length / ours.firstSeconds;
  const fastRate = fast ? corpus.length / fast.firstSeconds : 0;
  const nativeRate = native ? corpus.length / native.seconds : 0;
  const rows: [string, string, string, string][] = [
    ['images/s (first scan)', ourRate.toFixed(3), fast ? fastRate.toFixed(3) : '-', native ? nativeRate.toFixed(3) : 'skipped'],
    ['wall time, s', ours.firstSeconds.toFixed(1), fast ? fast.firstSeconds.toFixed(1) : '-', native ? native.seconds.toFixed(1) : '-'],
    ['CPU time, s', ours.cpuSeconds.toFixed(1), fast ? fast.cpuSeconds.toFixed(1) : '-', native?.cpuSeconds != null ? native.cpuSeconds.toFixed(1) : '-'],
    ['ground-truth recall', pct(sum(ourFound)), fastFound ? pct(sum(fastFound)) : '-', nativeFound ? pct(sum(nativeFound)) : '-'],
    ['strings found', `${sum(ourFound)}/${totalExpected}`, fastFound ? `${sum(fastFound)}/${totalExpected}` : '-', nativeFound ? `${sum(nativeFound)}/${totalExpected}` : '-'],
    ['cached re-scan, s', ours.cachedSeconds.toFixed(4), fast ? fast.cachedSeconds.toFixed(4) : '-', '-'],
    ['peak RSS with pool, MB', String(ours.peakRssMb), fast ? String(fast.peakRssMb) : '-', '-'],
    ['per-image errors', String(ours.errors.size), fast ? String(fast.errors.size) : '-', '-'],
  ];
  const head = extra.profile ? `ours (${extra.profile})` : 'ours (accurate)';
  console.log(`\n${'metric'.padEnd(26)} ${head.padStart(20)} ${'ours (fast)'.padStart(12)} ${'native CLI'.padStart(12)}`);
  for (const [name, a, b, c] of rows) console.log(`${name.padEnd(26)} ${a.padStart(20)} ${b.padStart(12)} ${c.padStart(12)}`);
  if (native) {
    // On a shared machine wall time moves with other load; CPU time per image does not.
    const ratios = (label: string, run: typeof ours, rate: number) => {
      const cpu = native.cpuSeconds ? `, CPU ${(native.cpuSeconds / run.cpuSeconds).toFixed(2)}` : '';
      console.log(`throughput ratio ${label}/native: wall ${(rate / nativeRate).toFixed(2)}${cpu} (target ≥ 0.9)`);
    };
    console.log('');
    ratios(head, ours, ourRate);
    if (fast) ratios('ours (fast)', fast, fastRate);
  }
  console.log(`cached re-scan speed-up: ${Math.round(ours.firstSeconds / Math.max(ours.cachedSeconds, 1e-6))}× (target ≥ 50)`);
  for (const [path, err] of ours.errors) console.log(`error ${path}: ${err}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
