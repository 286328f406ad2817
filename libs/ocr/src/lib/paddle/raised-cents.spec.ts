import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { PpOcrLine } from './ppocr-settings';
import { joinRaisedCents, markRaisedCents } from './raised-cents';
import type { RgbRaster } from './raster';

/** Draws SVG text elements onto a white 320×120 raster, as a price tag prints them. */
async function raster(texts: string, colours = { ink: '#111', paper: '#fff' }): Promise<RgbRaster> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="120"><rect width="100%" height="100%" fill="${colours.paper}"/><g font-family="DejaVu Sans" fill="${colours.ink}">${texts}</g></svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** A recognised line as PP-OCR returns it: text, box, and each character's CTC columns in pixels. */
function line(text: string, centres: number[], reversed = false): PpOcrLine {
  const chars = centres.map((c): [number, number] => [c - 3, c + 3]);
  return { text, confidence: 0.95, box: { x: 5, y: 5, width: 240, height: 110 }, chars: reversed ? chars.reverse() : chars, charConfidence: centres.map(() => 0.95) };
}

const RAISED = '<text x="20" y="100" font-size="90">2</text><text x="80" y="55" font-size="42">99</text>';

describe('markRaisedCents', () => {
  it('reads "2⁹⁹" (cents raised and smaller) as 2.99, the point placed before the cents', async () => {
    const read = markRaisedCents(line('299', [48, 92, 118]), await raster(RAISED));
    expect(read.text).toBe('2.99');
    expect(read.chars).toHaveLength(4);
    expect(read.charConfidence).toHaveLength(4);
  });

  it('does the same for light print on a dark tag and a longer price ("149⁹⁹")', async () => {
    const texts = '<text x="10" y="100" font-size="80">149</text><text x="150" y="50" font-size="38">99</text>';
    const read = markRaisedCents(line('14999', [30, 75, 120, 162, 186]), await raster(texts, { ink: '#fff', paper: '#c00' }));
    expect(read.text).toBe('149.99');
  });

  it('leaves digits of one size alone ("299", "1299")', async () => {
    const same = await raster('<text x="20" y="100" font-size="80">1299</text>');
    expect(markRaisedCents(line('1299', [45, 95, 145, 195]), same).text).toBe('1299');
  });

  it('reads one raised digit after a price as the footnote mark it is ("199¹"), not as cents', async () => {
    const footnote = await raster('<text x="10" y="100" font-size="80">199</text><text x="150" y="50" font-size="38">1</text>');
    expect(markRaisedCents(line('1991', [30, 75, 120, 162]), footnote).text).toBe('199¹');
  });

  it('leaves lines read turned 180° alone (their raster is upside down for this check)', async () => {
    expect(markRaisedCents(line('299', [48, 92, 118], true), await raster(RAISED)).text).toBe('299');
  });

  it('leaves numbers that already carry a separator or are too short alone', async () => {
    const r = await raster(RAISED);
    expect(markRaisedCents(line('2.99', [40, 60, 92, 118]), r).text).toBe('2.99');
    expect(markRaisedCents(line('99', [92, 118]), r).text).toBe('99');
  });
});

describe('joinRaisedCents', () => {
  const at = (text: string, x: number, y: number, width: number, height: number): PpOcrLine => ({
    text,
    confidence: 0.9,
    box: { x, y, width, height },
    chars: [...text].map((_, i) => [x + (i * width) / text.length, x + ((i + 1) * width) / text.length]),
    charConfidence: [...text].map(() => 0.9),
  });

  it('joins cents boxed apart, raised beside the price, as its decimals', () => {
    const joined = joinRaisedCents([at('€2', 47, 47, 181, 106), at('99', 212, 52, 59, 41), at('NOW', 385, 71, 124, 44)]);
    expect(joined.map((l) => l.text)).toEqual(['€2.99', 'NOW']);
    expect(joined[0].chars).toHaveLength(5);
    expect(joined[0].box).toEqual({ x: 47, y: 47, width: 224, height: 106 });
  });

  it('leaves two-digit lines alone that are level with, as tall as, or far from a number', () => {
    const level = [at('€2', 47, 47, 181, 106), at('99', 212, 100, 59, 41)];
    const tall = [at('€2', 47, 47, 181, 106), at('99', 212, 47, 100, 100)];
    const far = [at('€2', 47, 47, 181, 106), at('99', 300, 52, 59, 41)];
    const word = [at('NOW', 47, 47, 181, 106), at('99', 212, 52, 59, 41)];
    for (const lines of [level, tall, far, word]) expect(joinRaisedCents(lines)).toHaveLength(2);
  });
});
