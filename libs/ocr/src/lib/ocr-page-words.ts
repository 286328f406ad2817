import type { Box } from '@listinglens/contracts';
import type { OcrResult, OcrWord } from '@listinglens/pipeline';
import type { Page } from 'tesseract.js';
import type { Tile } from './tile-plan';

/** A line of words as tesseract grouped them, already in original image coordinates. */
export interface OcrLine {
  words: OcrWord[];
}

type Bbox = { x0: number; y0: number; x1: number; y1: number };

/**
 * Tesseract's lines of one page as OcrLines: words trimmed, those below `minConfidence` dropped, and
 * those `keep` refuses; `left` and `top` place the page in the scaled image, `scale` maps back to the
 * original image.
 */
function pageLines(page: Page, at: { left: number; top: number; scale: number }, minConfidence: number, keep: (bbox: Bbox) => boolean = () => true): OcrLine[] {
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const words: OcrWord[] = [];
        for (const word of line.words) {
          const text = word.text.trim();
          const confidence = word.confidence / 100;
          if (!text || confidence < minConfidence || !keep(word.bbox)) continue;
          words.push({ text, confidence: round3(confidence), box: toOriginal(word.bbox, at.left, at.top, at.scale) });
        }
        if (words.length > 0) lines.push({ words });
      }
    }
  }
  return lines;
}

/**
 * Takes the words of one tile's tesseract page, keeps those whose centre lies in the tile's own band
 * (the overlap is read twice; each half belongs to one tile), and maps boxes to original coordinates.
 */
export function tileLines(page: Page, tile: Tile, scale: number, minConfidence: number): OcrLine[] {
  return pageLines(page, { left: 0, top: tile.top, scale }, minConfidence, (bbox) => {
    const centreY = tile.top + (bbox.y0 + bbox.y1) / 2;
    return centreY >= tile.ownTop && centreY < tile.ownBottom;
  });
}

/** The words of a colour panel's own page, in original image coordinates (`panel` is in scaled pixels). */
export function panelLines(page: Page, panel: Box, scale: number, minConfidence: number): OcrLine[] {
  return pageLines(page, { left: panel.x, top: panel.y, scale }, minConfidence);
}

/**
 * Merges a colour panel's own read into the whole-image words, spot by spot: where a panel word and
 * whole-image words overlap, the more confident read wins; words only one read found are kept. Light
 * text on colour reads far better alone; dark text on a light colour often does not, and there the
 * whole-image words stay. `area` is the panel in original coordinates.
 */
export function mergePanelRead(lines: OcrLine[], area: Box, panelRead: OcrLine[]): OcrLine[] {
  const candidates = lines.flatMap((line) => line.words).filter((w) => contains(area, w.box.x + w.box.width / 2, w.box.y + w.box.height / 2));
  const replaced = new Set<OcrWord>();
  const winners: OcrWord[] = [];
  for (const word of panelRead.flatMap((line) => line.words)) {
    const rivals = candidates.filter((w) => overlapShare(w.box, word.box) > 0.3 || overlapShare(word.box, w.box) > 0.3);
    if (rivals.some((w) => w.confidence > word.confidence)) continue;
    for (const w of rivals) replaced.add(w);
    winners.push(word);
  }
  if (winners.length === 0) return lines;
  // Lines that lost a word are rebuilt with the winners, so "WAS $99 NOW $29" stays one line.
  const touched = new Set(lines.filter((line) => line.words.some((w) => replaced.has(w))));
  const rest = [...touched].flatMap((line) => line.words.filter((w) => !replaced.has(w)));
  return [...lines.filter((line) => !touched.has(line)), ...groupIntoLines([...rest, ...winners])];
}

/** Words on the same text line (vertical centres within half a word height), each line left to right. */
function groupIntoLines(words: OcrWord[]): OcrLine[] {
  const centre = (w: OcrWord): number => w.box.y + w.box.height / 2;
  const lines: OcrLine[] = [];
  for (const word of [...words].sort((a, b) => centre(a) - centre(b))) {
    const line = lines.find((l) => Math.abs(centre(l.words[0]) - centre(word)) < Math.min(l.words[0].box.height, word.box.height) / 2);
    if (line) line.words.push(word);
    else lines.push({ words: [word] });
  }
  for (const line of lines) line.words.sort((a, b) => a.box.x - b.box.x);
  return lines;
}

/** Share of `a`'s area that `b` covers. */
function overlapShare(a: Box, b: Box): number {
  const ix = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  return (ix * iy) / (a.width * a.height);
}

function contains(box: Box, x: number, y: number): boolean {
  return x >= box.x && x < box.x + box.width && y >= box.y && y < box.y + box.height;
}

/** Joins lines into the OcrResult; CJK characters tesseract split into "words" are joined back. */
export function linesToResult(lines: OcrLine[]): OcrResult {
  const deduped = dropDuplicateWords(lines);
  return {
    text: deduped.map((line) => joinWords(line.words.map((w) => w.text))).join('\n'),
    words: deduped.flatMap((line) => line.words),
  };
}

const CJK = /[\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;

export function joinWords(words: readonly string[]): string {
  let out = '';
  for (const word of words) {
    if (out && !(CJK.test(out.slice(-1)) && CJK.test(word[0] ?? ''))) out += ' ';
    out += word;
  }
  return out;
}

/**
 * Safety net behind the ownership rule: a line taller than the overlap can be read by two tiles with
 * both centres on their own sides. The same text at nearly the same place is kept once.
 */
function dropDuplicateWords(lines: OcrLine[]): OcrLine[] {
  const kept: OcrWord[] = [];
  const out: OcrLine[] = [];
  for (const line of lines) {
    const words = line.words.filter((word) => {
      const twin = kept.find((k) => k.text === word.text && iou(k.box, word.box) > 0.5);
      if (twin) return false;
      kept.push(word);
      return true;
    });
    if (words.length > 0) out.push({ words });
  }
  return out;
}

function toOriginal(bbox: Bbox, left: number, top: number, scale: number): Box {
  const x = Math.floor((bbox.x0 + left) / scale);
  const y = Math.floor((bbox.y0 + top) / scale);
  return {
    x,
    y,
    width: Math.max(1, Math.ceil((bbox.x1 + left) / scale) - x),
    height: Math.max(1, Math.ceil((bbox.y1 + top) / scale) - y),
  };
}

function iou(a: Box, b: Box): number {
  const ix = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  const inter = ix * iy;
  return inter / (a.width * a.height + b.width * b.height - inter);
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
