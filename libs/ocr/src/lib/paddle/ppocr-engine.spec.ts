import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPpOcrProbe, PpOcrEngine } from './ppocr-engine';
import { ppOcrModelFiles } from './ppocr-models';
import { PPOCR_DEFAULTS } from './ppocr-settings';

let engine: PpOcrEngine;
beforeAll(async () => {
  engine = await PpOcrEngine.load(ppOcrModelFiles());
});
afterAll(() => engine.release());

const fold = (s: string) => s.replace(/\s+/g, '');

async function render(width: number, height: number, text: string, size: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/><text x="10" y="${Math.round(height * 0.72)}" font-family="DejaVu Sans" font-size="${size}">${text}</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

describe('PpOcrEngine recognition widths', () => {
  it('reads a line too wide for one input in overlapping chunks, every character once', async () => {
    const words = Array.from({ length: 20 }, (_, i) => `K${10 + i}`);
    // One 2,000 × 31 line: about 3,100 columns at height 48, so two or three chunks.
    const png = await render(2300, 80, words.join('-'), 44);
    const chunked = newPpOcrProbe();
    const read = fold((await engine.read(png, PPOCR_DEFAULTS, chunked)).map((l) => l.text).join(''));
    const whole = newPpOcrProbe();
    const wholeRead = fold((await engine.read(png, { ...PPOCR_DEFAULTS, recognition: { ...PPOCR_DEFAULTS.recognition, maxWidth: 1e9 } }, whole)).map((l) => l.text).join(''));
    expect(whole.widestInput).toBeGreaterThan(1600);
    expect(chunked.widestInput).toBeLessThanOrEqual(1600);
    expect(read).toBe(wholeRead);
    for (const w of words) expect(read.split(w).length - 1, `${w} in ${read}`).toBe(1);
  });
});
