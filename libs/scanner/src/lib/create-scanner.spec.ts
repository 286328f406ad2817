import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhashIndex } from '@listinglens/contracts';
import { createScanner, type Scanner } from './create-scanner';
import { DEFAULT_SCANNER_OPTIONS } from './scanner-options';

const LISTING = { marketplace: 'm', externalId: 'e', sellerId: 'seller-1', title: 'Bowl', price: { amount: '9.99', currency: 'USD' } };

/** A photo-like gradient with a soft disc, so perceptual hashing and pixel statistics have something to see. */
async function photo(exif?: Record<string, string>): Promise<Buffer> {
  const w = 256;
  const h = 192;
  const px = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const disc = (x - 128) ** 2 + (y - 96) ** 2 < 60 ** 2 ? 80 : 0;
      px.set([(x + disc) % 256, (y + disc) % 256, (x * y) % 256], (y * w + x) * 3);
    }
  const image = sharp(px, { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality: 90 });
  return (exif ? image.withExif({ IFD0: exif }) : image).toBuffer();
}

/** The worker and the CLI get the same pipeline from createScanner; OCR is off here (its own specs and the end-to-end tests cover it). */
describe('createScanner', () => {
  let scanner: Scanner;
  const asked: string[] = [];
  // The service's index is PostgreSQL (test/ingest covers it); here a stored copy from another seller.
  const index: PhashIndex = {
    async findNear(phash) {
      asked.push(phash);
      return [{ listingId: 'other-listing', sellerId: 'seller-2', imagePosition: 0, phash, distance: 0 }];
    },
  };

  beforeAll(async () => {
    scanner = await createScanner(DEFAULT_SCANNER_OPTIONS, { ocr: false, phashIndex: index });
  });
  afterAll(() => scanner.close());

  it('reads what a generator wrote into EXIF, decodes each image once and records a broken one as its own error', async () => {
    const flux = await photo({ Make: 'Black Forest Labs', Software: 'AI generated;txt2img;flux' });
    const before = scanner.rasters.decodes;
    const outcome = await scanner.pipeline.scan({ ...LISTING, listingId: 'l-1', scanId: 's-1' }, [
      { kind: 'inline', bytes: flux },
      { kind: 'inline', bytes: Buffer.from('not an image at all') },
    ]);
    expect(outcome.images[0]).toMatchObject({ format: 'jpeg', width: 256, height: 192, error: null });
    expect(outcome.images[1].error?.code).toMatch(/^image\./);
    const provenance = outcome.findings.find((f) => f.code === 'ai.provenance');
    expect(provenance).toMatchObject({ imagePosition: 0 });
    expect(JSON.stringify(provenance?.evidence)).toMatch(/Black Forest Labs|flux/i);
    expect(scanner.rasters.decodes - before).toBeLessThanOrEqual(1);
  });

  it('asks the reuse index about every image it decoded and reports another seller’s copy', async () => {
    const outcome = await scanner.pipeline.scan({ ...LISTING, listingId: 'l-2', scanId: 's-2' }, [{ kind: 'inline', bytes: await photo() }]);
    expect(asked.length).toBeGreaterThan(0);
    expect(outcome.findings.map((f) => f.code)).toContain('image.reused');
    expect(outcome.findings.some((f) => f.code === 'ai.provenance')).toBe(false);
  });
});
