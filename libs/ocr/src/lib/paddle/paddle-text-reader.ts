import type { AnalyzedImage, OcrResult, OcrWord, PoolUsage, TextReader } from '@listinglens/pipeline';
import type { OcrPoolUsage } from '../ocr-pool-usage';
import { CachedReads, type OcrCache, ocrCacheKey } from '../ocr-cache';
import { OcrClosedError } from '../ocr-errors';
import type { PpOcrLine } from './ppocr-settings';
import type { PpOcrPool } from './ppocr-pool';
import { unreadMarkBefore, withUnreadMark } from './unread-currency-mark';

/** Re-reads a line crop with another engine (tesseract.js with kor/jpn data). */
export interface LineRereader {
  /** Lines PP-OCR read below this confidence are re-read (its Chinese model has no Hangul, 5 kana). */
  readonly belowConfidence: number;
  reread(image: Buffer, lines: readonly PpOcrLine[]): Promise<Array<{ text: string; confidence: number } | null>>;
  /** Its tesseract.js pool's slots and busy time. */
  usage(): PoolUsage;
  close(): Promise<void>;
}

export interface PaddleReaderOptions {
  timeoutMs: number;
  /** Lines below this confidence are dropped after any re-read (PaddleOCR drop_score 0.5). */
  minLineConfidence: number;
  /** Engine, model and every setting that changes the text: part of the cache key and of evidence. */
  fingerprint: string;
  engineLabel: string;
}

/** Other engines reading what PP-OCR's Chinese model cannot write. */
export interface PaddleRereaders {
  /** Lines PP-OCR read unsurely or sparsely: Korean, Japanese (configured with kor/jpn). */
  unsure?: LineRereader;
  /** Lines with an unread mark before a number: €, £… (unread-currency-mark.ts). */
  marks?: LineRereader;
}

/**
 * The pipeline's TextReader on PP-OCR: cache first (sha256 + settings), then the thread pool, then
 * optionally other engines for what PP-OCR cannot write (Korean, Japanese; €, £…). Each line becomes one
 * OcrWord with per-character x ranges, its text NFKC-folded (PP-OCR writes ￥ and full-width digits).
 */
export class PaddleTextReader implements TextReader {
  private readonly reads: CachedReads;
  private closed = false;

  constructor(
    private readonly pool: PpOcrPool,
    cache: OcrCache,
    private readonly options: PaddleReaderOptions,
    private readonly rereaders: PaddleRereaders = {},
  ) {
    this.reads = new CachedReads(cache);
  }

  async read(image: AnalyzedImage): Promise<OcrResult> {
    if (this.closed) throw new OcrClosedError();
    return this.reads.read(ocrCacheKey(image.sha256, this.options.fingerprint), () => this.recognise(image.bytes));
  }

  async warmUp(): Promise<void> {
    await this.pool.warmUp();
  }

  /** The PP-OCR processes, and the tesseract.js threads re-reading lines when there are any. */
  poolUsage(): OcrPoolUsage[] {
    const usage: OcrPoolUsage[] = [{ pool: 'ppocr', ...this.pool.usage() }];
    if (this.rereaders.unsure) usage.push({ pool: 'tesseract', ...this.rereaders.unsure.usage() });
    if (this.rereaders.marks) usage.push({ pool: 'tesseract-marks', ...this.rereaders.marks.usage() });
    return usage;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([this.pool.close(), this.rereaders.unsure?.close(), this.rereaders.marks?.close()]);
  }

  private async recognise(bytes: Buffer): Promise<OcrResult> {
    let lines = await this.pool.read(bytes, this.options.timeoutMs);
    if (this.rereaders.unsure) lines = await this.rereadUnsure(bytes, lines, this.rereaders.unsure);
    lines = lines.filter((l) => l.confidence >= this.options.minLineConfidence);
    if (this.rereaders.marks) lines = await readUnreadMarks(bytes, lines, this.rereaders.marks);
    const words = lines.map(toWord).filter((w) => w.text);
    return { text: words.map((w) => w.text).join('\n'), words, engine: this.options.engineLabel };
  }

  private async rereadUnsure(bytes: Buffer, lines: PpOcrLine[], rereader: LineRereader): Promise<PpOcrLine[]> {
    const unsure = lines
      .map((line, index) => ({ line, index, sparse: tooFewCharacters(line) || unreadStretch(line) }))
      .filter((u) => u.sparse || u.line.confidence < rereader.belowConfidence);
    if (unsure.length === 0) return lines;
    const reads = await rereader.reread(bytes, unsure.map((u) => u.line));
    const result = [...lines];
    unsure.forEach(({ line, index, sparse }, k) => {
      const text = reads[k]?.text.trim();
      const confidence = reads[k]?.confidence ?? 0;
      if (!text) return;
      const fuller = sparse && confidence >= 0.5 && glyphs(text) > glyphs(line.text);
      // The other engine's word boxes are not kept: its text replaces the line's, boxed by the line.
      if (confidence > line.confidence || fuller) result[index] = { ...line, text, confidence, chars: null, charConfidence: null };
    });
    return result;
  }
}

/** Re-reads lines with an unread mark before a number and writes the mark in when the other engine read one. */
async function readUnreadMarks(bytes: Buffer, lines: PpOcrLine[], rereader: LineRereader): Promise<PpOcrLine[]> {
  const marked = lines.map((line, index) => ({ line, index, at: unreadMarkBefore(line) })).filter((m) => m.at >= 0);
  if (marked.length === 0) return lines;
  const reads = await rereader.reread(bytes, marked.map((m) => m.line));
  const result = [...lines];
  marked.forEach(({ line, index, at }, k) => {
    const read = reads[k];
    const withMark = read && withUnreadMark(line, at, read);
    if (withMark) result[index] = withMark;
  });
  return result;
}

/** A line box holds roughly width/height characters; far fewer read means the script was not the
 * model's (タイムセール came back as "儿" at 0.9 confidence). */
function tooFewCharacters(line: PpOcrLine): boolean {
  return [...line.text.trim()].length < 0.4 * (line.box.width / Math.max(1, line.box.height));
}

/**
 * A stretch of the line's box wider than 1.5 × its height with no character in it, or with one character
 * drawn out across it: script the model does
 * not know, read as nothing or squeezed into one glyph (クーポン came back as "一" at 0.97, the Hangul of
 * "쿠폰 코드 VIP10" as nothing beside "VIP10"), which the line's confidence does not show. A space
 * between words is well under a character height.
 */
function unreadStretch(line: PpOcrLine): boolean {
  if (!line.chars || line.chars.length === 0) return false;
  const limit = 1.5 * line.box.height;
  let edge = line.box.x;
  for (const [from, to] of [...line.chars].sort((a, b) => a[0] - b[0])) {
    // A gap with nothing read, or one glyph stretched over it (the CTC emitted "一" all along クーポン).
    if (from - edge > limit || to - from > limit) return true;
    edge = Math.max(edge, to);
  }
  return line.box.x + line.box.width - edge > limit;
}

const glyphs = (text: string): number => text.replace(/\s/g, '').length;

/** One line as an OcrWord: NFKC per character (so each folded character keeps its x range), trimmed. */
export function toWord(line: PpOcrLine): OcrWord {
  let text = '';
  const charX: Array<[number, number]> = [];
  const charConfidence: number[] = [];
  const units = [...line.text];
  units.forEach((ch, i) => {
    const folded = ch.normalize('NFKC');
    const range = line.chars?.[i] ?? [line.box.x, line.box.x + line.box.width];
    const p = line.charConfidence?.[i] ?? line.confidence;
    for (let k = 0; k < folded.length; k++) {
      charX.push([range[0], range[1]]);
      charConfidence.push(p);
    }
    text += folded;
  });
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  const word: OcrWord = { text: text.slice(start, end), confidence: round3(line.confidence), box: line.box };
  if (line.chars) word.charX = charX.slice(start, end);
  if (line.charConfidence) word.charConfidence = charConfidence.slice(start, end);
  return word;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
