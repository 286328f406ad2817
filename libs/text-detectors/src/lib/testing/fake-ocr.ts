import type { ListingFields } from '@listinglens/contracts';
import { type AnalyzedImage, type DetectorContext, NO_PDQ, type OcrResult, type OcrWord } from '@listinglens/pipeline';

/**
 * Test helper: OCR output as if each string were a printed line. Words are split on spaces, 20 px per
 * character, 40 px per line, so tests can also check boxes.
 */
export function ocrFromLines(lines: readonly string[], confidence = 0.9): OcrResult {
  const words: OcrWord[] = [];
  lines.forEach((line, row) => {
    let col = 0;
    for (const part of line.split(' ')) {
      if (part) {
        words.push({ text: part, confidence, box: { x: 10 + col * 20, y: 10 + row * 40, width: part.length * 20, height: 30 } });
      }
      col += part.length + 1;
    }
  });
  return { text: lines.join('\n'), words };
}

export const LISTING: ListingFields = {
  marketplace: 'test',
  externalId: 'L1',
  sellerId: 'S1',
  title: 'Wireless earbuds',
  price: { amount: '49.00', currency: 'USD' },
};

export function fakeImage(position = 0): AnalyzedImage {
  return { position, bytes: Buffer.alloc(0), sha256: `sha${position}`, format: 'png', width: 1000, height: 1000, phash: '0', ...NO_PDQ };
}

/** A scan context with one image whose OCR reads `lines`. */
export function contextWithText(lines: readonly string[], listing: Partial<ListingFields> = {}): DetectorContext {
  const image = fakeImage();
  const ocr = ocrFromLines(lines);
  return {
    listing: { ...LISTING, ...listing },
    images: [image],
    text: async () => ocr,
    stepDeadline: () => Date.now() + 60_000,
    // A fake scan has nowhere to record an image error: surface it instead of losing it.
    reportError: (image, error) => {
      throw new Error(`image ${image.position}: ${error.code} ${error.message}`);
    },
  };
}
