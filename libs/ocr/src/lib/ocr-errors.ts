/** Thrown by read() when one image takes longer than the configured timeout. */
export class OcrTimeoutError extends Error {
  readonly code = 'ocr.timeout';
  constructor(readonly timeoutMs: number) {
    super(`OCR did not finish within ${timeoutMs} ms`);
    this.name = 'OcrTimeoutError';
  }
}

/** Thrown by read() after close(). */
export class OcrClosedError extends Error {
  readonly code = 'ocr.closed';
  constructor() {
    super('the OCR reader is closed');
    this.name = 'OcrClosedError';
  }
}
