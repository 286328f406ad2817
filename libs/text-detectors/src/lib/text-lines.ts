import type { Box } from '@listinglens/contracts';
import type { OcrWord } from '@listinglens/pipeline';

/** A word's place in its line's text, so a regex match can be traced back to boxes. */
export interface WordSpan {
  start: number;
  end: number;
  word: OcrWord;
  /** Characters of `word.text` left out before `start`: leading blanks, or a neighbour's glyph the
   * recogniser read a second time (see joinLine). Keeps per-character boxes and scores aligned. */
  skip?: number;
}

/** One visual line of OCR words, left to right, as searchable text. */
export interface TextLine {
  text: string;
  spans: WordSpan[];
  box: Box;
  /** The OCR engine and model that read it, carried into evidence. */
  engine?: string;
}

/** A line of text and its box as the reader returned it: what a joined line was made of. */
export interface SourceLine {
  text: string;
  box: Box;
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
    const lead = word.text.length - word.text.trimStart().length;
    let t = word.text.trim();
    const prev = spans[spans.length - 1]?.word;
    const repeated = prev ? repeatedGlyphs(prev, word, t) : 0;
    // The repeated glyphs may end a word of their own ("s" of "s Choice"): drop the space after them too.
    const rest = t.slice(repeated);
    t = rest.trimStart();
    const skip = lead + repeated + (rest.length - t.length);
    if (!t) continue;
    if (text && !(CJK_OR_FULLWIDTH.test(text.slice(-1)) || CJK_OR_FULLWIDTH.test(t[0] ?? ''))) text += ' ';
    spans.push({ start: text.length, end: text.length + t.length, word, ...(skip ? { skip } : {}) });
    text += t;
  }
  return { text, spans, box: unionBox(words.map((w) => w.box)) };
}

/**
 * PP-OCR widens each line's crop a little before its start (so a leading "-" is read), and where the
 * previous box sits closer than that, its last glyph is read again: "Amazon's" + "s Choice". When a box
 * starts closer to its left neighbour than a word space and begins with the neighbour's last 1–2
 * characters, those are the neighbour's, not a second copy in print. A word space is about a third of
 * the text height; DUPLICATE_GAP stays well under it, so "Best" + "tea" a space apart keeps its "t".
 */
const DUPLICATE_GAP = 0.2;

function repeatedGlyphs(prev: OcrWord, next: OcrWord, text: string): number {
  if (!sameRow(prev, next)) return 0;
  const gap = next.box.x - (prev.box.x + prev.box.width);
  if (gap > DUPLICATE_GAP * Math.min(prev.box.height, next.box.height)) return 0;
  const before = prev.text.trimEnd();
  for (let n = 2; n >= 1; n--) {
    if (text.length > n && before.length > n && before.slice(-n).toLowerCase() === text.slice(0, n).toLowerCase()) return n;
  }
  return 0;
}

/**
 * Lines stacked one under the other that read as one claim: a seal's "TRUSTED" over "SELLER", a banner's
 * "Amazon's" over "Choice", "官方" over "旗舰店"; or one after the other along a slant (see slanted). Two
 * lines are stacked when the gap between them is under
 * one line height, their heights are alike (within 1.7×) and they overlap horizontally. Each pair comes
 * back as one line (reading order, joined as joinLine joins words) with `seam`, the offset where the
 * lower line starts, so a caller keeps only matches that cross it (the rest were found on each line).
 */
export function stackedLines(lines: readonly TextLine[]): Array<{ line: TextLine; seam: number }> {
  const out: Array<{ line: TextLine; seam: number }> = [];
  for (const upper of lines) {
    for (const lower of lines) {
      if (lower === upper || !(stacked(upper.box, lower.box) || slanted(upper.box, lower.box))) continue;
      const joined = joinLine([...upper.spans, ...lower.spans].map((s) => s.word));
      const seam = joined.spans.findIndex((s) => lower.spans.some((l) => l.word === s.word));
      if (seam <= 0) continue;
      out.push({ line: { ...joined, ...(upper.engine ? { engine: upper.engine } : {}) }, seam: joined.spans[seam].start });
    }
  }
  return out;
}

/**
 * Two boxes one after the other along a slant: a rotated sticker's one line "HALF PRICE" came back as
 * "HALF" and, up and to the right, "PRICE"; a seal's "Telegram" and, down and to the right, "@vip1988".
 * The second starts where the first ends (within a third of a height of overlap, under a height of
 * gap), their heights are alike, and it sits up or down by a third to one height: less is one row
 * (buildTextLines joins those), more is another line.
 */
function slanted(a: Box, b: Box): boolean {
  const h = Math.min(a.height, b.height);
  const gap = b.x - (a.x + a.width);
  const offset = Math.abs(b.y + b.height / 2 - (a.y + a.height / 2));
  return gap >= -0.3 * h && gap < h && Math.max(a.height, b.height) <= 1.7 * h && offset > h / 3 && offset <= h;
}

/**
 * Each line (seam null), then each stacked pair with its seam: where a rule reads one claim across two
 * lines. A match on a pair is new only where it crosses the seam (acrossSeam); the rest was found on one
 * of its lines.
 */
export function linesAndStackedPairs(lines: readonly TextLine[]): Array<{ line: TextLine; seam: number | null }> {
  return [...lines.map((line) => ({ line, seam: null })), ...stackedLines(lines)];
}

/** True for a match on a single line, or one on a stacked pair that reaches across its seam. */
export function acrossSeam(seam: number | null, start: number, end: number): boolean {
  return seam === null || (start < seam && end > seam);
}

function stacked(a: Box, b: Box): boolean {
  const gap = b.y - (a.y + a.height);
  const h = Math.min(a.height, b.height);
  const overlapX = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  return gap >= -0.3 * h && gap < h && Math.max(a.height, b.height) <= 1.7 * h && overlapX > 0;
}

/** The reader's lines a text line was joined from, when it was joined from more than one. */
export function sourceLines(line: TextLine): SourceLine[] {
  const words = [...new Set(line.spans.map((s) => s.word))];
  return words.length > 1 ? words.map((w) => ({ text: w.text, box: w.box })) : [];
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
  const skip = span.skip ?? 0;
  const from = skip + Math.max(0, start - span.start);
  const to = Math.min(word.text.length, skip + end - span.start);
  if (!word.charConfidence || word.charConfidence.length !== word.text.length || to <= from) return word.confidence;
  return Math.min(...word.charConfidence.slice(from, to));
}

/** The part of a word a match covers: its characters' x range where the engine gave one (PP-OCR reads
 * a whole line as one word), so the box sits on "¥99", not on the whole "限时特价¥99" line. */
function narrowedBox(span: WordSpan, start: number, end: number): Box {
  const { word } = span;
  const skip = span.skip ?? 0;
  const from = skip + Math.max(0, start - span.start);
  const to = Math.min(word.text.length, skip + end - span.start);
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
/**
 * Words on one printed row: they overlap vertically by half the smaller one's height, and are of a size
 * (within 3×): fine print beside a rotated sticker's big "HALF" lies inside its tall box but is not its
 * line ("HALF frt that puts…" kept "HALF" from its "PRICE").
 */
function sameRow(a: OcrWord, b: OcrWord): boolean {
  const overlap = Math.min(a.box.y + a.box.height, b.box.y + b.box.height) - Math.max(a.box.y, b.box.y);
  const [small, large] = [Math.min(a.box.height, b.box.height), Math.max(a.box.height, b.box.height)];
  return overlap >= 0.5 * small && large <= ROW_HEIGHT_RATIO * small;
}

const ROW_HEIGHT_RATIO = 3;
