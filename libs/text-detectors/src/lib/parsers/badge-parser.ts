import type { Severity } from '@listinglens/contracts';
import { BADGE_VOCABULARY, type BadgeEntry } from './badge-vocabulary';
import { foldCjkVariants } from './cjk-variants';
import { foldOcrConfusions } from './ocr-confusions';
import { atWordEdges } from './word-edges';

export interface BadgeClaim {
  raw: string;
  start: number;
  end: number;
  /** A stable label for the claim, the same across languages where it means the same. */
  badge: string;
  reason: string;
  severity: Severity;
  /** How it matched: as written, or within OCR confusions of a vocabulary phrase (an unsure read). */
  match: 'exact' | 'confusable';
}

const claimOf = (entry: BadgeEntry, raw: string, start: number, match: BadgeClaim['match']): BadgeClaim => ({
  raw: raw.trim(),
  start,
  end: start + raw.length,
  badge: entry.badge,
  reason: entry.reason,
  severity: entry.severity,
  match,
});

/** Marketplace badges and guarantees (see BADGE_VOCABULARY): Best Seller, Amazon's Choice, 官方旗舰店, 正品, 公式ストア, 정품 ... */
export function parseBadges(read: string): BadgeClaim[] {
  // Matched on the folded line (same length, so positions and boxes hold); see foldOcrConfusions and
  // foldCjkVariants (the vocabulary is folded the same way).
  const text = foldCjkVariants(foldOcrConfusions(read));
  const found: BadgeClaim[] = [];
  for (const entry of BADGE_VOCABULARY) {
    for (const m of text.matchAll(entry.pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].length === 0 || !atWordEdges(read, start, end)) continue;
      if (found.some((f) => f.start < end && f.end > start)) continue;
      found.push(claimOf(entry, m[0], start, 'exact'));
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Glyph pairs the recogniser confuses on stylised badge lettering (seals, script, outlines), each
 * substitution costing CONFUSION_COST instead of 1: "Jrusled" is "Trusted" at 2 × 0.4.
 */
const CONFUSABLE = ['o0', 'il', 'i1', 'l1', 'lt', 'it', 'jt', 'ji', 'rn', 'ce', 'ea', 'uv', 'nh', 'nm', 's5', 'b8', 'g9', 'g6', 'z2', 'ao', 'dc'];
const CONFUSION_COST = 0.4;
const confusable = (a: string, b: string): boolean => CONFUSABLE.some((p) => (p[0] === a && p[1] === b) || (p[0] === b && p[1] === a));

const MAX_LETTERS = 48;

/** A phrase matches when its weighted edit distance is at most this (1 for 7–11 letters, 1.4 from 12). */
const maxCost = (phrase: string): number => (phrase.length >= 12 ? 1.4 : 1);

/**
 * Badges in a line the reader was unsure of, matched within OCR confusions: the letters of the line (spaces
 * and punctuation dropped, as PP-OCR often drops them anyway) are compared with each vocabulary phrase by a
 * weighted edit distance. Only for unsure lines: on a clean read an exact match is the test.
 */
export function parseConfusableBadges(read: string): BadgeClaim[] {
  const cut = cutTailBadges(read);
  if (cut.length > 0) return cut;
  const letters: { ch: string; at: number }[] = [];
  for (const [at, ch] of [...read].entries()) if (/[A-Za-z0-9]/.test(ch)) letters.push({ ch: ch.toLowerCase(), at });
  // Badge lettering is short; a long unsure line is a paragraph, where near misses are chance.
  if (letters.length > MAX_LETTERS) return [];
  // Positions are UTF-16 offsets: the line is Latin here, but a CJK character before it counts as one unit.
  const offsets = utf16Offsets(read);
  const stream = letters.map((l) => l.ch).join('');
  const found: BadgeClaim[] = [];
  for (const entry of BADGE_VOCABULARY) {
    for (const phrase of entry.fuzzy ?? []) {
      if (phrase.length < 7) continue;
      const hit = bestWindow(stream, phrase);
      if (!hit || hit.cost > maxCost(phrase) || hit.cost === 0) continue;
      const start = offsets[letters[hit.from].at];
      const end = offsets[letters[hit.to - 1].at] + 1;
      if (found.some((f) => f.start < end && f.end > start)) continue;
      found.push(claimOf(entry, read.slice(start, end), start, 'confusable'));
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The vocabulary's CJK phrases of 4 characters or more, as written at the top level of an entry's
 * pattern (not inside a group, where an alternative needs the group's context).
 */
const CJK_PHRASES = BADGE_VOCABULARY.flatMap((entry) =>
  topLevelAlternatives(entry.pattern.source)
    .filter((alt) => /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]{4,}$/u.test(alt))
    .map((phrase) => ({ entry, phrase })),
);

/**
 * An unsure line that ends in all of a CJK badge phrase but its last character: the reader lost the last
 * glyph of a sticker ("医師推奨" read "医師推"). Only at the line's end, where glyphs get lost, and only for
 * phrases of 4 characters or more, whose first 3 already say it.
 */
function cutTailBadges(read: string): BadgeClaim[] {
  const line = foldCjkVariants(read).trimEnd();
  for (const { entry, phrase } of CJK_PHRASES) {
    const head = phrase.slice(0, -1);
    if (!line.endsWith(head)) continue;
    const start = line.length - head.length;
    return [claimOf(entry, read.slice(start, line.length), start, 'confusable')];
  }
  return [];
}

function topLevelAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

function utf16Offsets(text: string): number[] {
  const out: number[] = [];
  let at = 0;
  for (const ch of text) {
    out.push(at);
    at += ch.length;
  }
  return out;
}

/**
 * The substring of `stream` closest to `phrase` (Sellers' approximate matching: a free start anywhere, so
 * one pass of |stream| × |phrase|), then its start found among the windows of about the phrase's length.
 */
function bestWindow(stream: string, phrase: string): { cost: number; from: number; to: number } | null {
  let prev = Array.from({ length: phrase.length + 1 }, (_, j) => j);
  let best: { cost: number; to: number } | null = null;
  for (let i = 1; i <= stream.length; i++) {
    const row = [0];
    for (let j = 1; j <= phrase.length; j++) row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + substitution(stream[i - 1], phrase[j - 1])));
    if (!best || row[phrase.length] < best.cost) best = { cost: row[phrase.length], to: i };
    prev = row;
  }
  if (!best) return null;
  const { to } = best;
  let from = Math.max(0, to - phrase.length);
  for (const len of [phrase.length - 1, phrase.length + 1, phrase.length]) {
    const start = to - len;
    if (start >= 0 && weightedDistance(stream.slice(start, to), phrase) <= best.cost) from = start;
  }
  return { cost: best.cost, from, to };
}

const substitution = (a: string, b: string): number => (a === b ? 0 : confusable(a, b) ? CONFUSION_COST : 1);

/** Levenshtein distance where a substitution of confusable glyphs costs CONFUSION_COST. */
export function weightedDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + substitution(a[i - 1], b[j - 1])));
    }
    prev = row;
  }
  return prev[b.length];
}
