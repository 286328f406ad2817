import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { CpuPool, RasterCache } from '@listinglens/pipeline';
import { ZxingQrCodeReader } from '@listinglens/scanner';
import { qrRects, WHATSAPP_QR_PAYLOAD } from './support/qr-modules';

/** A white page with the test QR code (25 modules × 8 px) near its bottom edge. */
async function pageWithQr(width: number, height: number, inverted = false): Promise<Buffer> {
  const [bg, fg] = inverted ? ['#000', '#fff'] : ['#fff', '#000'];
  const qr = qrRects(40, height - 260, 8);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${bg}"/>${qr.rects
    .map((r) => `<rect x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" fill="${fg}"/>`)
    .join('')}</svg>`;
  return sharp(Buffer.from(svg), { limitInputPixels: false }).png().toBuffer();
}

const cpu = new CpuPool(2);
afterAll(() => cpu.close());
const newReader = () => {
  const rasters = new RasterCache({ maxPixels: 50_000_000, budgetBytes: 192 * 1024 * 1024 });
  return { rasters, reader: new ZxingQrCodeReader({ rasters, cpu }) };
};
const inAMinute = () => Date.now() + 60_000;

describe('ZxingQrCodeReader (the scanner\'s QR reader, issue 22)', () => {
  it('finds a code at the bottom of a tall page, from one decode, with its box in page coordinates', async () => {
    const { reader, rasters } = newReader();
    const hits = await reader.read(await pageWithQr(400, 20_000), inAMinute());
    expect(hits.map((h) => h.payload)).toEqual([WHATSAPP_QR_PAYLOAD]);
    expect(hits[0].box.y).toBeGreaterThan(20_000 - 300);
    expect(hits[0].box.x).toBeLessThan(60);
    expect(rasters.decodes).toBe(1);
  }, 60_000);

  it('finds an inverted code (light on dark)', async () => {
    const hits = await newReader().reader.read(await pageWithQr(800, 800, true), inAMinute());
    expect(hits.map((h) => h.payload)).toEqual([WHATSAPP_QR_PAYLOAD]);
  }, 60_000);

  it('reads degenerate strips as no codes, quickly', async () => {
    const strip = await sharp({ create: { width: 3, height: 180_000, channels: 3, background: '#fff' } }).png().toBuffer();
    expect(await newReader().reader.read(strip, inAMinute())).toEqual([]);
  }, 20_000);

  it('stops a read past its deadline with image.time_budget_exceeded', async () => {
    const page = await pageWithQr(1200, 12_000);
    await expect(newReader().reader.read(page, Date.now() + 5)).rejects.toMatchObject({ code: 'image.time_budget_exceeded' });
  }, 60_000);
});
