import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import { dirname, resolve } from 'node:path';
import { type CliListingBody, type ImageSource, toFindingView } from '@listinglens/contracts';
import { parseAllowHosts } from '@listinglens/pipeline';
import { InMemoryPhashIndex, loadAiSignalsSettings } from '@listinglens/ai-signals';
import { createScanner, DEFAULT_SCANNER_OPTIONS, type Scanner } from '@listinglens/scanner';
import { type CliOptions, EXIT, LOG_LEVELS, parseCliOptions, USAGE, UsageError } from './cli-options';
import { captureEngineOutput } from './engine-output';
import { writeHtmlReport } from './html/write-html-report';
import { InputOrderPhashIndex } from './input-order-index';
import { checkOutputPath } from './output-path';
import { loadMatchLists } from './match-lists';
import { ProgressBar } from './progress';
import { type InputRecord, InputError, readListings } from './read-listings';
import { findingsAtOrAbove, type ListingReport, renderJson, renderTable, type ReportSummary, summarize, summaryLine } from './report';

async function main(argv: string[]): Promise<number> {
  let options: CliOptions | null;
  try {
    options = parseCliOptions(argv);
  } catch (err) {
    // parseArgs throws a TypeError for an unknown flag; both are the caller's mistake.
    console.error(`listinglens scan: ${(err as Error).message} (see --help)`);
    return EXIT.invalidInput;
  }
  if (!options) {
    console.log(USAGE);
    return EXIT.clean;
  }
  if (options.out) await checkOutputPath(options.out);
  if (options.html) await checkOutputPath(options.html, '--html');
  const records = await readListings(options.input);
  const pathBase = options.input === '-' ? process.cwd() : dirname(resolve(options.input));
  const started = performance.now();
  const reports = await scanAll(records, options, pathBase);
  const summary = summarize(reports, performance.now() - started);
  if (options.html) {
    const inputs = reports.map((report, i) => ({ report, listing: records[i].listing ?? null, sources: records[i].listing?.images.map(toSource) ?? [] }));
    await writeHtmlReport(options.html, inputs, summary, { allowHosts: parseAllowHosts(options.allowHosts), pathBase });
  }
  const output = options.format === 'json' ? renderJson(reports, summary) : renderTable(reports, summary);
  if (options.out) await writeFile(options.out, output);
  else process.stdout.write(output);
  const exit = exitFor(summary, options);
  console.error(summaryLine(summary, exit));
  return exit.code;
}

async function scanAll(records: InputRecord[], options: CliOptions, pathBase: string): Promise<ListingReport[]> {
  const hashLists = options.matchLists.length ? await loadMatchLists(options.matchLists, (line) => console.error(`listinglens scan: ${line}`)) : undefined;
  const shown = LOG_LEVELS.indexOf(options.logLevel) >= LOG_LEVELS.indexOf('warn');
  // The bar writes through the real stderr, which the capture below keeps for it.
  const progress = new ProgressBar(records.length, (text) => output.stderr(text));
  const output = captureEngineOutput((line) => {
    if (shown) progress.log(`[engine] ${line}`);
  });
  // Reuse across the input file: each listing is compared with the listings before it, whatever order the
  // concurrent scans run in (see InputOrderPhashIndex).
  const order = new Map<string, number>();
  records.forEach((r, i) => {
    const id = r.listing && listingIdOf(r.listing);
    if (id && !order.has(id)) order.set(id, i);
  });
  const reuseIndex = new InputOrderPhashIndex(new InMemoryPhashIndex(), order, records.length);
  const scanner = await createScanner(
    { ...DEFAULT_SCANNER_OPTIONS, allowHosts: parseAllowHosts(options.allowHosts), pathBase },
    { ocr: { engine: options.ocrEngine }, phashIndex: reuseIndex, hashLists, ai: loadAiSignalsSettings(process.env) },
  );
  // Several listings at once (the OCR pool's size plus one, so a process is never idle while a listing
  // loads or runs its other checks); reports keep the input's order whatever order they finish in.
  const reports: ListingReport[] = new Array(records.length);
  const limit = pLimit(availableParallelism() + 1);
  let done = 0;
  try {
    await Promise.all(
      records.map((record, index) =>
        limit(async () => {
          try {
            reports[index] = await scanOne(scanner, record, options);
          } finally {
            reuseIndex.settled(index);
          }
          progress.update(++done, record.listing?.externalId ?? `line ${record.line}`);
        }),
      ),
    );
  } finally {
    await scanner.close();
    progress.finish();
    output.restore();
  }
  return reports;
}

async function scanOne(scanner: Scanner, record: InputRecord, options: CliOptions): Promise<ListingReport> {
  if (!record.listing) return { externalId: `(line ${record.line})`, line: record.line, error: record.error, images: [], findings: [] };
  // The CLI has no stored ids: marketplace/externalId names the other listing in image.reused evidence.
  const listingId = listingIdOf(record.listing);
  const outcome = await scanner.pipeline.scan({ ...record.listing, listingId }, record.listing.images.map(toSource), { includeText: options.includeText });
  return {
    externalId: record.listing.externalId,
    marketplace: record.listing.marketplace,
    line: record.line,
    images: outcome.images.map(({ position, sha256, format, width, height, pdq, pdqQuality, error, text }) => ({
      position, sha256, format, width, height, pdq, pdqQuality, error, ...(text !== undefined ? { text } : {}),
    })),
    findings: outcome.findings.map(toFindingView),
  };
}

const listingIdOf = (listing: { marketplace: string; externalId: string }): string => `${listing.marketplace}/${listing.externalId}`;

function exitFor(summary: ReportSummary, options: CliOptions): { code: number; why: string } {
  if (summary.invalidListings || summary.imageErrors) {
    return { code: EXIT.invalidInput, why: `${summary.invalidListings} invalid listings, ${summary.imageErrors} image errors` };
  }
  const failing = options.failOn ? findingsAtOrAbove(summary, options.failOn) : 0;
  if (options.failOn && failing > 0) return { code: EXIT.findings, why: `${failing} findings at or above ${options.failOn}` };
  return { code: EXIT.clean, why: options.failOn ? `no finding at or above ${options.failOn}` : 'done (no --fail-on given)' };
}

function toSource(image: CliListingBody['images'][number]): ImageSource {
  if (image.url !== undefined) return { kind: 'url', url: image.url };
  if (image.path !== undefined) return { kind: 'path', path: image.path };
  return { kind: 'inline', bytes: Buffer.from(image.dataBase64 ?? '', 'base64') };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const known = err instanceof InputError || err instanceof UsageError;
    console.error(`listinglens scan: ${err instanceof Error ? (known ? err.message : err.stack) : String(err)}`);
    process.exit(known ? EXIT.invalidInput : EXIT.internalError);
  },
);
