/**
 * Scores the detectors' findings against the evaluation set and writes the report: recall per code and
 * language, false flags on negatives, a confusion table, and every miss and false flag with what the
 * reader returned.
 */
import type { OcrResult } from '@listinglens/pipeline';
import { buildTextLines } from '@listinglens/text-detectors';
import type { EvalCase } from './eval-cases';
import { type Lang, NEGATIVE_KINDS, TEXT_CODES, type TextCode } from './eval-phrases';

export interface CaseResult {
  c: EvalCase;
  /** Text finding codes the scan gave (AI codes are not this evaluation's). */
  found: TextCode[];
  /** The finding evidence's text per code, for the report. */
  evidence: string[];
  ocr: OcrResult | null;
  /** An image error the pipeline recorded (OCR failed, time budget…). */
  error: string | null;
}

const LANGS: Lang[] = ['en', 'zh', 'ja', 'ko'];
const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)} %`);
const cell = (n: number, d: number): string => (d === 0 ? '' : `${n}/${d} ${pct(n, d)}`);

/** What the reader returned, line by line: each PP-OCR line with its score (and its least sure
 * character when that is below 0.85, the scale the detectors' floors use). */
export function readText(ocr: OcrResult | null): string {
  if (!ocr) return '(no OCR result)';
  if (ocr.words.length === 0) return '(nothing read)';
  return ocr.words
    .map((w) => {
      const min = w.charConfidence?.length ? Math.min(...w.charConfidence) : null;
      return `「${w.text}」${w.confidence.toFixed(2)}${min !== null && min < 0.85 ? ` min ${min.toFixed(2)}` : ''}`;
    })
    .join(' ');
}

/** The rows the detectors match on: the reader's lines joined side by side (buildTextLines). */
export function rowsText(ocr: OcrResult | null): string {
  return ocr ? buildTextLines(ocr.words).map((l) => `「${l.text}」`).join(' ') || '-' : '-';
}

export interface Score {
  expected: number;
  found: number;
  negatives: number;
  flaggedNegatives: number;
}

export function score(results: readonly CaseResult[]): Score {
  let expected = 0;
  let found = 0;
  let negatives = 0;
  let flaggedNegatives = 0;
  for (const r of results) {
    if (r.c.kind === 'negative') {
      negatives++;
      if (falseFlags(r).length > 0) flaggedNegatives++;
      continue;
    }
    expected += r.c.expect.length;
    found += r.c.expect.filter((code) => r.found.includes(code)).length;
  }
  return { expected, found, negatives, flaggedNegatives };
}

/** Codes found that the case neither expects nor allows. */
export const falseFlags = (r: CaseResult): TextCode[] => r.found.filter((code) => !r.c.expect.includes(code) && !r.c.allow.includes(code));
const missing = (r: CaseResult): TextCode[] => r.c.expect.filter((code) => !r.found.includes(code));

function describe(r: CaseResult): string {
  const c = r.c;
  const out = c.output.format === 'jpeg' ? `jpeg q${c.output.quality}` : 'png';
  const scale = c.output.scale === 1 ? '' : ` ×${c.output.scale}`;
  const drawn = [c.lines.join(' / '), ...c.extras.map((e) => e.join(' / '))].filter(Boolean).join(' + ');
  return [
    `  ${c.id}  ${c.placement}, ${out}${scale}, on ${c.photo}; listing ${c.listing.price.amount} ${c.listing.price.currency}`,
    `      drawn:  ${drawn || '(nothing)'}`,
    `      found:  ${r.found.join(', ') || '-'}${r.evidence.length ? `  (${r.evidence.join('; ')})` : ''}${r.error ? `  image error: ${r.error}` : ''}`,
    `      read:   ${readText(r.ocr)}`,
    `      rows:   ${rowsText(r.ocr)}`,
  ].join('\n');
}

export function report(results: readonly CaseResult[]): string {
  const lines: string[] = [];
  const positives = results.filter((r) => r.c.kind !== 'negative');
  const negatives = results.filter((r) => r.c.kind === 'negative');
  const s = score(results);
  lines.push(`expected findings found: ${s.found}/${s.expected} (${pct(s.found, s.expected)}) over ${positives.length} positive cases`);
  lines.push(`negatives flagged: ${s.flaggedNegatives}/${s.negatives} (${pct(s.flaggedNegatives, s.negatives)})`);

  lines.push('', 'recall per code and language (expected findings found; a discount-math tag also expects its reference claim)');
  lines.push(['code'.padEnd(24), ...LANGS.map((l) => l.padEnd(16)), 'all'].join(''));
  for (const code of TEXT_CODES) {
    const row = [code.padEnd(24)];
    let n = 0;
    let d = 0;
    for (const lang of LANGS) {
      const rs = positives.filter((r) => r.c.lang === lang && r.c.expect.includes(code));
      const hit = rs.filter((r) => r.found.includes(code)).length;
      n += hit;
      d += rs.length;
      row.push(cell(hit, rs.length).padEnd(16));
    }
    lines.push(row.join('') + cell(n, d));
  }

  lines.push('', 'by placement (expected findings found)');
  const placements = [...new Set(positives.map((r) => r.c.placement))].sort();
  for (const p of placements) {
    const rs = positives.filter((r) => r.c.placement === p);
    const d = rs.reduce((a, r) => a + r.c.expect.length, 0);
    const n = rs.reduce((a, r) => a + r.c.expect.filter((code) => r.found.includes(code)).length, 0);
    lines.push(`  ${p.padEnd(14)} ${cell(n, d)}`);
  }
  lines.push('by degradation (expected findings found)');
  for (const [label, pick] of [
    ['png', (r: CaseResult) => r.c.output.format === 'png'],
    ['jpeg q60-74', (r: CaseResult) => r.c.output.format === 'jpeg' && r.c.output.quality < 75],
    ['jpeg q75-90', (r: CaseResult) => r.c.output.format === 'jpeg' && r.c.output.quality >= 75],
    ['scaled ×0.5', (r: CaseResult) => r.c.output.scale === 0.5],
    ['scaled ×2', (r: CaseResult) => r.c.output.scale === 2],
  ] as const) {
    const rs = positives.filter(pick);
    const d = rs.reduce((a, r) => a + r.c.expect.length, 0);
    const n = rs.reduce((a, r) => a + r.c.expect.filter((code) => r.found.includes(code)).length, 0);
    lines.push(`  ${label.padEnd(14)} ${cell(n, d)}`);
  }

  lines.push('', 'false flags on negatives, per kind of negative');
  for (const kind of NEGATIVE_KINDS) {
    const rs = negatives.filter((r) => r.c.negative === kind);
    lines.push(`  ${kind.padEnd(14)} ${cell(rs.filter((r) => falseFlags(r).length > 0).length, rs.length)}`);
  }
  for (const lang of LANGS) {
    const rs = negatives.filter((r) => r.c.lang === lang);
    if (rs.length) lines.push(`  lang ${lang.padEnd(9)} ${cell(rs.filter((r) => falseFlags(r).length > 0).length, rs.length)}`);
  }

  lines.push('', 'confusion: cases per planted kind (rows) by code found (columns; * = expected)');
  const short = (c: string) => c.replace('price.', '').replace('promo.', '').replace('livestream.', 'live.').replace('contact.', '').replace('currency.', '');
  lines.push(['planted'.padEnd(24), 'cases'.padEnd(7), ...TEXT_CODES.map((c) => short(c).padEnd(15)), 'nothing'].join(''));
  const rows = [...new Set(results.map((r) => r.c.kind))];
  for (const kind of rows) {
    const rs = results.filter((r) => r.c.kind === kind);
    const cols = TEXT_CODES.map((code) => {
      const n = rs.filter((r) => r.found.includes(code)).length;
      const star = rs.some((r) => r.c.expect.includes(code)) ? '*' : '';
      return `${n}${star}`.padEnd(15);
    });
    lines.push([kind.padEnd(24), String(rs.length).padEnd(7), ...cols, String(rs.filter((r) => r.found.length === 0).length)].join(''));
  }

  const misses = positives.filter((r) => missing(r).length > 0);
  lines.push('', `MISSES (${misses.length} cases, ${misses.reduce((a, r) => a + missing(r).length, 0)} expected findings not found)`);
  for (const r of misses) lines.push(`  missing ${missing(r).join(', ')}`, describe(r));
  const extra = positives.filter((r) => falseFlags(r).length > 0);
  lines.push('', `UNEXPECTED FINDINGS ON POSITIVES (${extra.length} cases)`);
  for (const r of extra) lines.push(`  unexpected ${falseFlags(r).join(', ')}`, describe(r));
  const flagged = negatives.filter((r) => falseFlags(r).length > 0);
  lines.push('', `FALSE FLAGS ON NEGATIVES (${flagged.length} cases)`);
  for (const r of flagged) lines.push(`  flagged ${falseFlags(r).join(', ')} (${r.c.negative})`, describe(r));
  const errors = results.filter((r) => r.error);
  if (errors.length) {
    lines.push('', `IMAGE ERRORS (${errors.length})`);
    for (const r of errors) lines.push(`  ${r.c.id}: ${r.error}`);
  }
  return lines.join('\n');
}
