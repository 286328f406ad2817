import { monitorEventLoopDelay } from 'node:perf_hooks';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { CpuPool, RasterCache } from '@listinglens/pipeline';
import { ZxingQrCodeReader } from '@listinglens/scanner';
import { QR_MAX_BANDS, qrBands } from '@listinglens/text-detectors';
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

const cpu = new CpuPool(2);
afterAll(() => cpu.close());
const newReader = () => {
  const rasters = new RasterCache({ maxPixels: 50_000_000, budgetBytes: 192 * 1024 * 1024 });
  return { rasters, reader: new ZxingQrCodeReader({ rasters, cpu }) };
};
const inAMinute = () => Date.now() + 60_000;

describe('ZxingQrCodeReader bounds its work by the image shape', () => {
  it('a 1×100000 PNG (488 bytes) is not cut into 50,000 bands: read in well under a second', async () => {
    const bytes = await strip(1, 100_000);
    const started = performance.now();
    expect(await newReader().reader.read(bytes, inAMinute())).toEqual([]);
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
    const page = await pageWithQr(400, 20_000);
    const { reader, rasters } = newReader();
    const hits = await reader.read(page, inAMinute());
    expect(hits.map((h) => h.payload)).toEqual([WHATSAPP_QR_PAYLOAD]);
    expect(hits[0].box.y).toBeGreaterThan(20_000 - 300);
    // 24 bands × 2 sizes cut from one decode, not 48 decodes of the PNG.
    expect(rasters.decodes).toBe(1);
  }, 60_000);

  it('decodes in worker threads: the event loop (BullMQ lock renewal, HTTP) never waits on a decoding pass', async () => {
    // A noisy 2000×2000 photo: jsQR took seconds a pass on it on the event loop (8.8 s for a 1200 px pass
    // of a 3000 px one); in threads the loop's worst delay stayed near 100 ms on a busy machine.
    const noise = await sharp({ create: { width: 2000, height: 2000, channels: 3, background: '#888', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png().toBuffer();
    const { reader } = newReader();
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    await reader.read(noise, inAMinute());
    delay.disable();
    expect(delay.max / 1e6).toBeLessThan(1_000);
  }, 60_000);
});

describe('ZxingQrCodeReader within a time budget', () => {
  it('stops a read past its deadline with image.time_budget_exceeded, and the threads keep working', async () => {
    const page = await pageWithQr(1200, 12_000);
    const { reader } = newReader();
    const started = performance.now();
    await expect(reader.read(page, Date.now() + 150)).rejects.toMatchObject({ code: 'image.time_budget_exceeded' });
    expect(performance.now() - started).toBeLessThan(3_000);
    const hits = await newReader().reader.read(await pageWithQr(400, 800), inAMinute());
    expect(hits.map((h) => h.payload)).toEqual([WHATSAPP_QR_PAYLOAD]);
  }, 60_000);
});
