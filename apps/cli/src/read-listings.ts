import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Info } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { type CliListingBody, cliListingSchema, fieldProblems } from '@listinglens/contracts';

export interface InputRecord {
  /** 1-based line (JSONL) or row (CSV, header excluded) number, for error messages. */
  line: number;
  listing?: CliListingBody;
  error?: string;
}

/** The input as a whole cannot be scanned (exit 2): missing or unreadable, empty, a bad CSV header. */
export class InputError extends Error {}

/** Reads listings from JSONL (one POST /v1/listings body per line) or CSV; `-` is stdin. Bad records are
 * reported with their line and field, and the rest are still scanned. */
export async function readListings(file: string): Promise<InputRecord[]> {
  const name = file === '-' ? 'stdin' : file;
  const text = await readInput(file, name);
  const raw = isCsv(file, text) ? csvRecords(text, name) : jsonlRecords(text);
  if (raw.length === 0) throw new InputError(`${name}: no listings in it (it is empty)`);
  return raw.map(({ line, value, error }) => {
    if (error) return { line, error };
    const parsed = cliListingSchema.safeParse(value);
    if (parsed.success) return { line, listing: parsed.data };
    return { line, error: fieldProblems(parsed.error).map((p) => `${p.field}: ${p.message}`).join('; ') };
  });
}

async function readInput(file: string, name: string): Promise<string> {
  try {
    if (file !== '-') return await readFile(file, 'utf8');
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (err as Error).message;
    throw new InputError(`${name}: cannot read it (${why})`);
  }
}

/** By extension; stdin and other names are CSV unless the first line is a JSON object. */
function isCsv(file: string, text: string): boolean {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return true;
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return false;
  const first = text.trimStart();
  return first !== '' && !first.startsWith('{');
}

type RawRecord = { line: number; value?: unknown; error?: string };

function jsonlRecords(text: string): RawRecord[] {
  const out: RawRecord[] = [];
  text.split(/\r?\n/).forEach((content, index) => {
    if (!content.trim()) return;
    try {
      out.push({ line: index + 1, value: JSON.parse(content) });
    } catch (err) {
      out.push({ line: index + 1, error: `not valid JSON: ${(err as Error).message}` });
    }
  });
  return out;
}

const CSV_COLUMNS = ['marketplace', 'externalId', 'sellerId', 'title', 'description', 'price', 'currency', 'aiDisclosure', 'images'];
const CSV_OPTIONAL = ['description', 'aiDisclosure'];

/**
 * CSV columns: marketplace, externalId, sellerId, title, description, price (amount), currency,
 * aiDisclosure (true/false/empty), images (URLs or paths separated by "|"). A missing required column is
 * one error for the file, not the same field error on every row.
 */
function csvRecords(text: string, name: string): RawRecord[] {
  const rows = parseCsv(text, name);
  const header = rows.shift()?.record.map((h) => h.trim()) ?? [];
  const missing = CSV_COLUMNS.filter((c) => !CSV_OPTIONAL.includes(c) && !header.includes(c));
  if (header.length > 0 && missing.length > 0) {
    const unknown = header.filter((h) => h && !CSV_COLUMNS.includes(h));
    throw new InputError(
      `${name}: the CSV header has no column ${missing.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}; ` +
        `expected ${CSV_COLUMNS.join(',')}`,
    );
  }
  const col = (row: string[], name: string) => row[header.indexOf(name)]?.trim() ?? '';
  return rows
    .filter(({ record }) => record.some((cell) => cell.trim()))
    .map(({ record: row, line }) => {
      const disclosure = col(row, 'aiDisclosure').toLowerCase();
      const value = {
        marketplace: col(row, 'marketplace'),
        externalId: col(row, 'externalId'),
        sellerId: col(row, 'sellerId'),
        title: col(row, 'title'),
        description: col(row, 'description') || undefined,
        price: { amount: col(row, 'price'), currency: col(row, 'currency') },
        aiDisclosure: disclosure === '' ? undefined : disclosure === 'true',
        images: col(row, 'images')
          .split('|')
          .map((s) => s.trim())
          .filter(Boolean)
          .map((ref) => (/^https?:\/\//i.test(ref) ? { url: ref } : { path: ref })),
      };
      return { line, value };
    });
}

/** RFC 4180 through csv-parse; each record with the file line it starts on. A broken file (an unclosed quote) is one error. */
function parseCsv(text: string, name: string): { record: string[]; line: number }[] {
  try {
    const options = { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, record_delimiter: ['\r\n', '\n', '\r'] };
    // The sync typings do not model `info: true`, which wraps each record with its position.
    const rows = parse(text, options) as unknown as { record: string[]; info: Info }[];
    // info.lines is the line a record ends on, as csv-parse counts: inside quotes it counts CR and LF
    // apart, so a quoted CRLF adds one line too many to this record and to every later one.
    let extra = 0;
    return rows.map(({ record, info }) => {
      const line = info.lines - count(record, /[\r\n]/g) - extra;
      extra += count(record, /\r\n/g);
      return { record, line };
    });
  } catch (err) {
    throw new InputError(`${name}: not valid CSV (${(err as Error).message})`);
  }
}

function count(record: string[], pattern: RegExp): number {
  return record.reduce((n, cell) => n + (cell.match(pattern)?.length ?? 0), 0);
}
