import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { JsQrCodeReader, QR_MAX_BANDS, qrBands } from '@listinglens/text-detectors';
import { qrRects, WHATSAPP_QR_PAYLOAD } from './support/qr-modules';

/** A white page with the test QR code (25 modules × 8 px) near its bottom edge. */
async function pageWithQr(width: number, height: number): Promise<Buffer> {
  const qr = qrRects(40, height - 260, 8);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/>${qr.rects
    .map((r) => `<rect x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" fill="#000"/>`)
    .join('')}</svg>`;
  return sharp(Buffer.from(svg), { limitInputPixels: false }).png().toBuffer();
}

const strip = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#fff' }, limitInputPixels: false }).png({ compressionLevel: 9 }).toBuffer();

describe('JsQrCodeReader bounds its work by the image shape', () => {
  it('a 1×100000 PNG (488 bytes) is not cut into 50,000 bands: read in well under a second', async () => {
    const bytes = await strip(1, 100_000);
    const started = performance.now();
    expect(await new JsQrCodeReader().read(bytes)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2_000);
  }, 20_000);

  it('degenerate shapes get no bands; tall pages at most QR_MAX_BANDS, still covering the whole height', () => {
    expect(qrBands(1, 10_000_000)).toEqual([]);
    expect(qrBands(10_000_000, 1)).toEqual([]);
    expect(qrBands(50, 1_000_000)).toEqual([]); // 50 MP: under the pixel cap, but a strip
    for (const [w, h] of [[750, 12_000], [400, 20_000], [200, 20_000], [2_000, 1_000]]) {
      const bands = qrBands(w, h);
      expect(bands.length).toBeGreaterThan(0);
      expect(bands.length).toBeLessThanOrEqual(QR_MAX_BANDS);
      expect(bands[0].top).toBe(0);
      expect(bands.at(-1)!.top + bands.at(-1)!.height).toBe(h);
      // consecutive bands overlap by at least half a width, so a code is whole in one of them
      for (let i = 1; i < bands.length; i++) expect(bands[i - 1].top + bands[i - 1].height - bands[i].top).toBeGreaterThanOrEqual(Math.min(Math.floor(w / 2), bands[i].height));
    }
  });

  it('still finds a code at the bottom of a page taller than QR_MAX_BANDS square bands', async () => {
    expect(qrBands(400, 20_000).length).toBe(QR_MAX_BANDS);
    const hits = await new JsQrCodeReader().read(await pageWithQr(400, 20_000));
    expect(hits.map((h) => h.payload)).toEqual([WHATSAPP_QR_PAYLOAD]);
  }, 60_000);
});
