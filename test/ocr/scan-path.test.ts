import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScanner, DEFAULT_SCANNER_OPTIONS, type Scanner } from '@listinglens/scanner';
import { qrRects } from './support/qr-modules';

/** A tall white page with the test QR code near its bottom, and a photo-like gradient. */
async function images(): Promise<Buffer[]> {
  const qr = qrRects(40, 5_700, 8);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="750" height="6000"><rect width="100%" height="100%" fill="#fff"/>${qr.rects
    .map((r) => `<rect x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}"/>`)
    .join('')}</svg>`;
  const page = await sharp(Buffer.from(svg)).png().toBuffer();
  const photo = await sharp({ create: { width: 900, height: 700, channels: 3, background: '#4a7' } }).jpeg().toBuffer();
  const withAlpha = await sharp({ create: { width: 300, height: 300, channels: 4, background: { r: 200, g: 30, b: 30, alpha: 0.5 } } }).png().toBuffer();
  return [page, photo, withAlpha];
}

describe('the scan path decodes each image once for every pixel consumer', () => {
  let scanner: Scanner;
  beforeAll(async () => {
    scanner = await createScanner(DEFAULT_SCANNER_OPTIONS, { ocr: { poolSize: 1 } });
  });
  afterAll(() => scanner.close());

  it('QR reading and the AI pixel statistics share one decode per image', async () => {
    const sources = (await images()).map((bytes) => ({ kind: 'inline' as const, bytes }));
    const outcome = await scanner.pipeline.scan(
      { marketplace: 'm', externalId: 'x', sellerId: 's', title: 'decode once', price: { amount: '9.00', currency: 'EUR' } },
      sources,
    );
    expect(outcome.images.map((i) => i.error)).toEqual([null, null, null]);
    // The QR code was read from the shared raster (a contact finding), the AI sources ran on it too…
    expect(outcome.findings.some((f) => f.code === 'contact.off_platform' && f.evidence['source'] === 'qr')).toBe(true);
    // …and three images cost three full decodes in this process (QR bands used to decode the page 24 times).
    expect(scanner.rasters.decodes).toBe(3);
  }, 120_000);

  it('the AI pixel statistics read the shared raster (no OCR, so no QR: every decode is theirs)', async () => {
    const aiOnly = await createScanner(DEFAULT_SCANNER_OPTIONS, { ocr: false });
    try {
      const sources = (await images()).map((bytes) => ({ kind: 'inline' as const, bytes }));
      await aiOnly.pipeline.scan({ marketplace: 'm', externalId: 'y', sellerId: 's', title: 'ai', price: { amount: '9.00', currency: 'EUR' } }, sources);
      expect(aiOnly.rasters.decodes).toBe(3);
    } finally {
      await aiOnly.close();
    }
  }, 60_000);

  it('the watermark and forensic statistics run in worker threads and stop at the step deadline', async () => {
    const noisy = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#777', noise: { type: 'gaussian', mean: 120, sigma: 40 } } }).png().toBuffer();
    const listing = { marketplace: 'm', externalId: 'z', sellerId: 's', title: 'ai', price: { amount: '9.00', currency: 'EUR' } };
    const aiOnly = await createScanner(DEFAULT_SCANNER_OPTIONS, { ocr: false });
    const tight = await createScanner({ ...DEFAULT_SCANNER_OPTIONS, budgets: { stepMs: 100, scanMs: 60_000 } }, { ocr: false });
    try {
      const outcome = await aiOnly.pipeline.scan(listing, [{ kind: 'inline', bytes: noisy }]);
      expect(outcome.images[0].error).toBeNull();
      expect(outcome.findings.filter((f) => f.code.startsWith('ai.'))).toEqual([]);
      // A step past its deadline is stopped in its thread and said on the image (inline it would just run).
      const late = await tight.pipeline.scan(listing, [{ kind: 'inline', bytes: noisy }]);
      // The thread's own deadline and the step's timer fall at the same moment: on a loaded machine the
      // detector boundary may say it first (ai.provenance is the step that runs them).
      expect(late.images[0].error).toMatchObject({
        code: 'image.time_budget_exceeded',
        message: expect.stringMatching(/^(watermark|forensic):|^ai\.provenance did not finish/),
      });
    } finally {
      await Promise.all([aiOnly.close(), tight.close()]);
    }
  }, 60_000);
});
