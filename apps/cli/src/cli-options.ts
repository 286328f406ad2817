import { parseArgs } from 'node:util';
import { SEVERITIES, type Severity } from '@listinglens/contracts';
import { OCR_ENGINES, type OcrEngineName } from '@listinglens/ocr';

/** Exit codes a pipeline can gate on (README "Quick start"). Invalid input wins over findings: a scan
 * that could not check everything must not pass as clean or as "only findings". */
export const EXIT = { clean: 0, findings: 1, invalidInput: 2, internalError: 3 } as const;

export const LOG_LEVELS = ['error', 'warn', 'info'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const USAGE = `usage: npm run scan -- <listings.jsonl|listings.csv|-> [options]
  Scans every listing in-process (no servers) and prints a report. "-" reads the listings from stdin
  (JSONL, or CSV when the first line is not a JSON object; {"path"} images are relative to the cwd).
  --format table|json    report format (default: table)
  --out FILE             write the report to FILE instead of stdout (its folder must exist)
  --html FILE            also write a self-contained HTML report (images and boxes drawn, opens offline)
  --fail-on SEVERITY     exit 1 when a finding is at or above SEVERITY (${SEVERITIES.join('|')}; default: never)
  --match-list FILE      match every image (and its rotations and flips) against a PDQ hash list: one
                         64-hex-digit hash per line, # comments, or CSV with pdq[,id,note] columns
                         (ThreatExchange/HMA form); repeatable; a match is image.listed_match (31 bits)
  --include-text         add each image's recognised text (images[].text)
  --allow-hosts a,b      hosts that may resolve to private addresses (default: none)
  --ocr-engine ENGINE    ppocr (default: PaddleOCR PP-OCRv4, scene text) | tesseract (tesseract.js)
  --log-level LEVEL      error (default) | warn | info: what OCR/image engines print (warnings) is shown
                         from warn on, on its own line, never inside the progress bar
exit codes: 0 clean, 1 findings at or above --fail-on, 2 invalid input (a missing, unreadable or empty
  file, a CSV without a required column, an invalid line, an image that could not be loaded or decoded),
  3 an internal error`;

export interface CliOptions {
  input: string;
  format: 'table' | 'json';
  out?: string;
  html?: string;
  failOn?: Severity;
  includeText: boolean;
  allowHosts: string;
  logLevel: LogLevel;
  ocrEngine: OcrEngineName;
  matchLists: string[];
}

export class UsageError extends Error {}

/** Parses argv; `null` means --help. Throws UsageError with what is wrong. */
export function parseCliOptions(argv: string[]): CliOptions | null {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'table' },
      out: { type: 'string' },
      html: { type: 'string' },
      'fail-on': { type: 'string' },
      'include-text': { type: 'boolean', default: false },
      'match-list': { type: 'string', multiple: true, default: [] },
      'allow-hosts': { type: 'string', default: '' },
      'log-level': { type: 'string', default: 'error' },
      'ocr-engine': { type: 'string', default: 'ppocr' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return null;
  if (positionals.length !== 1) throw new UsageError('give exactly one input file (or - for stdin)');
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`--format ${format}: use table or json`);
  const failOn = values['fail-on'];
  if (failOn !== undefined && !isOneOf(SEVERITIES, failOn)) throw new UsageError(`--fail-on ${failOn}: use one of ${SEVERITIES.join(', ')}`);
  const logLevel = values['log-level'] ?? 'error';
  if (!isOneOf(LOG_LEVELS, logLevel)) throw new UsageError(`--log-level ${logLevel}: use one of ${LOG_LEVELS.join(', ')}`);
  const ocrEngine = values['ocr-engine'] ?? 'ppocr';
  if (!isOneOf(OCR_ENGINES, ocrEngine)) throw new UsageError(`--ocr-engine ${ocrEngine}: use one of ${OCR_ENGINES.join(', ')}`);
  return {
    input: positionals[0],
    ocrEngine,
    format,
    out: values.out,
    html: values.html,
    failOn,
    includeText: values['include-text'] ?? false,
    allowHosts: values['allow-hosts'] ?? '',
    logLevel,
    matchLists: values['match-list'] ?? [],
  };
}

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}
