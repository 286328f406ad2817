import { FINDING_CODES, findingSchema } from '@listinglens/contracts';
import { describe, expect, it } from 'vitest';
import { createTextDetectors } from '../create-text-detectors';
import type { QrCodeReader } from '../qr-code-reader';
import { contextWithText, ocrFromLines } from '../testing/fake-ocr';

const LINES = ['原价¥199 现价¥99 -70%', '领券 满200减30', 'LIVE 12.8万人观看', '立即购买', '官方旗舰店 Best Seller', '加V 13800138000', 'FEDERAL RESERVE NOTE'];
const qr: QrCodeReader = { read: async () => [{ payload: 'https://wa.me/85291234567', box: { x: 5, y: 6, width: 70, height: 70 }, scale: 1 }] };

describe('text findings and their evidence schemas', () => {
  it('every finding the text detectors write, stored as JSON and read back, parses with its code’s schema unchanged', async () => {
    const ctx = { ...contextWithText([]), text: async () => ({ ...ocrFromLines(LINES), engine: 'test:engine-1' }) };
    const findings = (await Promise.all(createTextDetectors({ qrReader: qr }).map((d) => d.detect(ctx)))).flat();
    const textCodes = FINDING_CODES.filter((c) => !c.startsWith('ai.') && c !== 'image.reused' && c !== 'image.listed_match' && c !== 'provenance.unverified');
    expect(new Set(findings.map((f) => f.code))).toEqual(new Set(textCodes));
    expect(findings.filter((f) => f.code === 'contact.off_platform').map((f) => f.evidence.source).sort()).toEqual(['ocr', 'qr']);
    for (const f of findings) {
      const stored: unknown = JSON.parse(JSON.stringify(f));
      expect(findingSchema.parse(stored)).toEqual(stored);
    }
  });
});
