import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type CliListingBody, toFindingView } from '@listinglens/contracts';
import type { ImageSource } from '@listinglens/pipeline';
import { parseAllowHosts } from '@listinglens/pipeline';
import { createScanner, DEFAULT_SCANNER_OPTIONS } from '@listinglens/scanner';
import { ProgressBar } from './progress';
import { readListings } from './read-listings';
import { type ListingReport, renderJson, renderTable, summarize } from './report';

const USAGE = `usage: npm run scan -- <listings.jsonl|listings.csv> [--format table|json] [--out FILE] [--include-text]
  Scans every listing in-process (no servers) and prints a report.
  --format        table (default) or json
  --out FILE      write the report to FILE instead of stdout
  --include-text  add each image's recognised text (images[].text)
  --allow-hosts   comma-separated hosts that may resolve to private addresses (default: none)`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'table' },
      out: { type: 'string' },
      'include-text': { type: 'boolean', default: false },
      'allow-hosts': { type: 'string', default: '' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [input] = positionals;
  if (!input || positionals.length > 1 || !['table', 'json'].includes(values.format ?? '')) {
    console.error(USAGE);
    return 2;
  }
  const inputPath = resolve(input);
  const records = await readListings(inputPath);
  const scanner = await createScanner({
    ...DEFAULT_SCANNER_OPTIONS,
    allowHosts: parseAllowHosts(values['allow-hosts']),
    pathBase: dirname(inputPath),
  });
  const started = performance.now();
  const progress = new ProgressBar(records.length);
  const reports: ListingReport[] = [];
  try {
    for (const [index, record] of records.entries()) {
      progress.update(index, record.listing?.externalId ?? `line ${record.line}`);
      if (!record.listing) {
        reports.push({ externalId: `(line ${record.line})`, line: record.line, error: record.error, images: [], findings: [] });
        continue;
      }
      const outcome = await scanner.pipeline.scan(record.listing, record.listing.images.map(toSource), {
        includeText: values['include-text'],
      });
      reports.push({
        externalId: record.listing.externalId,
        marketplace: record.listing.marketplace,
        line: record.line,
        images: outcome.images.map(({ position, sha256, format, width, height, error, text }) => ({
          position, sha256, format, width, height, error, ...(text !== undefined ? { text } : {}),
        })),
        findings: outcome.findings.map(toFindingView),
      });
    }
  } finally {
    await scanner.close();
  }
  const summary = summarize(reports, performance.now() - started);
  progress.finish(`scanned ${summary.listings} listings, ${summary.images} images, ${summary.findings} findings`);
  const output = values.format === 'json' ? renderJson(reports, summary) : renderTable(reports, summary);
  if (values.out) await writeFile(values.out, output);
  else process.stdout.write(output);
  return 0;
}

function toSource(image: CliListingBody['images'][number]): ImageSource {
  if (image.url !== undefined) return { kind: 'url', url: image.url };
  if (image.path !== undefined) return { kind: 'path', path: image.path };
  return { kind: 'inline', bytes: Buffer.from(image.dataBase64 ?? '', 'base64') };
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`listinglens scan: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
