import type { OcrWord } from '@listinglens/pipeline';
import { describe, expect, it } from 'vitest';
import { buildTextLines, joinLine, locate } from './text-lines';

const w = (text: string, x: number, y: number, width = 20, height = 30): OcrWord => ({
  text,
  confidence: 0.9,
  box: { x, y, width, height },
});

describe('buildTextLines', () => {
  it('joins CJK characters without spaces and Latin words with one', () => {
    const lines = buildTextLines([w('满', 0, 0), w('200', 22, 2, 40), w('减', 64, 0), w('30', 86, 1), w('Buy', 0, 100, 40), w('Now', 50, 100, 40)]);
    expect(lines.map((l) => l.text)).toEqual(['满200减30', 'Buy Now']);
  });

  it('orders words left to right even when OCR returned them out of order', () => {
    expect(buildTextLines([w('Now', 50, 0, 40), w('Buy', 0, 2, 40)])[0].text).toBe('Buy Now');
  });

  it('splits two columns on the same row', () => {
    expect(buildTextLines([w('left', 0, 0, 40), w('right', 600, 0, 50)]).map((l) => l.text)).toEqual(['left', 'right']);
  });

  it('maps a text range back to the union box of its words', () => {
    const [line] = buildTextLines([w('WAS', 0, 0, 60), w('$199', 70, 0, 80), w('NOW', 160, 0, 60)]);
    const where = locate(line, line.text.indexOf('$199'), line.text.indexOf('$199') + 4);
    expect(where.box).toEqual({ x: 70, y: 0, width: 80, height: 30 });
    expect(locate(line, 0, 8).box).toEqual({ x: 0, y: 0, width: 150, height: 30 });
  });
});

describe('locate', () => {
  it('narrows a match inside a one-word line to its characters where the engine gave their x ranges', () => {
    const word = { text: '限时特价¥99', confidence: 0.95, box: { x: 60, y: 140, width: 300, height: 44 } };
    const charX: Array<[number, number]> = [[60, 100], [100, 140], [140, 180], [180, 220], [250, 280], [280, 310], [310, 340]];
    const line = joinLine([{ ...word, charX }]);
    const where = locate(line, 4, 7);
    // "¥99" spans x 250–340, plus a little margin (15 % of the line height).
    expect(where.box).toEqual({ x: 243, y: 140, width: 104, height: 44 });
    // Without character ranges the whole word is the box.
    expect(locate(joinLine([word]), 4, 7).box).toEqual(word.box);
  });

  it("gives a match the confidence of its least sure character where the engine scores characters", () => {
    const word = { text: '特价¥199', confidence: 0.93, box: { x: 0, y: 0, width: 180, height: 30 } };
    const line = joinLine([{ ...word, charConfidence: [0.99, 0.99, 0.98, 0.97, 0.51, 0.99] }]);
    expect(locate(line, 2, 6).confidence).toBe(0.51);
    expect(locate(line, 0, 2).confidence).toBe(0.99);
    expect(locate(joinLine([word]), 2, 6).confidence).toBe(0.93);
  });
});
