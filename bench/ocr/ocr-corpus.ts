import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CorpusImage {
  file: string;
  path: string;
  languages: string;
  tags: string;
  /** Ground-truth strings the OCR output should contain. */
  expected: string[];
}

/** ../shared/corpus/ocr next to the repo, or OCR_CORPUS_DIR. Null when absent (the bench then skips). */
export function findCorpusDir(repoRoot: string): string | null {
  const dir = process.env['OCR_CORPUS_DIR'] ?? join(repoRoot, '..', 'shared', 'corpus', 'ocr');
  return existsSync(join(dir, 'manifest.tsv')) ? dir : null;
}

/**
 * Reads manifest.tsv. `ground_truth` joins strings with " | "; the brochure rows hold key fields
 * ("name ; price 2.99 ; discount -51% ; was 309.00 ; unit ...") and each field counts as one string,
 * without its label. The corpus README asks for exactly this: is each string found in the output.
 */
export function loadCorpus(dir: string): CorpusImage[] {
  const [header, ...rows] = readFileSync(join(dir, 'manifest.tsv'), 'utf8').trim().split('\n');
  const cols = header.split('\t');
  const col = (name: string): number => cols.indexOf(name);
  return rows.map((row) => {
    const cells = row.split('\t');
    const file = cells[col('file')];
    return {
      file,
      path: join(dir, file),
      languages: cells[col('languages')],
      tags: cells[col('tags')],
      expected: groundTruthStrings(cells[col('ground_truth')]),
    };
  });
}

export function groundTruthStrings(groundTruth: string): string[] {
  return groundTruth
    .split(' | ')
    .flatMap((entry) => entry.split(' ; '))
    .map((field) => field.replace(/^(price|discount|was|unit) /, '').trim())
    .filter((field) => field.length > 0);
}

/**
 * Both engines are scored the same lenient way: NFKC, lower case, no whitespace (tesseract puts spaces
 * between CJK characters), and "," read as "." (German prices and the ground truth's "2.99").
 */
export function normaliseForMatch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '').replace(/,/g, '.');
}

export function countFound(expected: readonly string[], ocrText: string): number {
  const haystack = normaliseForMatch(ocrText);
  return expected.filter((s) => haystack.includes(normaliseForMatch(s))).length;
}
