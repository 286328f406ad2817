import type { AnalyzedImage, OcrResult, OcrWord, PoolUsage, TextReader } from '@listinglens/pipeline';
import type { OcrPoolUsage } from '../ocr-pool-usage';
import { CachedReads, type OcrCache, ocrCacheKey } from '../ocr-cache';
import { OcrClosedError } from '../ocr-errors';
import type { PpOcrLine } from './ppocr-settings';
import type { PpOcrPool } from './ppocr-pool';
import { unreadMarkBefore, withUnreadMark } from './unread-currency-mark';
import { spliceStretch, stretchLine, unreadStretchOf } from './unread-stretch';

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
      .map((line, index) => {
        const stretch = unreadStretchOf(line);
        return { line, index, stretch, sparse: tooFewCharacters(line) || stretch !== null };
      })
      .filter((u) => u.sparse || u.line.confidence < rereader.belowConfidence);
    if (unsure.length === 0) return lines;
    // Where PP-OCR read part of the line, the stretch it could not read is also read on its own.
    const partial = unsure.filter((u) => u.stretch && glyphs(u.line.text) > 0);
    const [reads, stretchReads] = await Promise.all([
      rereader.reread(bytes, unsure.map((u) => u.line)),
      rereader.reread(bytes, partial.map((u) => stretchLine(u.line, u.stretch as NonNullable<typeof u.stretch>))),
    ]);
    const result = [...lines];
    unsure.forEach(({ line, index, sparse, stretch }, k) => {
      const text = reads[k]?.text.trim();
      const confidence = reads[k]?.confidence ?? 0;
      const fuller = sparse && confidence >= 0.5 && text && glyphs(text) > glyphs(line.text);
      // The other engine's word boxes are not kept: its text replaces the line's, boxed by the line.
      if (text && (confidence > line.confidence || fuller)) {
        result[index] = { ...line, text, confidence, chars: null, charConfidence: null };
        return;
      }
      // Else the other engine's read of the stretch alone, however unsure, beside what PP-OCR did read:
      // half-read Hangul or kana beside a clean code is more than the code alone.
      const alone = stretch && stretchReads[partial.findIndex((p) => p.index === index)];
      if (stretch && alone && glyphs(alone.text) > 0 && alone.confidence >= STRETCH_MIN_CONFIDENCE) {
        result[index] = spliceStretch(line, stretch, alone);
      }
    });
    return result;
  }
}

/** Below this the other engine's read of an unread stretch is noise (tesseract's whole-line reads of real
 * kana and Hangul over the evaluation's photos scored 0.37–0.45, its reads of shapes that were no text
 * 0.12–0.22). */
const STRETCH_MIN_CONFIDENCE = 0.3;

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

/** A line holds roughly length/thickness characters (a slanted line's own, not its box's); far fewer
 * read means the script was not the model's (タイムセール came back as "儿" at 0.9 confidence). */
function tooFewCharacters(line: PpOcrLine): boolean {
  const [length, thickness] = line.slant ? [line.slant.along, line.slant.across] : [line.box.width, line.box.height];
  return [...line.text.trim()].length < 0.4 * (length / Math.max(1, thickness));
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
