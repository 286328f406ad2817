import type { PpOcrLine } from './ppocr-settings';

/**
 * Currency marks PP-OCR's recogniser cannot write: its dictionary (ppocr_keys_v1.txt) has $, ¥ and ￥
 * but no €, £, ₩, ₹…, so "€24" comes back as "24" and a euro or pound price is never a price. The mark
 * leaves a trace: the characters' x ranges start well after the box does (measured: 1.0–1.4 × the line
 * height before the first digit of "€24", "£9.99", "£120", against 0.2–0.4 × for a line that starts
 * with its digits), so those lines are re-read by another engine that has the marks (tesseract.js, eng).
 */
export const MARKS_PPOCR_CANNOT_WRITE = '€£₩₹₽₺₫₱₪₦₴';

/** An unread stretch is wider than this many line heights (a space between words is read as one). */
const UNREAD_GAP = 0.75;

/**
 * Where in the line's text a digit run starts after a stretch with nothing read (a mark the model has
 * no glyph for), or -1. Only at a digit that does not continue a number or follow a mark already read.
 */
export function unreadMarkBefore(line: PpOcrLine): number {
  const { chars } = line;
  if (!chars || chars.length !== [...line.text].length) return -1;
  const units = [...line.text];
  let edge = line.box.x;
  for (let i = 0; i < units.length; i++) {
    // PP-OCR often writes an unread leading mark as a space (a line starts with no word space).
    if (/\s/.test(units[i]) && units.slice(0, i).every((u) => /\s/.test(u))) continue;
    const gap = chars[i][0] - edge;
    edge = Math.max(edge, chars[i][1]);
    if (!/\d/.test(units[i]) || gap <= UNREAD_GAP * line.box.height) continue;
    if (/[\d.,$¥￥]/.test(units.slice(0, i).join('').trimEnd().slice(-1))) continue;
    // Code units of the text before character i (the text may hold astral characters).
    return units.slice(0, i).join('').length;
  }
  return -1;
}

/**
 * The line with the mark another engine read in front of the same digits, placed in the unread
 * stretch; null when the other read has no such mark there (the line stays as PP-OCR read it).
 */
export function withUnreadMark(line: PpOcrLine, at: number, other: { text: string; confidence: number }): PpOcrLine | null {
  const digits = line.text.slice(at).match(/^\d[\d.,]*/)?.[0] ?? '';
  const lead = digits.replace(/\D/g, '').slice(0, 2);
  const marks = `[${MARKS_PPOCR_CANNOT_WRITE}]`;
  for (const m of other.text.matchAll(new RegExp(`(${marks})\\s?(\\d[\\d.,]*)`, 'gu'))) {
    if (!m[2].replace(/\D/g, '').startsWith(lead)) continue;
    const index = [...line.text.slice(0, at)].length;
    const chars = line.chars ?? [];
    const from = index === 0 ? line.box.x : chars[index - 1][1];
    const to = chars[index][0];
    return {
      ...line,
      text: line.text.slice(0, at) + m[1] + line.text.slice(at),
      chars: [...chars.slice(0, index), [from, to], ...chars.slice(index)],
      // The mark is the other engine's read, as sure as that engine was of its line.
      charConfidence: line.charConfidence ? [...line.charConfidence.slice(0, index), round3(other.confidence), ...line.charConfidence.slice(index)] : null,
    };
  }
  return null;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
