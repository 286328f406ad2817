import type { PpOcrLine } from './ppocr-settings';

/** Where in a line PP-OCR read nothing, or drew one glyph out over what it could not read. */
export interface UnreadStretch {
  /** x range of the stretch, in image pixels. */
  from: number;
  to: number;
  /** Index in the line's characters where the stretch starts, and how many read characters it covers
   * (0 for a gap, 1 for a glyph drawn out over it). */
  index: number;
  covers: 0 | 1;
}

/**
 * The first stretch of the line's box wider than 1.5 × its height with no character in it, or with one
 * character drawn out across it: script the model does not know, read as nothing or squeezed into one
 * glyph (クーポン came back as "一" at 0.97, the Hangul of "쿠폰 코드 VIP10" as nothing beside "VIP10"),
 * which the line's confidence does not show. A space between words is well under a character height.
 */
export function unreadStretchOf(line: PpOcrLine): UnreadStretch | null {
  const { chars } = line;
  if (!chars || chars.length === 0) return null;
  // The line's thickness, in x: a slanted line's box is far taller than the line, and a gap along the
  // slant shows in x shortened by the slant's cosine.
  const thickness = line.slant ? line.slant.across * Math.cos(line.slant.angle) : line.box.height;
  const limit = 1.5 * thickness;
  let edge = line.box.x;
  for (const [i, [from, to]] of chars.entries()) {
    if (from - edge > limit) return { from: edge, to: from, index: i, covers: 0 };
    if (to - from > limit) return { from, to, index: i, covers: 1 };
    edge = Math.max(edge, to);
  }
  const end = line.box.x + line.box.width;
  return end - edge > limit ? { from: edge, to: end, index: chars.length, covers: 0 } : null;
}

/** The line narrowed to the stretch: what is read again on its own. A slanted line's frame is narrowed
 * too (the re-reader cuts along it), to the stretch's x range measured along the slant. */
export function stretchLine(line: PpOcrLine, stretch: UnreadStretch): PpOcrLine {
  const box = { ...line.box, x: stretch.from, width: Math.max(1, stretch.to - stretch.from) };
  const { slant } = line;
  if (!slant) return { ...line, box };
  const cos = Math.cos(slant.angle);
  const from = (stretch.from - slant.cx) / cos;
  const to = (stretch.to - slant.cx) / cos;
  const mid = (from + to) / 2;
  return {
    ...line,
    box,
    slant: { ...slant, cx: slant.cx + mid * cos, cy: slant.cy + mid * Math.sin(slant.angle), along: Math.max(1, to - from) },
  };
}

/**
 * The line with what another engine read in the stretch written in its place, and PP-OCR's read of the
 * rest kept as it was ("쿠폰(트트" + "VIP10"): the other engine reads the unknown script, PP-OCR the
 * Latin and digits it reads better. The new characters share the stretch's x range evenly.
 * Digits in the other engine's read are dropped: PP-OCR reads digits anywhere, so a stretch it left
 * unread holds none, and the digits there are misread kana or Hangul, or the edge of PP-OCR's own next
 * digit (the stretch ends at that character's step, inside its glyph). Kept, they rewrite the numbers
 * beside them: "楽天ランキング1位" came back as "乐天ミ有用征ジグ31位", first place read as 31st.
 */
export function spliceStretch(line: PpOcrLine, stretch: UnreadStretch, read: { text: string; confidence: number }): PpOcrLine {
  const units = [...line.text];
  const inserted = [...read.text.replace(/[\s0-9]+/gu, '')];
  if (inserted.length === 0) return line;
  const width = (stretch.to - stretch.from) / Math.max(1, inserted.length);
  const ranges = inserted.map((_, k): [number, number] => [Math.round(stretch.from + k * width), Math.round(stretch.from + (k + 1) * width)]);
  const cut = (list: readonly unknown[]) => [list.slice(0, stretch.index), list.slice(stretch.index + stretch.covers)];
  const [textBefore, textAfter] = cut(units) as [string[], string[]];
  const [charsBefore, charsAfter] = cut(line.chars ?? []) as [Array<[number, number]>, Array<[number, number]>];
  const scores = line.charConfidence ? (cut(line.charConfidence) as [number[], number[]]) : null;
  return {
    ...line,
    text: [...textBefore, ...inserted, ...textAfter].join(''),
    chars: [...charsBefore, ...ranges, ...charsAfter],
    charConfidence: scores ? [...scores[0], ...inserted.map(() => read.confidence), ...scores[1]] : null,
  };
}
