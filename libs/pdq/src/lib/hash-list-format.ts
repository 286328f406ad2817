/**
 * Hash lists as ThreatExchange and HMA exchange them: one PDQ hash (64 hex digits) per line, `#` starts a
 * comment line. Also CSV with a header naming a `pdq` column and optional `id` and `note` columns (one
 * record per line: quoted fields may hold commas and "" but not line breaks).
 */
import { isPdqHex } from './hash256';

export interface ListedHashLine {
  line: number;
  /** Lowercase. */
  pdq: string;
  externalId: string | null;
  note: string | null;
}

export interface RejectedLine {
  line: number;
  reason: string;
}

export type HashListItem = ({ ok: true } & ListedHashLine) | ({ ok: false } & RejectedLine);

const MAX_LINE = 4096;
const MAX_FIELD = 500;

/** Parses lines as they arrive (constant memory): every hash with its line number, every bad line with why. */
export async function* parseHashList(lines: AsyncIterable<string>): AsyncGenerator<HashListItem> {
  let number = 0;
  let csv: { pdq: number; id: number; note: number } | null = null;
  let formatKnown = false;
  for await (const raw of lines) {
    number++;
    const line = (number === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.length > MAX_LINE) {
      yield { ok: false, line: number, reason: `line is ${line.length} characters, over ${MAX_LINE}` };
      continue;
    }
    if (!formatKnown) {
      formatKnown = true;
      if (!isPdqHex(line)) {
        const header = splitCsvLine(line)?.map((h) => h.trim().toLowerCase());
        if (header?.includes('pdq')) {
          csv = { pdq: header.indexOf('pdq'), id: header.indexOf('id'), note: header.indexOf('note') };
          continue;
        }
      }
    }
    if (!csv) {
      if (isPdqHex(line)) yield { ok: true, line: number, pdq: line.toLowerCase(), externalId: null, note: null };
      else yield { ok: false, line: number, reason: 'pdq: not a PDQ hash (64 hex digits)' };
      continue;
    }
    const fields = splitCsvLine(line);
    if (!fields) {
      yield { ok: false, line: number, reason: 'unbalanced quotes' };
      continue;
    }
    const pdq = (fields[csv.pdq] ?? '').trim();
    const externalId = csv.id >= 0 ? (fields[csv.id] ?? '').trim() || null : null;
    const note = csv.note >= 0 ? (fields[csv.note] ?? '').trim() || null : null;
    if (!isPdqHex(pdq)) yield { ok: false, line: number, reason: 'pdq: not a PDQ hash (64 hex digits)' };
    else if ((externalId?.length ?? 0) > MAX_FIELD) yield { ok: false, line: number, reason: `id: over ${MAX_FIELD} characters` };
    else if ((note?.length ?? 0) > MAX_FIELD) yield { ok: false, line: number, reason: `note: over ${MAX_FIELD} characters` };
    else yield { ok: true, line: number, pdq: pdq.toLowerCase(), externalId, note };
  }
}

/** One CSV record on one line (RFC 4180 quoting); null when a quote is left open. */
export function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

/** A CSV field, quoted when it must be. */
export function csvField(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A comment line for an export's header (line breaks in names cannot end the comment early). */
export function commentLine(text: string): string {
  return `# ${text.replace(/[\r\n]+/g, ' ')}\n`;
}
