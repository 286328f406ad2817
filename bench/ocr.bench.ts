/**
 * `npm run bench:ocr`: in one run on ../shared/corpus/ocr, both cores: the PP-OCR reader (default), the
 * tesseract.js reader and the native tesseract CLI (2 processes, eng+chi_sim, the yardstick); recall of
 * ground-truth strings overall and per group, images/s, CPU seconds, peak RSS; the Korean pages through
 * the kor path; and the end-to-end scan (OCR + every detector + AI signals) in images/s.
 * Env: OCR_CORPUS_DIR, OCR_BENCH_POOL (threads/processes, default 2), OCR_BENCH_OPTIONS (JSON merged into
 * the PP-OCR reader's options, e.g. {"ppocr":{"limitSide":1280}}), OCR_BENCH_SKIP_TESSERACT=1,
 * OCR_BENCH_SKIP_NATIVE=1, OCR_BENCH_SKIP_E2E=1, OCR_BENCH_SKIP_STAGES=1, OCR_BENCH_DETAIL=1 (per-image rows).
 * `ppu-paddle-ocr` (same PP-OCRv4 weights, another runtime) is read beside them when installed, never as a
 * dependency: PPU_PADDLE_OCR_DIR=<folder where `npm install ppu-paddle-ocr@6.3.0` ran>.
 */
import type { CreateTextReaderOptions } from '@listinglens/ocr';
import { GROUPS, groupOf } from './ocr/corpus-groups';
import { runEndToEnd } from './ocr/end-to-end-scan';
import { countFound, findCorpusDir, loadCorpus } from './ocr/ocr-corpus';
import { ensureNativeTesseract, runNativeTesseract } from './ocr/native-tesseract';
import { peakRssReading } from './ocr/memory-cases';
import { runOurPipeline } from './ocr/our-ocr-pipeline';
import { printStages, profileEngine } from './ocr/engine-profile';
import { findPpuPaddleOcr, runPpuPaddleOcr } from './ocr/ppu-paddle-ocr';

const LANGUAGES = ['eng', 'chi_sim'] as const;

interface Column {
  name: string;
  texts: Map<string, string>;
  seconds: number;
  cpuSeconds: number | null;
  peakRssMb: number | null;
}

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
  console.log(`OCR corpus: ${corpus.length} images, ${dir}; languages ${LANGUAGES.join('+')}, ${parallel} parallel; options ${JSON.stringify(extra)}`);

  const nativeBin = process.env['OCR_BENCH_SKIP_NATIVE'] ? null : ensureNativeTesseract(LANGUAGES);
  const columns: Column[] = [];
  const ppocr = await runOurPipeline(paths, { engine: 'ppocr', languages: [...LANGUAGES], poolSize: parallel, ...extra });
  columns.push({ name: 'PP-OCR', texts: ppocr.texts, seconds: ppocr.firstSeconds, cpuSeconds: ppocr.cpuSeconds, peakRssMb: ppocr.peakRssMb });
  if (!process.env['OCR_BENCH_SKIP_TESSERACT']) {
    const tess = await runOurPipeline(paths, { engine: 'tesseract', languages: [...LANGUAGES], poolSize: parallel });
    columns.push({ name: 'tesseract.js', texts: tess.texts, seconds: tess.firstSeconds, cpuSeconds: tess.cpuSeconds, peakRssMb: tess.peakRssMb });
  }
  if (nativeBin) {
    const native = await runNativeTesseract(paths, LANGUAGES, parallel);
    columns.push({ name: 'native CLI', texts: native.texts, seconds: native.seconds, cpuSeconds: native.cpuSeconds, peakRssMb: null });
  }
  const ppuEntry = findPpuPaddleOcr(process.cwd());
  if (ppuEntry) {
    const ppu = await runPpuPaddleOcr(ppuEntry, paths, parallel);
    columns.push({ name: 'ppu-paddle-ocr', texts: ppu.texts, seconds: ppu.seconds, cpuSeconds: ppu.cpuSeconds, peakRssMb: null });
  } else {
    console.log('ppu-paddle-ocr not installed: its column is left out (bench-only; set PPU_PADDLE_OCR_DIR)');
  }
  // The Korean pages through the configured path: PP-OCR with kor, unsure lines re-read by tesseract.js.
  const korean = corpus.filter((c) => groupOf(c) === 'Korean');
  const withKor = korean.length ? await runOurPipeline(korean.map((c) => c.path), { engine: 'ppocr', languages: [...LANGUAGES, 'kor'], poolSize: parallel, ...extra }) : null;

  const found = (col: Column) => corpus.map((c) => countFound(c.expected, col.texts.get(c.path) ?? ''));
  const counts = columns.map(found);
  if (process.env['OCR_BENCH_DETAIL']) {
    console.log(`\n${'image'.padEnd(40)} ${'strings'.padStart(7)} ${columns.map((c) => c.name.padStart(13)).join('')}`);
    corpus.forEach((c, i) => console.log(`${c.file.padEnd(40)} ${String(c.expected.length).padStart(7)} ${counts.map((n) => String(n[i]).padStart(13)).join('')}`));
  }

  const row = (label: string, cells: string[]) => console.log(`${label.padEnd(30)} ${cells.map((c) => c.padStart(19)).join('')}`);
  const recall = (n: number[], pick: (i: number) => boolean) => {
    let got = 0, total = 0;
    corpus.forEach((c, i) => {
      if (!pick(i)) return;
      got += n[i];
      total += c.expected.length;
    });
    return total ? `${((100 * got) / total).toFixed(1)} % (${got}/${total})` : '-';
  };
  console.log('');
  row('', columns.map((c) => c.name));
  row('recall, all strings', counts.map((n) => recall(n, () => true)));
  for (const group of GROUPS) row(`  ${group}`, counts.map((n) => recall(n, (i) => groupOf(corpus[i]) === group)));
  row('images/s', columns.map((c) => (corpus.length / c.seconds).toFixed(3)));
  row('wall s', columns.map((c) => c.seconds.toFixed(1)));
  row('CPU s', columns.map((c) => (c.cpuSeconds === null ? '-' : c.cpuSeconds.toFixed(1))));
  row('peak RSS, MB (with pool)', columns.map((c) => (c.peakRssMb === null ? '-' : String(c.peakRssMb))));
  if (withKor) {
    const got = korean.reduce((s, c) => s + countFound(c.expected, withKor.texts.get(c.path) ?? ''), 0);
    const total = korean.reduce((s, c) => s + c.expected.length, 0);
    console.log(`\nKorean pages with OCR_LANGUAGES=eng,chi_sim,kor (PP-OCR, unsure lines re-read by tesseract.js kor): ${((100 * got) / total).toFixed(1)} % (${got}/${total}), ${withKor.firstSeconds.toFixed(1)} s`);
  }
  const native = columns.find((c) => c.name === 'native CLI');
  if (native) {
    const nativeRate = corpus.length / native.seconds;
    for (const c of columns.filter((x) => x !== native)) {
      const cpu = c.cpuSeconds && native.cpuSeconds ? `, CPU ${(native.cpuSeconds / c.cpuSeconds).toFixed(2)}` : '';
      console.log(`OCR throughput ${c.name}/native: wall ${(corpus.length / c.seconds / nativeRate).toFixed(2)}${cpu}`);
    }
    if (!process.env['OCR_BENCH_SKIP_E2E']) {
      const e2e = await runEndToEnd(paths, parallel);
      console.log(`end-to-end scan (OCR + detectors + AI signals): ${e2e.imagesPerSecond.toFixed(3)} images/s = ${(e2e.imagesPerSecond / nativeRate).toFixed(2)}× the native CLI's OCR (target ≥ 0.8); ${e2e.findings} findings, ${e2e.errors} image errors`);
    }
  }
  const ppuColumn = columns.find((c) => c.name === 'ppu-paddle-ocr');
  const ours = columns[0];
  if (ppuColumn?.cpuSeconds && ours.cpuSeconds) {
    // Its CPU counts reads only; ours also counts the pool's model loading.
    console.log(`OCR throughput PP-OCR/ppu-paddle-ocr: wall ${(ppuColumn.seconds / ours.seconds).toFixed(2)}, CPU ${(ppuColumn.cpuSeconds / ours.cpuSeconds).toFixed(2)}`);
  }
  if (!process.env['OCR_BENCH_SKIP_STAGES']) {
    console.log('');
    printStages((await profileEngine(corpus)).probe, 'PP-OCR stages over the corpus');
  }
  for (const [w, h, label] of [[750, 12000, 'tall page'], [7000, 5000, '35 MP scan']] as const) {
    const m = await peakRssReading(w, h);
    console.log(`PP-OCR ${label} ${w}×${h}: peak RSS with a 2-process pool ${m.mb} MB, ${m.lines} lines, ${m.seconds.toFixed(1)} s`);
  }
  console.log(`PP-OCR cached re-scan: ${ppocr.cachedSeconds.toFixed(4)} s (${Math.round(ppocr.firstSeconds / Math.max(ppocr.cachedSeconds, 1e-6))}× faster)`);
  for (const [path, err] of ppocr.errors) console.log(`error ${path}: ${err}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
