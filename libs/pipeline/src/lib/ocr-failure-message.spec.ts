import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ScanPipeline } from './scan-pipeline';
import type { TextReader } from './types';

/** Issue 10 defect 11: tesseract.js's "SyntaxError: Unexpected end of JSON input" on a 100000×1 strip. */
describe('image.ocr_failed messages', () => {
  const scanWith = async (failure: Error) => {
    const textReader: TextReader = { read: () => Promise.reject(failure) } as unknown as TextReader;
    const pipeline = new ScanPipeline({
      loader: { load: async () => sharp({ create: { width: 8, height: 1, channels: 3, background: '#fff' } }).png().toBuffer() } as never,
      decoder: { inspect: async () => ({ width: 100000, height: 1 }) } as never,
      detectors: [],
      textReader,
    });
    const outcome = await pipeline.scan({ title: 't', description: '', price: { amount: '1', currency: 'USD' } } as never, [{ kind: 'inline', data: Buffer.alloc(0) } as never], { includeText: true });
    return outcome.images[0].error;
  };

  it('an engine internal is not leaked', async () => {
    const error = await scanWith(new SyntaxError('Unexpected end of JSON input'));
    expect(error?.code).toBe('image.ocr_failed');
    expect(error?.message).not.toMatch(/SyntaxError|JSON/);
  });

  it("the reader's own errors keep their message", async () => {
    const timeout = Object.assign(new Error('OCR did not finish within 100 ms'), { code: 'ocr.timeout' });
    expect((await scanWith(timeout))?.message).toBe('OCR did not finish within 100 ms');
  });
});
