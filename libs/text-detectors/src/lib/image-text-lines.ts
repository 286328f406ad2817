import type { AnalyzedImage, DetectorContext, OcrResult } from '@listinglens/pipeline';
import { buildTextLines, type TextLine } from './text-lines';

const linesCache = new WeakMap<OcrResult, TextLine[]>();

/** The image's OCR as lines, built once per OCR result however many detectors ask. Null when there is
 * no text to read (no reader configured, or reading failed: the pipeline records that error). */
export async function imageTextLines(ctx: DetectorContext, image: AnalyzedImage): Promise<TextLine[] | null> {
  const ocr = await ctx.text(image);
  if (!ocr) return null;
  let lines = linesCache.get(ocr);
  if (!lines) {
    const engine = ocr.engine;
    lines = buildTextLines(ocr.words).map((line) => (engine ? { ...line, engine } : line));
    linesCache.set(ocr, lines);
  }
  return lines;
}
