/**
 * `node dist/bench/ocr-engine.bench.js [VARIANT_JSON ...]`: one PP-OCR engine in this process reads the
 * corpus as the reader did before issue 22 (whole lines, padded to 320 columns), then once per variant (`{"settings": {...}, "runtime": {...}}`, e.g.
 * `'{"settings":{"recognition":{"gap":48}}}'` or `'{"runtime":{"memArena":false}}'`). Prints each run's
 * stage table, padding share, CPU seconds and recall, and, line by line against today's settings, the
 * share of detected lines that read the same and the changed lines that lost a "-" or a "%".
 */
import type { RuntimeOptions } from '../libs/ocr/src/lib/paddle/ppocr-engine';
import { type EngineProfile, lineAgreement, printStages, profileEngine, type SettingsOverride } from './ocr/engine-profile';
import { countFound, findCorpusDir, loadCorpus } from './ocr/ocr-corpus';

interface Variant {
  settings?: SettingsOverride;
  runtime?: RuntimeOptions;
}

async function main(): Promise<void> {
  const dir = findCorpusDir(process.cwd());
  if (!dir) return void console.log('ocr-engine bench skipped: no OCR corpus (OCR_CORPUS_DIR or ../shared/corpus/ocr)');
  const corpus = loadCorpus(dir);
  const total = corpus.reduce((s, c) => s + c.expected.length, 0);
  // Today's reading: every line whole, short lines padded to 320 columns.
  const today: Variant = { settings: { recognition: { maxWidth: 1e9, gap: 0, minWidth: 320 } } };
  const variants = [today, ...process.argv.slice(2).map((a) => JSON.parse(a) as Variant)];
  let baseline: EngineProfile | null = null;
  for (const variant of variants) {
    const label = JSON.stringify(variant);
    const run = await profileEngine(corpus, variant.settings, variant.runtime);
    const found = corpus.reduce((s, c) => s + countFound(c.expected, run.texts.get(c.path) ?? ''), 0);
    console.log(`\n${label}: recall ${((100 * found) / total).toFixed(1)} % (${found}/${total}), CPU ${run.cpuSeconds.toFixed(1)} s, wall ${run.wallSeconds.toFixed(1)} s, RSS ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
    printStages(run.probe, label);
    if (baseline) {
      const { same, total: lines, differing } = lineAgreement(baseline.reads, run.reads);
      const lostMark = differing.filter(([a, b]) => (a.includes('-') && !b.includes('-')) || (a.includes('%') && !b.includes('%')));
      console.log(`  lines reading the same as today: ${((100 * same) / lines).toFixed(2)} % (${same}/${lines}); changed lines that lost "-" or "%": ${lostMark.length}`);
      for (const [a, b] of differing.slice(0, Number(process.env['OCR_BENCH_SHOW'] ?? 15))) console.log(`    ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
    } else {
      baseline = run;
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
