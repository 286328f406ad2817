import { pipeline, Readable } from 'node:stream';
import { type CastReturnObject, stringify } from 'csv-stringify';

/**
 * Rows as CSV (csv-stringify): a header row, then one line per row as the rows arrive, so an export of
 * any length streams in constant memory. Objects are written as JSON, null and undefined as empty cells.
 */
export function csvExport<T extends object>(columns: Array<keyof T & string>, rows: AsyncIterable<T>): Readable {
  async function* records(): AsyncGenerator<string[]> {
    for await (const row of rows) yield columns.map((column) => cellText(row[column]));
  }
  // pipeline() destroys the CSV stream with the rows' error, so a failed read aborts the response.
  return pipeline(Readable.from(records()), stringify({ header: true, columns, cast: { string: neutraliseFormula } }), () => undefined);
}

/**
 * A cell starting with = + - @ tab or CR is a formula to a spreadsheet (OWASP CSV injection): an appeal
 * reason `=HYPERLINK(...)` came out live. Such cells get a leading `'` and quotes. (csv-stringify's own
 * escape_formulas also rewrites full-width = + - @ and leaves the cell unquoted.)
 */
function neutraliseFormula(text: string): string | CastReturnObject {
  return /^[=+\-@\t\r]/.test(text) ? { value: `'${text}`, quoted: true } : text;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
