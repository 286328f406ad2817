/**
 * `npm run bench:e2e-scan`: the end-to-end CLI scan (`listinglens scan`, every detector, PP-OCR pool of 2)
 * against the native tesseract 5.3 CLI (eng+chi_sim, 2 lanes, the yardstick of bench:ocr) on the same
 * images of ../shared/corpus/ocr, in the same run: images/s, wall and CPU seconds, and the ratio.
 * Each image is one listing, inline, all in one JSONL file, as a marketplace export would be.
 * Env: OCR_CORPUS_DIR; E2E_BENCH_ORDER=cli-first to run the CLI before the native CLI.
 * A figure to read, not a test: noisy while other work shares the machine.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCorpusDir, loadCorpus } from './ocr/ocr-corpus';
import { ensureNativeTesseract, runNativeTesseract } from './ocr/native-tesseract';

const LANGUAGES = ['eng', 'chi_sim'] as const;

interface Run {
  seconds: number;
  cpuSeconds: number | null;
}

/** CPU ticks (user + system, 100 Hz) of a process and its descendants, as last seen; pid → ticks. */
function sampleTree(pid: number, seen: Map<number, number>): void {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    seen.set(pid, Number(f[11]) + Number(f[12]));
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      for (const child of readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) sampleTree(Number(child), seen);
    }
  } catch {
    // exited between listing and reading
  }
}

/**
 * Runs the built CLI on the file. Its CPU figure is sampled from /proc every 100 ms over the CLI and its
 * OCR processes (the CLI exits without waiting for them, so they never reach our cutime).
 */
function runCli(file: string): Promise<Run & { code: number | null; summary: string }> {
  return new Promise((resolve, reject) => {
    const seen = new Map<number, number>();
    const started = performance.now();
    const child = spawn(process.execPath, [join(process.cwd(), 'dist/apps/cli/src/main.js'), file, '--format', 'json', '--out', join(tmpdir(), 'll-e2e-bench.json')], { stdio: ['ignore', 'ignore', 'pipe'] });
    const sampler = setInterval(() => child.pid && sampleTree(child.pid, seen), 100);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      const cpuSeconds = [...seen.values()].reduce((a, b) => a + b, 0) / 100;
      resolve({ code, seconds: (performance.now() - started) / 1000, cpuSeconds, summary: stderr.trim().split('\n').at(-1) ?? '' });
    });
  });
}

async function main(): Promise<void> {
  const dir = findCorpusDir(process.cwd());
  if (!dir) return console.log('bench:e2e-scan skipped: no OCR corpus (set OCR_CORPUS_DIR or put it at ../shared/corpus/ocr)');
  const paths = loadCorpus(dir).map((c) => c.path);
  const native = ensureNativeTesseract(LANGUAGES);
  if (!native) return console.log('bench:e2e-scan skipped: no native tesseract with eng+chi_sim (apt tesseract-ocr-eng tesseract-ocr-chi-sim)');
  const file = join(mkdtempSync(join(tmpdir(), 'll-e2e-')), 'listings.jsonl');
  writeFileSync(
    file,
    paths
      .map((p, i) => JSON.stringify({ marketplace: 'bench', externalId: String(i), sellerId: `s${i}`, title: 'bench', price: { amount: '9.99', currency: 'EUR' }, images: [{ dataBase64: readFileSync(p).toString('base64') }] }))
      .join('\n'),
  );
  console.log(`bench:e2e-scan: ${paths.length} images of ${dir}, one listing each, in one run`);
  const cliFirst = process.env['E2E_BENCH_ORDER'] === 'cli-first';
  let cli: Awaited<ReturnType<typeof runCli>> | null = null;
  if (cliFirst) cli = await runCli(file);
  const yard = await runNativeTesseract(paths, LANGUAGES, 2);
  if (!cliFirst) cli = await runCli(file);
  if (!cli) return;
  const row = (name: string, r: Run) =>
    console.log(`${name.padEnd(34)} ${(paths.length / r.seconds).toFixed(3).padStart(8)} img/s ${r.seconds.toFixed(1).padStart(7)} s wall ${r.cpuSeconds === null ? '      -' : r.cpuSeconds.toFixed(1).padStart(7)} s CPU`);
  row('native tesseract CLI (2 lanes)', yard);
  row('listinglens scan (PP-OCR, all checks)', cli);
  console.log(`ratio (ours / native): ${(yard.seconds / cli.seconds).toFixed(2)} × in images/s, ${yard.cpuSeconds && cli.cpuSeconds ? (yard.cpuSeconds / cli.cpuSeconds).toFixed(2) : '-'} × in CPU seconds`);
  console.log(`CLI exit ${cli.code}: ${cli.summary}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
