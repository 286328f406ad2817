import type { Box } from '@listinglens/contracts';
import type { OcrWord } from '@listinglens/pipeline';

/** A word's place in its line's text, so a regex match can be traced back to boxes. */
export interface WordSpan {
  start: number;
  end: number;
  word: OcrWord;
}

/** One visual line of OCR words, left to right, as searchable text. */
export interface TextLine {
  text: string;
  spans: WordSpan[];
  box: Box;
  /** The OCR engine and model that read it, carried into evidence. */
  engine?: string;
}

/** The words a text range touches, their union box and their mean confidence. */
export interface TextMatchLocation {
  words: OcrWord[];
  box: Box;
  confidence: number;
  /** True when `confidence` comes from per-character scores (PP-OCR), false for word scores (tesseract):
   * the two scales differ (tesseract scores a clean "¥99" 0.68). */
  perCharacter: boolean;
}

const CJK_OR_FULLWIDTH = /[\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;

/**
 * Groups OCR words into lines by vertical overlap, orders them left to right, and joins them: no space
 * where either side is CJK (tesseract returns Chinese one character per "word", so "满 200 减 30" must
 * read "满200减30"), one space elsewhere. A gap wider than three line heights starts a new line, so
 * two columns side by side are not read as one sentence.
 */
export function buildTextLines(words: readonly OcrWord[]): TextLine[] {
  const sorted = [...words].filter((w) => w.text.trim()).sort((a, b) => centreY(a) - centreY(b));
  const rows: OcrWord[][] = [];
  for (const word of sorted) {
    const row = rows.find((r) => r.some((other) => sameRow(word, other)));
    if (row) row.push(word);
    else rows.push([word]);
  }
  const lines: TextLine[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.box.x - b.box.x);
    let current: OcrWord[] = [];
    for (const word of row) {
      const prev = current[current.length - 1];
      const height = Math.max(word.box.height, prev?.box.height ?? 0);
      if (prev && word.box.x - (prev.box.x + prev.box.width) > 3 * height) {
        lines.push(joinLine(current));
        current = [];
      }
      current.push(word);
    }
    if (current.length > 0) lines.push(joinLine(current));
  }
  return lines.sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
}

/** Builds a line from words already in reading order (also used by tests to make lines from text). */
export function joinLine(words: readonly OcrWord[]): TextLine {
  let text = '';
  const spans: WordSpan[] = [];
  for (const word of words) {
    const t = word.text.trim();
    if (text && !(CJK_OR_FULLWIDTH.test(text.slice(-1)) || CJK_OR_FULLWIDTH.test(t[0] ?? ''))) text += ' ';
    spans.push({ start: text.length, end: text.length + t.length, word });
    text += t;
  }
  return { text, spans, box: unionBox(words.map((w) => w.box)) };
}

export function locate(line: TextLine, start: number, end: number): TextMatchLocation {
  const spans = line.spans.filter((s) => s.start < end && s.end > start);
  const picked = spans.length > 0 ? spans : line.spans;
  return {
    words: picked.map((s) => s.word),
    box: unionBox(picked.map((s) => narrowedBox(s, start, end))),
    confidence: picked.reduce((sum, s) => sum + spanConfidence(s, start, end), 0) / Math.max(1, picked.length),
    perCharacter: picked.every((s) => s.word.charConfidence?.length === s.word.text.length),
  };
}

/** How sure the engine was of the part of a word a match covers: its least sure character where the
 * engine scores characters (one misread digit in "¥199" is the whole question), else the word's score. */
function spanConfidence(span: WordSpan, start: number, end: number): number {
  const { word } = span;
  const from = Math.max(0, start - span.start);
  const to = Math.min(word.text.length, end - span.start);
  if (!word.charConfidence || word.charConfidence.length !== word.text.length || to <= from) return word.confidence;
  return Math.min(...word.charConfidence.slice(from, to));
}

/** The part of a word a match covers: its characters' x range where the engine gave one (PP-OCR reads
 * a whole line as one word), so the box sits on "¥99", not on the whole "限时特价¥99" line. */
function narrowedBox(span: WordSpan, start: number, end: number): Box {
  const { word } = span;
  const from = Math.max(0, start - span.start);
  const to = Math.min(word.text.length, end - span.start);
  if (!word.charX || word.charX.length !== word.text.length || to <= from) return word.box;
  const covered = word.charX.slice(from, to);
  const x0 = Math.max(word.box.x, Math.min(...covered.map(([a]) => a)));
  const x1 = Math.min(word.box.x + word.box.width, Math.max(...covered.map(([, b]) => b)));
  if (x1 <= x0) return word.box;
  // A little of the neighbouring gap on each side: CTC columns mark a glyph's centre more than its edges.
  const pad = Math.round(word.box.height * 0.15);
  const left = Math.max(word.box.x, x0 - pad);
  const right = Math.min(word.box.x + word.box.width, x1 + pad);
  return { x: left, y: word.box.y, width: right - left, height: word.box.height };
}

export function unionBox(boxes: readonly Box[]): Box {
  if (boxes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.width));
  const y1 = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

function centreY(w: OcrWord): number {
  return w.box.y + w.box.height / 2;
}

/** Same row when their vertical extents overlap by half of the shorter word. */
function sameRow(a: OcrWord, b: OcrWord): boolean {
  const overlap = Math.min(a.box.y + a.box.height, b.box.y + b.box.height) - Math.max(a.box.y, b.box.y);
  return overlap >= 0.5 * Math.min(a.box.height, b.box.height);
}
