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
    lines = buildTextLines(ocr.words);
    linesCache.set(ocr, lines);
  }
  return lines;
}
