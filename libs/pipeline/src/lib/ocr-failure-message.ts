/**
 * The message an image's `image.ocr_failed` carries. The reader's own errors (a `code` like
 * `ocr.timeout`) say what happened; anything else is an engine internal: tesseract.js answers a
 * 100000×1 strip (wider than tesseract's 32767 px) with "SyntaxError: Unexpected end of JSON input",
 * which tells a reviewer or seller nothing and exposes the engine. Those become one plain sentence.
 */
export function ocrFailureMessage(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (err instanceof Error && typeof code === 'string' && code.startsWith('ocr.')) return err.message;
  return 'the OCR engine could not read this image (an engine error, not a problem with the listing)';
}
